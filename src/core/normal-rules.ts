/**
 * Rules of the normal form kept apart from normal.ts: abs, max and min,
 * symmetric arrays, assumed sums, logs of rationals (rule ids nf.abs,
 * nf.symmetric, nf.assume, nf.log-rational). Each preserves the value
 * at every point where the expression is defined; a rule with a side
 * condition checks it by interval analysis (sign.ts) first.
 */
import type { RuleId } from './rules.js';
import type { BoundName } from './budget.js';
import type { Bases } from './bases.js';
import { type Expr, call, children, elem, type IndexTerm, num } from '../ir/expr.js';
import { ONE, type Rational, rat, rdiv, rneg, rsign } from '../ir/rational.js';
import { factorInteger } from './integers.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { type AtomInfo, type Poly, type Ring, atomPoly, negPoly, polyAtoms, scalePoly, sortedTerms } from './poly.js';
import { type Field, RF_ZERO, type RatFunc, rfAtom, rfConst, rfConstantValue, rfPoly } from './ratfunc.js';
import { isNonnegRange, rangeOf } from './sign.js';
import type { UndefinedCause } from './definedness.js';

/** what the rule modules (normal-rules, explog, trig, radicals, powers, rationalize) use of the Normalizer (normal.ts) */
export interface NormalHost {
  readonly field: Field;
  readonly ring: Ring;
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  readonly atoms: ReadonlyMap<string, AtomInfo>;
  readonly used: Set<RuleId>;
  /** bounds that left something unreduced, so a difference can name them */
  readonly limited: Set<BoundName>;
  /** the common bases of sin, cos and exp arguments (bases.ts) */
  readonly bases: Bases;
  nf(e: Expr, depth?: number): RatFunc;
  atom(expr: Expr, reduction?: AtomInfo['reduction']): RatFunc;
  toExpr(f: RatFunc): Expr;
  polyExpr(p: Poly): Expr;
  /** the normal form of b^x */
  power(b: Expr, x: Expr, depth: number): RatFunc;
  /** throws the normalizer's Undefined (a sub-expression nowhere defined) */
  nowhereDefined(why: UndefinedCause): never;
  /** atoms an assumed equation gives a value, and the memo to forget when one is added */
  readonly rewrites: Map<string, RatFunc>;
  readonly memo: Map<string, RatFunc>;
}

/** max(a, b) = (a + b + abs(a - b))/2, min(a, b) = (a + b - abs(a - b))/2: exact at every point */
export function maxMinOf(h: NormalHost, fn: 'max' | 'min', A: RatFunc, B: RatFunc): RatFunc {
  const F = h.field;
  h.used.add('nf.abs');
  const d = absOf(h, F.sub(A, B));
  return F.scale(fn === 'max' ? F.add(F.add(A, B), d) : F.sub(F.add(A, B), d), rat(1, 2));
}

/**
 * abs(U): |c| for a constant; U or -U where interval analysis shows U's
 * sign; otherwise |c| abs(V) with V = U/c led by coefficient 1, a
 * denominator's abs in the denominator (|N/D| = |N|/|D|, and |D| = 0
 * exactly where D = 0, where U is undefined), and abs(P) an atom with
 * abs(P)^2 = P^2
 */
export function absOf(h: NormalHost, U: RatFunc): RatFunc {
  const F = h.field;
  h.used.add('nf.abs');
  const c = rfConstantValue(U);
  if (c !== undefined) return rfConst(rsign(c) < 0 ? rneg(c) : c);
  const signed = knownSign(h, h.toExpr(U));
  if (signed !== 0) return signed > 0 ? U : F.neg(U);
  let acc = absPoly(h, U.num);
  for (const f of U.den) {
    const p = F.pow(absPoly(h, f.poly), -f.mult);
    if (!p) h.nowhereDefined('division-by-zero');
    acc = F.mul(acc, p);
  }
  return acc;
}

