/**
 * Definedness: where an expression is defined (real and finite), as a set of
 * conditions on its sub-expressions. The conditions are exact: the
 * expression is defined at a point if and only if every condition holds
 * there. Conditions that hold on the whole declared domain (by interval
 * analysis) are dropped.
 */
import { type Expr, num, sym, pow, add, mul, call, children } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { substitute } from '../ir/substitute.js';
import { type Rational, ONE, ZERO, isInteger, radd, rmul, rpow, rsign } from '../ir/rational.js';
import { rangeOf, excludesZero, isPositiveRange, isNonnegRange } from './sign.js';
import { MAX_BINARY_ENUMERATION, MAX_COEFFICIENT_BITS, MAX_EXPAND_EXPONENT } from './budget.js';

export type ConditionKind = 'nonzero' | 'positive' | 'nonnegative' | 'defined';

export interface Condition {
  readonly kind: ConditionKind;
  /** the sub-expression the condition is about (for `defined`, the whole sub-expression b^x) */
  readonly expr: Expr;
  /** bound indices in scope, outermost first: the condition must hold for every unit */
  readonly forAll: readonly string[];
  /** why it arises (its words: src/explain/decision-words.ts) */
  readonly origin: ConditionOrigin;
}

/** what a condition guards: a denominator, a fractional power's base, a variable exponent, a function's argument */
export type ConditionOrigin =
  | 'denominator'
  | 'fractional-power'
  | 'variable-exponent'
  | `${'log' | 'sqrt' | 'tan' | 'asin' | 'acos'}-argument`;

/** why a sub-expression is defined nowhere, found while normalizing (0^-1, 1/(x - x), exp(0^-1)) */
export type UndefinedCause = 'zero-to-negative-power' | 'division-by-zero' | 'zero-denominator' | 'exp-of-undefined';

/** thrown for a function this file has no definedness record for: never "no condition" by default */
export class UnknownFunction extends Error {
  constructor(readonly fn: string) {
    super(fn);
  }
}

type FunctionConditions = (args: readonly Expr[]) => readonly Omit<Condition, 'forAll'>[];
const none: FunctionConditions = () => [];
const inUnitInterval =
  (origin: ConditionOrigin): FunctionConditions =>
  ([u]) => [{ kind: 'nonnegative', expr: add([num(1), mul([num(-1), pow(u!, num(2))])]), origin }];

/**
 * The definedness record of every built-in function: the conditions on its
 * arguments for it to be defined (real and finite). A function missing here
 * makes conditionsOf throw UnknownFunction; test/core/builtin-coverage.test.ts
 * checks every built-in of src/ir/operators.ts has a record.
 */
export const FUNCTION_CONDITIONS: ReadonlyMap<string, FunctionConditions> = new Map(
  Object.entries({
    exp: none,
    log: ([u]) => [{ kind: 'positive', expr: u!, origin: 'log-argument' }],
    sqrt: ([u]) => [{ kind: 'nonnegative', expr: u!, origin: 'sqrt-argument' }],
    sin: none,
    cos: none,
    tan: ([u]) => [{ kind: 'nonzero', expr: call('cos', [u!]), origin: 'tan-argument' }],
    sinh: none,
    cosh: none,
    tanh: none,
    asin: inUnitInterval('asin-argument'),
    acos: inUnitInterval('acos-argument'),
    atan: none,
    sigma: none,
    // total; the corner matters only to the derivative, whose u/abs(u) carries abs(u) != 0
    abs: none,
    max: none,
    min: none,
  } satisfies Record<string, FunctionConditions>),
);

/** every condition for e to be defined, before discharge */
export function conditionsOf(e: Expr): Condition[] {
  const out: Condition[] = [];
  const walk = (x: Expr, forAll: readonly string[]): void => {
    const add1 = (kind: ConditionKind, expr: Expr, origin: ConditionOrigin) => out.push({ kind, expr, forAll, origin });
    switch (x.kind) {
      case 'pow': {
        const k = constantExponent(x.exp);
        if (k !== undefined) {
          if (isInteger(k)) {
            if (rsign(k) < 0) add1('nonzero', x.base, 'denominator');
          } else add1(rsign(k) > 0 ? 'nonnegative' : 'positive', x.base, 'fractional-power');
        } else if (!(x.base.kind === 'const' && x.base.name === 'e')) {
          add1('defined', x, 'variable-exponent');
        }
        break;
      }
      case 'call': {
        const rule = FUNCTION_CONDITIONS.get(x.fn);
        if (rule === undefined) throw new UnknownFunction(x.fn);
        for (const c of rule(x.args)) add1(c.kind, c.expr, c.origin);
        break;
      }
      case 'sum':
        walk(x.body, [...forAll, x.index]);
        return;
      case 'diff':
        // the body must be defined; the derivative's own conditions come from the differentiated form
        walk(x.body, forAll);
        return;
      default:
        break;
    }
    for (const c of children(x)) walk(c, forAll);
  };
  walk(e, []);
  return out;
}

