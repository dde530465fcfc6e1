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
 * same way. Refutation only: nothing here can prove a step.
 */
import type { Expr, Pow } from '../ir/expr.js';
import { children } from '../ir/expr.js';
import { type Rational, rationalToString, rsign } from '../ir/rational.js';
import { prepareSide } from '../core/defined-at.js';
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

type Env = ReadonlyMap<string, Rational>;

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

/** what is known of e at the point (every variable's value in env); undefined when e may be undefined there or these rules cannot tell */
export function knownAt(e: Expr, env: Env): Known | undefined {
  switch (e.kind) {
    case 'num':
      return exact(e.value);
    case 'sym': {
      const v = env.get(e.name);
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

/** one side's value at the point, when it is certainly defined there (every condition shown to hold); undefined otherwise */
function definedValue(side: Prepared, env: Env): Known | undefined {
  for (const c of side.conditions) {
    if (c.forAll.length > 0) return undefined;
    const v = knownAt(c.expr, env);
    if (v === undefined || (c.kind !== 'defined' && !holds(c.kind, toBounds(v)))) return undefined;
  }
  return knownAt(side.expr, env);
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

/**
 * The first exact point (small rationals in the declared domains, as the
 * core's own exact refutation picks them) where both sides are certainly
 * defined and certainly differ; a point where both values are exact is
 * preferred, since anyone can check it.
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
    const env = new Map(vars.map((name, k) => [name, values[k]!]));
    const l = definedValue(sides[0], env);
    const r = l && definedValue(sides[1], env);
    if (!l || !r || !certainlyDiffer(l, r)) continue;
    const both = l.kind === 'exact' && r.kind === 'exact';
    if (found && !both) continue;
    found = {
      values: Object.fromEntries(vars.map((name, k) => [name, rationalToString(values[k]!)])),
      lhs: knownText(l),
      rhs: knownText(r),
      seed: p.seed,
      how: both
        ? 'exact point: both sides computed exactly (whole powers, by their parity where too large to compute)'
        : 'exact point: both sides bounded exactly (a power too large to compute bounded by its base and the size and parity of its exponent)',
    };
    if (both) break;
  }
  return found;
}