/** abs(P) for a nonzero polynomial P: |c| abs(P/c) with c the leading coefficient, a monomial atom by atom */
function absPoly(h: NormalHost, P: Poly): RatFunc {
  const F = h.field;
  const lead = sortedTerms(P)[0]!.coeff;
  const scale = rfConst(rsign(lead) < 0 ? rneg(lead) : lead);
  const Q = scalePoly(P, rdiv(ONE, lead));
  const signed = knownSign(h, h.polyExpr(Q));
  if (signed !== 0) return F.mul(scale, rfPoly(signed > 0 ? Q : negPoly(Q)));
  if (Q.size !== 1) return F.mul(scale, absAtom(h, Q));
  // |a^e b^f| = |a|^e |b|^f, and |a|^e = a^e for even e
  let acc = scale;
  for (const p of [...Q.values()][0]!.mono.powers) {
    const even = p.exp % 2n === 0n;
    const r = F.pow(rfAtom(p.atom), even ? p.exp : p.exp - 1n);
    if (!r) h.nowhereDefined('division-by-zero');
    acc = F.mul(acc, even ? r : F.mul(r, absAtom(h, atomPoly(p.atom))));
  }
  return acc;
}

/** abs(P) for P not of known sign (after a sign check): the atom abs(P) with abs(P)^2 = P^2 */
function absAtom(h: NormalHost, P: Poly): RatFunc {
  const signed = knownSign(h, h.polyExpr(P));
  if (signed !== 0) return signed > 0 ? rfPoly(P) : rfPoly(negPoly(P));
  return h.atom(call('abs', [h.polyExpr(P)]), { kind: 'square', to: h.ring.mul(P, P) });
}

/** 1 when interval analysis shows e >= 0 wherever it is defined, -1 when e <= 0, else 0 */
function knownSign(h: NormalHost, e: Expr): number {
  const r = rangeOf(e, h.symbols);
  if (isNonnegRange(r)) return 1;
  if (r.hi !== undefined && rsign(r.hi) <= 0) return -1;
  return 0;
}

/** w[b, a] as w[a, b] (indices in key order) for a symmetric array: the same quantity */
export function symmetricOrder(
  e: Extract<Expr, { kind: 'elem' }>,
  symbols: ReadonlyMap<string, SymbolDecl>,
  used: Set<string>,
): Expr {
  const d = symbols.get(e.name);
  if (d?.kind !== 'array' || !d.symmetric || e.indices.length !== 2) return e;
  const [a, b] = e.indices as [IndexTerm, IndexTerm];
  if (a.key <= b.key) return e;
  used.add('nf.symmetric');
  return elem(e.name, [b, a]);
}

/**
 * An assumed equation `sum = value`, a premise of the derivation: when
 * nf(sum) is c A for one atom A (the canonical sum) and nf(value) does not
 * contain A, A is replaced by value / c wherever it arises from now on.
 * False when the equation has another shape (then it is not used).
 */
export function assumeEquation(h: NormalHost, sum: Expr, value: Expr): boolean {
  const S = h.nf(sum);
  if (S.den.length || S.num.size !== 1) return false;
  const t = [...S.num.values()][0]!;
  if (t.mono.powers.length !== 1 || t.mono.powers[0]!.exp !== 1n) return false;
  const key = t.mono.powers[0]!.atom;
  const V = h.nf(value);
  if (polyAtoms(V.num).has(key) || V.den.some((f) => polyAtoms(f.poly).has(key))) return false;
  h.used.add('nf.assume');
  h.rewrites.set(key, h.field.scale(V, rdiv(ONE, t.coeff)));
  h.memo.clear();
  return true;
}

/** log(c) for a rational c: a combination of logs of primes */
export function logOfRational(h: NormalHost, c: Rational): RatFunc {
  const F = h.field;
  if (rsign(c) <= 0) return h.atom(call('log', [num(c)]));
  h.used.add('nf.log-rational');
  let acc = RF_ZERO;
  for (const [p, e] of factorInteger(c.n)) acc = F.add(acc, F.scale(h.atom(call('log', [num(p)])), rat(e)));
  for (const [p, e] of factorInteger(c.d)) acc = F.add(acc, F.scale(h.atom(call('log', [num(p)])), rat(-e)));
  return acc;
}

/** how deeply sums nest in e */
export function sumDepth(e: Expr): number {
  const inner = children(e).reduce((m, c) => Math.max(m, sumDepth(c)), 0);
  return e.kind === 'sum' ? inner + 1 : inner;
}