/**
 * The exact value of an exponent built from numbers by +, * and whole powers
 * (`2^2`, `-(1/2)`), so that `x^(2^2)` has the conditions of `x^4`; the
 * powers are bounded by MAX_EXPAND_EXPONENT and MAX_COEFFICIENT_BITS, past
 * which the exponent counts as variable (a stricter `defined` condition).
 */
function constantExponent(e: Expr): Rational | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'add':
    case 'mul': {
      const parts = children(e).map(constantExponent);
      if (parts.some((p) => p === undefined)) return undefined;
      return (parts as Rational[]).reduce(e.kind === 'add' ? radd : rmul, e.kind === 'add' ? ZERO : ONE);
    }
    case 'pow': {
      const b = constantExponent(e.base);
      const k = constantExponent(e.exp);
      if (b === undefined || k === undefined || !isInteger(k)) return undefined;
      const most = BigInt(MAX_EXPAND_EXPONENT);
      if (k.n > most || k.n < -most || (rsign(b) === 0 && k.n < 0n)) return undefined;
      const bits = BigInt(b.n.toString(2).length + b.d.toString(2).length);
      if (bits * (k.n < 0n ? -k.n : k.n) > MAX_COEFFICIENT_BITS) return undefined;
      return rpow(b, k.n);
    }
    default:
      return undefined;
  }
}

/** true when interval analysis shows the condition holds on the whole declared domain */
export function holdsEverywhere(c: Condition, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  if (c.kind === 'defined') {
    // b^x is defined for every real x when b > 0, and for every b when x only takes whole values >= 0
    if (c.expr.kind !== 'pow') return false;
    return isPositiveRange(rangeOf(c.expr.base, symbols)) || wholeNonnegative(c.expr.exp, symbols);
  }
  const r = rangeOf(c.expr, symbols);
  if (c.kind === 'nonzero') return excludesZero(r);
  if (c.kind === 'positive') return isPositiveRange(r);
  return isNonnegRange(r);
}

/** true when e, built from binary variables and integers by +, - and *, is a whole number >= 0 at every assignment */
function wholeNonnegative(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  const vars = new Map<string, Expr>();
  const ok = (x: Expr): boolean => {
    if (x.kind === 'num') return isInteger(x.value);
    if (x.kind === 'sym' || x.kind === 'elem') {
      const d = symbols.get(x.name);
      if (!d || (d.kind !== 'scalar' && d.kind !== 'array') || d.domain.kind !== 'binary') return false;
      vars.set(x.key, x);
      return true;
    }
    if (x.kind === 'add' || x.kind === 'mul') return children(x).every(ok);
    return false;
  };
  if (!ok(e) || vars.size > MAX_BINARY_ENUMERATION) return false;
  return everyAssignment([...vars.keys()], new Map(), (assigned) => {
    const value = (x: Expr): bigint => {
      if (x.kind === 'num') return x.value.n;
      if (x.kind === 'sym' || x.kind === 'elem') return assigned.get(x.key)!;
      if (x.kind === 'add') return x.terms.reduce((acc, t) => acc + value(t), 0n);
      return (x as { factors: readonly Expr[] }).factors.reduce((acc, f) => acc * value(f), 1n);
    };
    return value(e) >= 0n;
  });
}

/** true when test holds for every assignment of 0 or 1 to the keys not yet assigned */
function everyAssignment(
  keys: readonly string[],
  assigned: Map<string, bigint>,
  test: (a: ReadonlyMap<string, bigint>) => boolean,
): boolean {
  if (keys.length === 0) return test(assigned);
  const [first, ...rest] = keys;
  return [0n, 1n].every((v) => everyAssignment(rest, new Map(assigned).set(first!, v), test));
}

/** the condition with its bound indices renamed canonically, so equal conditions get equal keys */
export function canonicalCondition(c: Condition): Condition {
  if (c.forAll.length === 0) return c;
  const map = new Map<string, Expr>(c.forAll.map((k, n) => [k, sym(`%c${n + 1}`)]));
  return { ...c, expr: substitute(c.expr, map), forAll: c.forAll.map((_, n) => `%c${n + 1}`) };
}
