/**
 * Certain definedness of one expression on the declared domains, for the
 * refutation of a step whose sides agree where both are defined but are not
 * defined at the same points: with a proposed witness put in as an
 * assumption (x = pi/2), is one side certainly undefined there and the other
 * certainly defined? Only exact answers: `undefined` when a condition's
 * expression has an exact constant value that breaks it, `defined` when
 * every condition holds on the whole declared domain (interval analysis or
 * an exact constant), `unknown` otherwise.
 */
import type { Expr, Variable } from '../ir/expr.js';
import { type Rational, rcmp, rsign } from '../ir/rational.js';
import { applyAssumptions } from '../ir/substitute.js';
import type { Domain, Scope } from '../ir/symbols.js';
import { BudgetExceeded, Meter } from './budget.js';
import {
  type Condition,
  type ConditionOrigin,
  type UndefinedCause,
  conditionsOf,
  holdsEverywhere,
  UnknownFunction,
} from './definedness.js';
import { eliminateDiff } from './derivative.js';
import { unfoldDefinitions } from './expand.js';
import { Normalizer, Undefined } from './normal.js';
import { rfConstantValue } from './ratfunc.js';
import { excludesZero, rangeOf } from './sign.js';
import type { RuleId } from './rules.js';

/**
 * A condition of a side; `derivative`: only the differentiated form needs it
 * (the u/abs(u) of d abs(u), the x^(-1) of d x^0): enough for the derivative
 * to exist, not needed. x abs(x) is differentiable at 0 although the chain
 * rule's form is not defined there, so breaking such a condition never makes
 * a side certainly undefined.
 */
type SideCondition = Condition & { readonly derivative?: true };

/** what one side becomes on the way to its normal form */
export interface PreparedSide {
  readonly expr: Expr;
  readonly conditions: readonly SideCondition[];
}

const conditionKey = (c: Condition): string => `${c.kind} ${c.forAll.join(',')} ${c.expr.key}`;

/** unfold definitions, take derivatives, apply assumptions; collect definedness conditions on the way */
export function prepareSide(e: Expr, scope: Scope, used: Set<RuleId>): PreparedSide {
  const trace = (id: RuleId) => used.add(id);
  const unfolded = unfoldDefinitions(e, scope, trace);
  const before = conditionsOf(unfolded);
  const expr = eliminateDiff(unfolded, scope.symbols, trace);
  const needed = new Set(before.map(conditionKey));
  const after = conditionsOf(expr).map(
    (c): SideCondition => (needed.has(conditionKey(c)) ? c : { ...c, derivative: true }),
  );
  // a condition "for every k" is about every unit: an assumption about s[i] does not fix its s[k]
  const conditions = [...before, ...after].map((c) => ({
    ...c,
    expr: applyAssumptions(c.expr, scope.assumptions, new Set(c.forAll)),
  }));
  return { expr: applyAssumptions(expr, scope.assumptions), conditions };
}

/** why a side is certainly undefined: a condition's expression is exactly a constant that breaks it, or a part is nowhere defined */
export type Undefinedness =
  | { readonly kind: 'condition'; readonly origin: ConditionOrigin; readonly expr: Expr; readonly value: Rational }
  | { readonly kind: 'nowhere'; readonly cause: UndefinedCause };

/** `defined`: with the side's normal form */
export type Definedness =
  | { readonly kind: 'undefined'; readonly because: Undefinedness }
  | { readonly kind: 'defined'; readonly value: Expr }
  | { readonly kind: 'unknown' };

/** does the exact constant v satisfy the condition kind? */
function satisfies(kind: Condition['kind'], v: Rational): boolean {
  const s = rsign(v);
  return kind === 'nonzero' ? s !== 0 : kind === 'positive' ? s > 0 : s >= 0;
}

/** the normal form of a part only the differentiated form has, or undefined where that form is undefined (1/abs(0)) */
function nfOrUndefined(N: Normalizer, e: Expr): ReturnType<Normalizer['nf']> | undefined {
  try {
    return N.nf(e);
  } catch (err) {
    if (err instanceof Undefined) return undefined;
    throw err;
  }
}

/** is e certainly undefined, certainly defined, or neither, on the declared domains of scope (its assumptions applied)? */
export function certainDefinedness(e: Expr, scope: Scope, deadline?: number): Definedness {
  const N = new Normalizer(scope.symbols, new Meter(deadline));
  try {
    const side = prepareSide(e, scope, N.used);
    let allHold = true;
    for (const c of side.conditions) {
      if (holdsEverywhere(c, scope.symbols)) continue;
      if (c.kind === 'defined') {
        allHold = false;
        continue;
      }
      const f = c.derivative ? nfOrUndefined(N, c.expr) : N.nf(c.expr);
      const v = f && rfConstantValue(f);
      if (!f || (c.derivative && v !== undefined && !satisfies(c.kind, v))) {
        allHold = false; // the chain rule's form is undefined here; whether the derivative exists is not decided
        continue;
      }
      if (v !== undefined && !satisfies(c.kind, v)) {
        // "for every k" with a constant that breaks it fails at every unit, and there is at least one unit
        return { kind: 'undefined', because: { kind: 'condition', origin: c.origin, expr: c.expr, value: v } };
      }
      if (v !== undefined) continue;
      // the condition on its normal form, by interval analysis
      if (!holdsEverywhere({ ...c, expr: N.toExpr(f) }, scope.symbols)) allHold = false;
    }
    if (!allHold) return { kind: 'unknown' };
    const value = side.conditions.some((c) => c.derivative) ? nfOrUndefined(N, side.expr) : N.nf(side.expr);
    return value ? { kind: 'defined', value: N.toExpr(value) } : { kind: 'unknown' };
  } catch (err) {
    if (err instanceof BudgetExceeded || err instanceof UnknownFunction) return { kind: 'unknown' };
    if (err instanceof Undefined) return { kind: 'undefined', because: { kind: 'nowhere', cause: err.kind } };
    throw err;
  }
}

/** is the exact value certainly in the domain (interval analysis of the value, e.g. pi/2 in (0, inf))? */
export function certainlyInDomain(value: Expr, domain: Domain, scope: Scope): boolean {
  if (domain.kind === 'binary')
    return value.kind === 'num' && (rsign(value.value) === 0 || rcmp(value.value, { n: 1n, d: 1n }) === 0);
  const r = rangeOf(value, scope.symbols);
  if (domain.kind === 'nonzero') return excludesZero(r);
  if (domain.lo !== undefined) {
    if (r.lo === undefined) return false;
    const c = rcmp(r.lo, domain.lo);
    if (c < 0 || (c === 0 && domain.loOpen && !r.loOpen)) return false;
  }
  if (domain.hi !== undefined) {
    if (r.hi === undefined) return false;
    const c = rcmp(r.hi, domain.hi);
    if (c > 0 || (c === 0 && domain.hiOpen && !r.hiOpen)) return false;
  }
  return true;
}

/** the variable's declared domain, if it has one (scalars and array elements) */
export function domainOf(v: Variable, scope: Scope): Domain | undefined {
  const decl = scope.symbols.get(v.name);
  return decl && (decl.kind === 'scalar' || decl.kind === 'array') ? decl.domain : undefined;
}
