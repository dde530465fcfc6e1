/**
 * Canonical keys of definedness conditions: two conditions get the same key
 * only when they hold at the same points (given the other conditions of the
 * same side). `nonzero(E)` is split over E's factors and powers (a b != 0
 * iff a != 0 and b != 0; b^k != 0 iff b != 0 where b^k is defined, and b^k's
 * own conditions are in the same set), each factor keyed by its normal form
 * up to a constant factor (sign included: -(y+z) != 0 is y+z != 0) and, for
 * a polynomial in one variable, its square-free part ((x-1)^2 != 0 is
 * x-1 != 0). positive(f) implies nonzero(f) and nonnegative(f);
 * nonnegative(f) with nonzero(f) is positive(f). For positive and
 * nonnegative, atoms > 0 common to f's terms and denominators > 0 are divided
 * out (p^2 (1 + x) >= 0 is 1 + x >= 0 for p > 0), and an odd power is its base
 * (u^3 >= 0 is u >= 0).
 */
import type { Expr } from '../ir/expr.js';
import { type Rational, rat, rsign, isZero } from '../ir/rational.js';
import type { Scope } from '../ir/symbols.js';
import { BudgetExceeded } from './budget.js';
import { type Condition, holdsEverywhere, canonicalCondition } from './definedness.js';
import { type Normalizer, Undefined } from './normal.js';
import { type Poly, atomPoly, polyKey, scalePoly } from './poly.js';
import { type RatFunc, rfConstantValue, rfKey } from './ratfunc.js';
import { squareFreePart } from './squarefree.js';
import { isPositiveRange, rangeOf } from './sign.js';

/** an undischarged condition, and the expression (for nonzero: the factor) its key stands for */
export interface KeyedCondition {
  readonly condition: Condition;
  readonly expr: Expr;
}

/** the pieces whose vanishing makes e vanish, where e is defined */
function nonzeroPieces(e: Expr): Expr[] {
  if (e.kind === 'mul') return e.factors.flatMap(nonzeroPieces);
  if (e.kind === 'pow' && e.exp.kind === 'num' && !isZero(e.exp.value)) return nonzeroPieces(e.base);
  if (e.kind === 'call' && e.fn === 'sqrt') return nonzeroPieces(e.args[0]!);
  // abs(u) != 0 exactly where u != 0 (so x/abs(x) and abs(x)/x need the same)
  if (e.kind === 'call' && e.fn === 'abs') return nonzeroPieces(e.args[0]!);
  if (e.kind === 'call' && e.fn === 'exp') return [];
  if (e.kind === 'num' && !isZero(e.value)) return [];
  return [e];
}

/** p divided by its leading coefficient (so p and -p, 2p get one key); by its absolute value when keepSign */
function monic(p: Poly, keepSign: boolean): Poly {
  const terms = [...p.values()];
  if (terms.length === 0) return p;
  const lead = terms.reduce((m, t) => (m.mono.key > t.mono.key ? m : t));
  const c: Rational = lead.coeff;
  const n = keepSign && rsign(c) < 0 ? -c.n : c.n;
  return scalePoly(p, rat(c.d, n));
}

/** the factors whose vanishing makes f vanish, keyed: its numerator's common atoms, and the rest */
function nonzeroFactors(f: RatFunc, N: Normalizer): { key: string; poly: Poly; atom?: string }[] {
  const terms = [...f.num.values()];
  if (terms.length === 0) return [{ key: '0', poly: f.num }];
  let common: Map<string, bigint> | undefined;
  for (const t of terms) {
    const here = new Map(t.mono.powers.map((p) => [p.atom, p.exp]));
    common = common ? new Map([...common].filter(([a]) => here.has(a))) : here;
  }
  const atoms = [...(common ?? new Map()).keys()] as string[];
  const atomFactors = atoms.map((a) => ({ key: polyKey(atomPoly(a)), poly: atomPoly(a), atom: a }));
  if (terms.length === 1) return atomFactors;
  let rest = f.num;
  for (const a of atoms) rest = N.ring.divideExact(rest, atomPoly(a)) ?? rest;
  const canonical = monic(squareFreePart(monic(rest, false), N.atoms), false);
  return [...atomFactors, { key: polyKey(canonical), poly: canonical }];
}

interface Entry extends KeyedCondition {
  readonly scope: string;
  readonly body: string;
}

/**
 * The undischarged conditions by a key that is equal for equivalent
 * conditions (see the file comment).
 */
