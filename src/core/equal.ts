/**
 * The decision: two expressions are equal on the declared domains when their
 * normal forms agree (so they are equal wherever both are defined) and their
 * definedness conditions agree (so they are defined at the same points).
 * This function is the only place in derivcheck that can say `proved`.
 */
import type { Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { type Rational, isZero, radd, rmul } from '../ir/rational.js';
import { type BoundName, Meter, BudgetExceeded, MAX_BASE_PASSES } from './budget.js';
import { Normalizer, Undefined } from './normal.js';
import { assumeEquation } from './normal-rules.js';
import {
  type Condition,
  type ConditionKind,
  type ConditionOrigin,
  type UndefinedCause,
  UnknownFunction,
} from './definedness.js';
import { RF_ONE, rfIsZero, rfConstantValue, type RatFunc } from './ratfunc.js';
import { rangeOf, isPositiveRange, isNegativeRange } from './sign.js';
import { type PreparedSide, prepareSide } from './defined-at.js';
import { type KeyedCondition, conditionKeys } from './condition-keys.js';
import type { RuleId } from './rules.js';

/** a definedness condition only one side needs, as data (its words: src/explain/decision-words.ts) */
export interface ConditionReport {
  /** which side needs it: `lhs` (the previous step) or `rhs` (this step) */
  readonly side: 'lhs' | 'rhs';
  readonly origin: ConditionOrigin;
  /** what must hold of `expr`: `nonzero` (!= 0), `positive` (> 0), `nonnegative` (>= 0), `defined` (a power b^x is) */
  readonly kind: ConditionKind;
  /** the whole condition's expression, as the side needs it */
  readonly condition: Expr;
  /**
   * the condition's expression as data (assumptions applied), for a search for a point where it fails: for
   * `nonzero`, the factor that only one side needs to be nonzero (the whole expression is `condition`)
   */
  readonly expr: Expr;
  /** bound indices the condition holds for every unit of, named `%c1`, `%c2`, ... in `expr` */
  readonly forAll: readonly string[];
}

/**
 * What the core knows about lhs - rhs when their normal forms differ; only
 * exact claims. `constant`: lhs - rhs = value (nonzero) at every point where
 * both sides are defined. `sign`: lhs - rhs has this strict sign at every
 * point of the declared domains where both sides are defined (interval
 * analysis of nf(lhs) - nf(rhs)). Either way the step is false at any point
 * where both sides are defined.
 */
export type Difference =
  | { readonly kind: 'constant'; readonly value: Rational }
  | { readonly kind: 'sign'; readonly sign: 1 | -1 }
  /** lhs - rhs = D(n), a nonzero polynomial in the number of units n alone; nonzero at these unit counts (1..UNITS_PROBED) */
  | { readonly kind: 'units'; readonly nonzeroAt: readonly number[] };

/** why: a nonzero polynomial in n of degree d vanishes at most d times, so among 1..16 it is nonzero at some count any instance planner can use */
export const UNITS_PROBED = 16;
/** why: 16^4096 has about 5000 digits, cheap; beyond it the probe itself would be a bomb */
export const MAX_UNITS_DEGREE = 4096n;

declare const PROVED_BRAND: unique symbol;
/**
 * `true` as only this module can say it: the type checker refuses a plain
 * `true` where a Proved is wanted, so no other module can build a decision
 * that says proved (test/architecture.test.ts also scans for `proved: true`)
 */
export type Proved = true & { readonly [PROVED_BRAND]: true };
const PROVED = true as Proved;

/** why the core could not prove it, as data (its words: src/explain/decision-words.ts) */
export type NotProvedCause =
  /** a budget ran out (`amount`: how far it went, see BudgetExceeded) */
  | { readonly kind: 'budget'; readonly bound: BoundName; readonly amount?: number | bigint }
  /** a function with no definedness record */
  | { readonly kind: 'unknown-function'; readonly fn: string }
  /** a side's normal form met a sub-expression defined nowhere */
  | { readonly kind: 'undefined-everywhere'; readonly cause: UndefinedCause }
  /** the normal forms differ; `limited`: a bound that left something unreduced */
  | { readonly kind: 'values-differ'; readonly limited?: BoundName }
  /** the normal forms agree; the definedness conditions do not (the first of `conditions` is the one to name) */
  | { readonly kind: 'conditions-differ' };

export type Decision =
  | {
      readonly proved: Proved;
      readonly rules: readonly RuleId[];
      readonly lhsNormal: Expr;
      readonly rhsNormal: Expr;
    }
  | {
      readonly proved: false;
      readonly because: NotProvedCause;
      /** the normal forms agree, only definedness differs */
      readonly valuesAgree: boolean;
      readonly conditions: readonly ConditionReport[];
      /** the name of the budget that ran out, if one did */
      readonly bound?: BoundName;
      readonly lhsNormal?: Expr;
      readonly rhsNormal?: Expr;
      /** when the values differ: what is certain about lhs - rhs (absent when nothing is) */
      readonly difference?: Difference;
      /** the side whose normal form met a certain division by 0 (tan(4294967297 pi/2)): it is undefined at every point */
      readonly undefinedEverywhere?: { readonly side: 'lhs' | 'rhs'; readonly cause: UndefinedCause };
    };

/** limits of one decision beyond the fixed budgets */
export interface DecideLimits {
  /** a performance.now() time (ms); past it the decision stops with bound STEP_TIMEOUT, "not proved" */
  readonly deadline?: number;
}

/** lhs = rhs on the declared domains of scope, under its definitions and assumptions? */
export function decideEqual(lhs: Expr, rhs: Expr, scope: Scope, limits: DecideLimits = {}): Decision {
  const meter = new Meter(limits.deadline);
  // a common base refined after use (bases.ts): normalize again from the final bases, so both sides share them
  let seed: ReadonlyMap<string, Rational> | undefined;
  for (let pass = 1; ; pass++) {
    const N = new Normalizer(scope.symbols, meter, seed);
    const decision = decideWith(N, lhs, rhs, scope);
    if (decision.proved || !N.bases.changed) return decision;
    if (pass >= MAX_BASE_PASSES) return { ...decision, bound: decision.bound ?? 'MAX_BASE_PASSES' };
    seed = N.bases.snapshot();
  }
}

function decideWith(N: Normalizer, lhs: Expr, rhs: Expr, scope: Scope): Decision {
  const prepared = prepareBoth(lhs, rhs, scope, N);
  if ('proved' in prepared) return prepared;
  const [L, R] = prepared;
  const forms = normalForms(N, scope, L.expr, R.expr);
  if ('proved' in forms) return forms;
  const [nl, nr] = forms;
  const lhsNormal = N.toExpr(nl);
  const rhsNormal = N.toExpr(nr);
  let valuesAgree: boolean;
  let difference: Difference | undefined;
  try {
    const D = N.field.sub(nl, nr);
    valuesAgree = rfIsZero(D);
    if (!valuesAgree) difference = differenceOf(D, N, scope);
  } catch (err) {
    if (err instanceof BudgetExceeded) return { ...overrun(err), lhsNormal, rhsNormal };
    throw err;
  }
  if (!valuesAgree) return valuesDiffer(N, lhsNormal, rhsNormal, difference);
  let mismatch: ConditionReport[];
  try {
    const keyed = { lhs: conditionKeys(L.conditions, N, scope), rhs: conditionKeys(R.conditions, N, scope) };
    mismatch = conditionMismatch(keyed.lhs, keyed.rhs);
    if (sameZerosByDivision(mismatch, keyed, N)) {
      N.used.add('nf.nonzero-product');
      mismatch = [];
    }
  } catch (err) {
    // keying a condition can run past the deadline or MAX_WORK too (a factor's exact division): not proved, named
    if (err instanceof BudgetExceeded) return { ...overrun(err), valuesAgree, lhsNormal, rhsNormal };
    throw err;
  }
  if (mismatch.length > 0)
    return { ...notProved({ kind: 'conditions-differ' }), valuesAgree, conditions: mismatch, lhsNormal, rhsNormal };
  if (N.field.cancellations > 0) N.used.add('nf.cancel');
  return { proved: PROVED, rules: [...N.used].sort(), lhsNormal, rhsNormal };
}

/** the decision when the normal forms differ, naming the budget that left something unreduced, if one did */
function valuesDiffer(N: Normalizer, lhsNormal: Expr, rhsNormal: Expr, difference?: Difference): Decision {
  // a power past MAX_EXPAND_EXPONENT stays an atom, so "differ" may only mean "not expanded": say which bound
  const limited = N.limited.has('MAX_EXPAND_EXPONENT') ? 'MAX_EXPAND_EXPONENT' : [...N.limited][0];
  return {
    ...notProved(limited ? { kind: 'values-differ', limited } : { kind: 'values-differ' }),
    lhsNormal,
    rhsNormal,
    ...(limited ? { bound: limited } : {}),
    ...(difference ? { difference } : {}),
  };
}

/** the definedness conditions one side has and the other lacks, lhs's first, by canonical key */
function conditionMismatch(
  lc: ReadonlyMap<string, KeyedCondition>,
  rc: ReadonlyMap<string, KeyedCondition>,
): ConditionReport[] {
  const mismatch: ConditionReport[] = [];
  // a weaker condition the other side's `positive` implies is no mismatch of its own (log(x) vs 1/x: only x > 0 is)
  const impliedBy = (k: string, other: ReadonlyMap<string, unknown>) =>
    /^(nonzero|nonnegative)/.test(k) && other.has(k.replace(/^(nonzero|nonnegative)/, 'positive'));
  for (const [k, c] of lc) if (!rc.has(k) && !impliedBy(k, rc)) mismatch.push(report('lhs', c.condition, c.expr));
  for (const [k, c] of rc) if (!lc.has(k) && !impliedBy(k, lc)) mismatch.push(report('rhs', c.condition, c.expr));
  return mismatch;
}

/**
 * The nonzero factors one side needs and the other lacks exclude no point the
 * other side keeps when each divides the product F of the other side's
 * nonzero factors: f F' = F exactly, so f = 0 makes F = 0 and the other side
 * undefined too (x^2 - 1 != 0 against x - 1 != 0 and x + 1 != 0, both ways).
 * Only when every mismatch is such a factor, without a denominator or a bound
 * index; the other conditions matched, so the atoms are defined at the same
 * points on both sides. A budget that runs out keeps the mismatch.
 */
function sameZerosByDivision(
  mismatch: readonly ConditionReport[],
  sides: Record<'lhs' | 'rhs', ReadonlyMap<string, KeyedCondition>>,
  N: Normalizer,
): boolean {
  if (mismatch.length === 0 || mismatch.some((m) => m.kind !== 'nonzero' || m.forAll.length > 0)) return false;
  try {
    const polynomial = (e: Expr) => {
      const f = N.nf(e);
      return f.den.length === 0 && !rfIsZero(f) ? f.num : undefined;
    };
    const product = (side: 'lhs' | 'rhs') => {
      let F = RF_ONE.num;
      for (const c of sides[side].values()) {
        if (c.condition.kind !== 'nonzero' || c.condition.forAll.length > 0) continue;
        const f = polynomial(c.expr);
        if (!f) return undefined;
        F = N.ring.mul(F, f);
      }
      return F;
    };
    const F = { lhs: product('lhs'), rhs: product('rhs') };
    return mismatch.every((m) => {
      const f = polynomial(m.expr);
      const other = F[m.side === 'lhs' ? 'rhs' : 'lhs'];
      return f !== undefined && other !== undefined && N.ring.divideExact(other, f) !== undefined;
    });
  } catch (err) {
    if (err instanceof BudgetExceeded) return false;
    throw err;
  }
}

/** N with the file's assumed equations (premises) installed: each sum they name is replaced by its value */
function withEquations(N: Normalizer, scope: Scope): Normalizer {
  for (const eq of scope.equations ?? [])
    assumeEquation(N, prepareSide(eq.sum, scope, N.used).expr, prepareSide(eq.value, scope, N.used).expr);
  return N;
}

/** both sides prepared, or why not: a budget ran out, or a function has no definedness record */
function prepareBoth(lhs: Expr, rhs: Expr, scope: Scope, N: Normalizer): [PreparedSide, PreparedSide] | Decision {
  try {
    return [prepareSide(lhs, scope, N.used), prepareSide(rhs, scope, N.used)];
  } catch (err) {
    if (err instanceof BudgetExceeded) return overrun(err);
    if (err instanceof UnknownFunction) return notProved({ kind: 'unknown-function', fn: err.fn });
    throw err;
  }
}

/** both sides' normal forms (the lhs under the assumed equations), or why there are none */
function normalForms(N: Normalizer, scope: Scope, l: Expr, r: Expr): [RatFunc, RatFunc] | Decision {
  let side: 'lhs' | 'rhs' = 'lhs';
  try {
    const nl = withEquations(N, scope).nf(l);
    side = 'rhs';
    return [nl, N.nf(r)];
  } catch (err) {
    if (err instanceof BudgetExceeded) return overrun(err);
    if (!(err instanceof Undefined)) throw err;
    const undefinedEverywhere = { side, cause: err.kind };
    // under assumed equations "everywhere" means where they hold, which may be nowhere: no side is named
    return {
      ...notProved({ kind: 'undefined-everywhere', cause: err.kind }),
      ...(scope.equations?.length ? {} : { undefinedEverywhere }),
    };
  }
}

function notProved(because: NotProvedCause): Extract<Decision, { proved: false }> {
  return { proved: false, because, valuesAgree: false, conditions: [] };
}

/** not proved: a budget ran out */
function overrun(err: BudgetExceeded): Extract<Decision, { proved: false }> {
  const amount = err.amount !== undefined ? { amount: err.amount } : {};
  return { ...notProved({ kind: 'budget', bound: err.bound, ...amount }), bound: err.bound };
}

/**
 * lhs - rhs = D where both sides are defined (D = nf(lhs) - nf(rhs), nonzero):
 * a nonzero constant, or of one strict sign by interval analysis of D's
 * expression. D's denominators vanish only where a side is undefined, so the
 * range covers every point where both sides are defined.
 */
function differenceOf(D: RatFunc, N: Normalizer, scope: Scope): Difference | undefined {
  const c = rfConstantValue(D);
  if (c !== undefined) return isZero(c) ? undefined : { kind: 'constant', value: c };
  const inUnits = unitsPolynomial(D, N);
  if (inUnits) return inUnits;
  const r = rangeOf(N.toExpr(D), scope.symbols);
  if (isPositiveRange(r)) return { kind: 'sign', sign: 1 };
  if (isNegativeRange(r)) return { kind: 'sign', sign: -1 };
  return undefined;
}

/** D as a polynomial in the number of units alone, with the counts where it is nonzero; undefined when D has other atoms */
function unitsPolynomial(D: RatFunc, N: Normalizer): Difference | undefined {
  if (D.den.length > 0) return undefined;
  const terms = [...D.num.values()];
  const isUnits = (key: string) => N.atoms.get(key)?.expr.kind === 'units';
  if (!terms.every((t) => t.mono.powers.every((p) => isUnits(p.atom)))) return undefined;
  // why: 16^degree must stay a small bigint; a polynomial in n of higher degree is left to the numeric layer
  if (terms.some((t) => t.mono.degree > MAX_UNITS_DEGREE)) return undefined;
  const nonzeroAt: number[] = [];
  for (let n = 1; n <= UNITS_PROBED; n++) {
    let v: Rational = { n: 0n, d: 1n };
    for (const t of terms) v = radd(v, rmul(t.coeff, { n: BigInt(n) ** t.mono.degree, d: 1n }));
    if (!isZero(v)) nonzeroAt.push(n);
  }
  return { kind: 'units', nonzeroAt };
}

function report(side: 'lhs' | 'rhs', c: Condition, expr: Expr): ConditionReport {
  return { side, origin: c.origin, kind: c.kind, condition: c.expr, expr, forAll: c.forAll };
}
