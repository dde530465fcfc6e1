/**
 * A step refuted by exact bounds at an exact point, where a side holds a
 * power too large to compute (x^(10^(10^10)) against x): the core leaves
 * such a power unexpanded (MAX_EXPAND_EXPONENT, MAX_COEFFICIENT_BITS) and the
 * numeric layer overflows, but at x = 2 the power is at least 2^2048 and at
 * x = -1 it is 1, since 10^(10^10) is even. Each side is evaluated at the
 * point with exact-bounds.ts (exact rationals, whole numbers known by size
 * and parity, rational bounds): sums, products, and powers with a constant
 * whole exponent only; anything else leaves the side unknown. A side counts
 * as defined there only when it is evaluated (so every power in it has a
 * whole exponent, and a nonzero base when the exponent is negative) and
 * every definedness condition the core collects for it (those of
 * definitions and derivatives included) is shown to hold at the point the
 * same way; as undefined when one of those conditions is exactly broken
 * there (x^(10^(10^10)) as a denominator at x = 0). Refutation only:
 * nothing here can prove a step.
 */
import type { Expr, Pow } from '../ir/expr.js';
import { children } from '../ir/expr.js';
import { type Rational, rationalToString, rsign } from '../ir/rational.js';
import { prepareSide } from '../core/defined-at.js';
import { undefinednessWords } from '../explain/decision-words.js';
import type { Counterexample } from '../verdict/result.js';
import {
  type Bounds,
  type Known,
  addKnown,
  certainlyDiffer,
  exact,
  exactPower,
  exponentOf,
  mulKnown,
  power,
  toBounds,
} from './exact-bounds.js';
import { EXACT_CANDIDATES, type Pair, exactValues, plainScalars } from './exact-refutation.js';

/** the point (every variable's exact value), and what is known of each sub-expression there so far (conditions share sub-expressions with their side) */
interface Env {
  readonly values: ReadonlyMap<string, Rational>;
  readonly memo: Map<string, Known | undefined>;
}

/** does e mention a variable (so that a power of it has a variable exponent)? */
function mentionsVariable(e: Expr): boolean {
  return e.kind === 'sym' || e.kind === 'elem' || e.kind === 'units' || children(e).some(mentionsVariable);
}

/** base^exp at the point, for an exponent without variables whose value is whole */
function powerAt(e: Pow, env: Env): Known | undefined {
  // a variable exponent (x^(x c)) is left to the core and the numeric layer, which decide its definedness
  if (mentionsVariable(e.exp)) return undefined;
  const base = knownAt(e.base, env);
  const k = base && knownAt(e.exp, env);
  if (!base || !k) return undefined;
  if (k.kind === 'exact') return k.value.d === 1n ? exactPower(base, k.value.n) : undefined;
  const n = exponentOf(k);
  return n && power(base, n);
}

function knownAtOnce(e: Expr, env: Env): Known | undefined {
  switch (e.kind) {
    case 'num':
      return exact(e.value);
    case 'sym': {
      const v = env.values.get(e.name);
      return v && exact(v);
    }
    case 'add':
    case 'mul': {
      const parts = children(e).map((c) => knownAt(c, env));
      if (parts.some((x) => x === undefined)) return undefined;
      return (parts as Known[]).reduce(e.kind === 'add' ? addKnown : mulKnown);
    }
    case 'pow':
      return powerAt(e, env);
    default:
      return undefined;
  }
}

/** what is known of e at the point; undefined when e may be undefined there or these rules cannot tell */
function knownAt(e: Expr, env: Env): Known | undefined {
  if (env.memo.has(e.key)) return env.memo.get(e.key);
  const k = knownAtOnce(e, env);
  env.memo.set(e.key, k);
  return k;
}

/** what is known of e where each variable has the exact value `values` gives it */
export function knownAtPoint(e: Expr, values: ReadonlyMap<string, Rational>): Known | undefined {
  return knownAt(e, { values, memo: new Map() });
}

/** does the condition kind certainly hold for a number with these bounds? */
function holds(kind: 'nonzero' | 'positive' | 'nonnegative', b: Bounds): boolean {
  if (kind === 'nonzero') return b.sign !== undefined || (b.lo !== undefined && rsign(b.lo) > 0);
  if (kind === 'positive') return b.sign === 1;
  return b.sign === 1 || (b.lo !== undefined && rsign(b.lo) >= 0);
}

type Prepared = ReturnType<typeof prepareSide>;

/** both sides with definitions unfolded, derivatives taken and the scope's assumptions put in, with their definedness conditions */
function prepared(p: Pair): [Prepared, Prepared] | undefined {
  try {
    return [prepareSide(p.prev, p.scope, new Set()), prepareSide(p.next, p.scope, new Set())];
  } catch {
    return undefined; // a definition that cannot be unfolded, an unknown function: not this module's to say
  }
}

/** one side at the point: certainly defined with what is known of its value, certainly undefined and why, or neither */
type SideAt =
  | { readonly kind: 'defined'; readonly value: Known }
  | { readonly kind: 'undefined'; readonly why: string }
  | undefined;

/** does the exact value break the condition kind (a denominator 0, a log of -1)? */
function breaks(kind: 'nonzero' | 'positive' | 'nonnegative', v: Rational): boolean {
  const s = rsign(v);
  return kind === 'nonzero' ? s === 0 : kind === 'positive' ? s <= 0 : s < 0;
}