export function conditionKeys(
  conditions: readonly Condition[],
  N: Normalizer,
  scope: Scope,
): Map<string, KeyedCondition> {
  const entries = new Map<string, Entry>();
  const put = (c: Condition, body: string, expr: Expr, scopeKey: string) =>
    entries.set(`${c.kind}${scopeKey}:${body}`, { condition: c, expr, scope: scopeKey, body });
  for (const raw of conditions) {
    if (holdsEverywhere(raw, scope.symbols)) continue;
    const c = canonicalCondition(raw);
    const scopeKey = c.forAll.length ? ` forall ${c.forAll.join(',')}` : '';
    const pieces = c.kind === 'nonzero' ? nonzeroPieces(c.expr) : [oddPowerBase(c.expr)];
    for (const piece of pieces) {
      const here = { ...c, expr: piece };
      if (c.kind === 'nonzero' && holdsEverywhere(here, scope.symbols)) continue;
      let f: RatFunc | undefined;
      try {
        f = c.kind === 'defined' ? undefined : N.nf(piece);
      } catch (err) {
        if (!(err instanceof BudgetExceeded || err instanceof Undefined)) throw err;
      }
      if (!f) {
        put(c, `expr ${piece.key}`, piece, scopeKey);
        continue;
      }
      if (c.kind === 'nonzero') {
        for (const t of nonzeroFactors(f, N).flatMap((t) => absFactors(t, N))) {
          const atomExpr = t.atom !== undefined ? N.atoms.get(t.atom)?.expr : undefined;
          if (atomExpr && holdsEverywhere({ ...c, expr: atomExpr }, scope.symbols)) continue;
          const expr = atomExpr ?? N.polyExpr(t.poly);
          put({ ...c, expr }, t.key, expr, scopeKey);
        }
        continue;
      }
      const value = rfConstantValue(f);
      if (value !== undefined && (c.kind === 'positive' ? rsign(value) > 0 : rsign(value) >= 0)) continue;
      // f = N/D with every factor of D > 0: f > 0 iff N > 0 (>= 0 likewise)
      const positiveDen = f.den.every((d) => isPositiveRange(rangeOf(N.polyExpr(d.poly), scope.symbols)));
      const g = positiveDen ? { num: f.num, den: [] } : f;
      const body = g.den.length === 0 ? polyKey(monic(withoutPositiveAtoms(g.num, N, scope), true)) : `rf ${rfKey(g)}`;
      put(c, body, c.expr, scopeKey);
    }
  }
  return implied(entries);
}

/** positive(f) implies nonzero(f) and nonnegative(f); nonnegative(f) and nonzero(f) together are positive(f) */
function implied(entries: Map<string, Entry>): Map<string, KeyedCondition> {
  const key = (kind: string, e: Entry) => `${kind}${e.scope}:${e.body}`;
  for (const e of [...entries.values()]) {
    if (e.condition.kind !== 'nonnegative') continue;
    const nz = entries.get(key('nonzero', e));
    if (!nz) continue;
    entries.delete(key('nonzero', e));
    entries.delete(key('nonnegative', e));
    if (!entries.has(key('positive', e)))
      entries.set(key('positive', e), { ...e, condition: { ...e.condition, kind: 'positive' } });
  }
  for (const e of [...entries.values()]) {
    if (e.condition.kind !== 'positive') continue;
    entries.delete(key('nonzero', e));
    entries.delete(key('nonnegative', e));
  }
  return new Map([...entries].map(([k, e]) => [k, { condition: e.condition, expr: e.expr }]));
}

/** a factor abs(u) stands for the factors of u: abs(u) != 0 exactly where u != 0 */
function absFactors(
  t: { key: string; poly: Poly; atom?: string },
  N: Normalizer,
  depth = 0,
): { key: string; poly: Poly; atom?: string }[] {
  const a = t.atom !== undefined ? N.atoms.get(t.atom)?.expr : undefined;
  if (a?.kind !== 'call' || a.fn !== 'abs' || depth > 8) return [t];
  try {
    return nonzeroFactors(N.nf(a.args[0]!), N).flatMap((u) => absFactors(u, N, depth + 1));
  } catch (err) {
    if (err instanceof BudgetExceeded || err instanceof Undefined) return [t];
    throw err;
  }
}

/** p divided by the atoms common to its terms that are > 0 on the whole domain: m P > 0 iff P > 0 (>= 0 likewise) */
function withoutPositiveAtoms(p: Poly, N: Normalizer, scope: Scope): Poly {
  const terms = [...p.values()];
  if (terms.length < 2) return p;
  let out = p;
  for (const { atom, exp } of terms[0]!.mono.powers) {
    const expr = N.atoms.get(atom)?.expr;
    if (!expr || !isPositiveRange(rangeOf(expr, scope.symbols))) continue;
    const least = terms.reduce((m, t) => {
      const e = t.mono.powers.find((x) => x.atom === atom)?.exp ?? 0n;
      return e < m ? e : m;
    }, exp);
    if (least > 0n) out = N.ring.divideExact(out, atomPoly(atom, least)) ?? out;
  }
  return out;
}

/** u for u^m with m odd and > 0: u^m > 0 iff u > 0, u^m >= 0 iff u >= 0 */
function oddPowerBase(e: Expr): Expr {
  const m = e.kind === 'pow' && e.exp.kind === 'num' ? e.exp.value : undefined;
  return e.kind === 'pow' && m && m.d === 1n && m.n > 0n && m.n % 2n === 1n ? oddPowerBase(e.base) : e;
}