/**
 * One side at the point: undefined when a condition's expression is
 * exactly a value that breaks it (each condition is needed for the side to
 * be defined: the core's own rule in certainDefinedness, here with exact
 * facts of large powers); defined when every condition is shown to hold.
 */
function sideAt(side: Prepared, env: Env): SideAt {
  let allHold = true;
  for (const c of side.conditions) {
    const v = c.forAll.length > 0 ? undefined : knownAt(c.expr, env);
    // a condition only the derivative's chain-rule form has (c.derivative) is not needed: breaking it proves nothing
    if (v?.kind === 'exact' && c.kind !== 'defined' && !c.derivative && breaks(c.kind, v.value))
      return {
        kind: 'undefined',
        why: undefinednessWords({ kind: 'condition', origin: c.origin, expr: c.expr, value: v.value }),
      };
    if (v === undefined || (c.kind !== 'defined' && !holds(c.kind, toBounds(v)))) allHold = false;
  }
  const value = allHold ? knownAt(side.expr, env) : undefined;
  return value && { kind: 'defined', value };
}

/** a bound as text, exact when short, else the power of ten beyond it on the safe side */
function boundText(r: Rational, side: 'lower' | 'upper'): string {
  const s = rationalToString(r);
  if (s.length <= 40) return s;
  const digits = (n: bigint) => (n < 0n ? -n : n).toString().length;
  const negative = rsign(r) < 0;
  // |r| = n/d with 10^(a-1) <= |n| < 10^a and 10^(b-1) <= d < 10^b: 10^(a-1-b) < |r| < 10^(a-b+1)
  const below = digits(r.n) - 1 - digits(r.d);
  const above = digits(r.n) - digits(r.d) + 1;
  const useBelow = (side === 'lower') !== negative;
  return `${negative ? '-' : ''}10^${useBelow ? below : above}`;
}

/** what is known, in words: the exact value, or the facts and bounds that tell it apart */
export function knownText(k: Known): string {
  if (k.kind === 'exact') {
    const s = rationalToString(k.value);
    return s.length <= 80 ? s : `${boundText(k.value, 'lower')} <= value <= ${boundText(k.value, 'upper')} (exact)`;
  }
  if (k.kind === 'whole') {
    const kind = k.parity === 0n ? 'an even whole number' : k.parity === 1n ? 'an odd whole number' : 'a whole number';
    const size = boundText({ n: k.atLeast, d: 1n }, 'lower');
    return `${kind} ${k.sign > 0 ? `>= ${size}` : `<= -${size}`}`;
  }
  const { lo, hi, sign } = k.bounds;
  const low = lo === undefined ? undefined : rsign(lo) === 0 && sign === 1 ? '0 <' : `${boundText(lo, 'lower')} <=`;
  const high = hi === undefined ? undefined : rsign(hi) === 0 && sign === -1 ? '< 0' : `<= ${boundText(hi, 'upper')}`;
  return [low, 'value', high].filter((x) => x !== undefined).join(' ');
}

/** the counterexample's words for two sides that certainly differ at the point (one undefined, or both defined and apart); undefined otherwise */
function apart(l: SideAt, r: SideAt): { lhs: string; rhs: string; checkable: boolean } | undefined {
  if (!l || !r || (l.kind === 'undefined' && r.kind === 'undefined')) return undefined;
  if (l.kind === 'defined' && r.kind === 'defined' && !certainlyDiffer(l.value, r.value)) return undefined;
  const text = (x: NonNullable<SideAt>) => (x.kind === 'defined' ? knownText(x.value) : `undefined (${x.why})`);
  const exactOrUndefined = (x: NonNullable<SideAt>) => x.kind === 'undefined' || x.value.kind === 'exact';
  return { lhs: text(l), rhs: text(r), checkable: exactOrUndefined(l) && exactOrUndefined(r) };
}

/**
 * The first exact point (small rationals in the declared domains, as the
 * core's own exact refutation picks them) where one side is certainly
 * undefined and the other certainly defined, or both are defined and
 * certainly differ; a point where every value is exact is preferred, since
 * anyone can check it.
 */
export function refutedByBounds(p: Pair): Counterexample | undefined {
  if (p.scope.equations?.length) return undefined;
  const vars = plainScalars(p);
  const sides = vars && prepared(p);
  if (!vars || !sides) return undefined;
  let found: Counterexample | undefined;
  const tries = vars.length === 0 ? 1 : EXACT_CANDIDATES.length;
  for (let t = 0; t < tries; t++) {
    if (p.deadline !== undefined && performance.now() > p.deadline) break;
    const values = exactValues(p, vars, t);
    if (!values) break;
    const env: Env = { values: new Map(vars.map((name, k) => [name, values[k]!])), memo: new Map() };
    const seen = apart(sideAt(sides[0], env), sideAt(sides[1], env));
    if (!seen || (found && !seen.checkable)) continue;
    found = {
      values: Object.fromEntries(vars.map((name, k) => [name, rationalToString(values[k]!)])),
      lhs: seen.lhs,
      rhs: seen.rhs,
      seed: p.seed,
      how: seen.checkable
        ? 'exact point: both sides decided exactly (whole powers, by their parity where too large to compute)'
        : 'exact point: both sides bounded exactly (a power too large to compute bounded by its base and the size and parity of its exponent)',
    };
    if (seen.checkable) break;
  }
  return found;
}
