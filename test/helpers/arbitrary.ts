/** fast-check generators of random expressions in x and y (IR), for property tests. */
import fc from 'fast-check';
import {
  type Expr,
  type Variable,
  add,
  mul,
  num,
  pow,
  call,
  sym,
  div,
  sub,
  neg,
  constant,
  diff,
} from '../../src/ir/expr.js';
import { rat } from '../../src/ir/rational.js';

const FUNCTIONS = [
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'asin',
  'acos',
  'atan',
  'sigma',
] as const;

/** random expressions over the variables, at most `depth` operations deep; `piecewise` adds abs, max and min (other tests' streams unchanged) */
export function arbExpr(vars: readonly string[] = ['x', 'y'], depth = 3, piecewise = false): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc.constantFrom(...vars).map((v) => sym(v) as Expr),
    fc.integer({ min: -3, max: 4 }).map((n) => num(n) as Expr),
    fc.constantFrom(num(rat(1, 2)) as Expr, num(rat(-3, 2)) as Expr),
  );
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { maxDepth: depth, depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => add([a, b])),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => mul([a, b])),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => div(a, b)),
      fc.tuple(tie('expr'), fc.integer({ min: -2, max: 3 })).map(([a, k]) => pow(a, num(k))),
      fc.tuple(tie('expr'), fc.constantFrom(rat(1, 2), rat(3, 2))).map(([a, k]) => pow(a, num(k))),
      tie('expr').map((a) => neg(a)),
      fc.tuple(fc.constantFrom(...FUNCTIONS), tie('expr')).map(([f, a]) => call(f, [a]) as Expr),
      ...(piecewise
        ? [
            tie('expr').map((a) => call('abs', [a]) as Expr),
            fc
              .tuple(fc.constantFrom('max', 'min'), tie('expr'), tie('expr'))
              .map(([f, a, b]) => call(f, [a, b]) as Expr),
          ]
        : []),
    ),
  }));
  return expr;
}

/** random points: values for x and y as decimal strings, small rationals and a few special values */
export const arbPoint: fc.Arbitrary<Record<string, string>> = fc.record({
  x: fc.oneof(
    fc.integer({ min: -300, max: 300 }).map((n) => String(n / 100)),
    fc.constantFrom('0', '1', '-1', '0.5'),
  ),
  y: fc.oneof(
    fc.integer({ min: -300, max: 300 }).map((n) => String(n / 100)),
    fc.constantFrom('0', '1', '-1', '2'),
  ),
});

/** what arbExprInX draws besides x, small integers, 1/3, pi, + - * / and constant powers */
export interface InXOptions {
  /** the built-ins applied */
  readonly functions: readonly string[];
  /** the largest constant integer exponent (the smallest is -3) */
  readonly maxPower: number;
  /** e, a^b with a computed exponent, and diff(a, x): what the 50-digit and enclosure arithmetics evaluate, float64 does not */
  readonly full: boolean;
}

/** random expressions in x alone, for the numeric layer's property tests (enclosures, float64 error bounds) */
export function arbExprInX(o: InXOptions): fc.Arbitrary<Expr> {
  const x = sym('x');
  return fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant<Expr>(x),
      fc.integer({ min: -3, max: 3 }).map((k) => num(k)),
      fc.constant<Expr>(num(rat(1, 3))),
      fc.constant<Expr>(constant('pi')),
      ...(o.full ? [fc.constant<Expr>(constant('e'))] : []),
      fc.tuple(fc.constantFrom(...o.functions), tie('e')).map(([f, a]) => call(f, [a])),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => add([a, b])),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul([a, b])),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => div(a, b)),
      fc.tuple(tie('e'), fc.integer({ min: -3, max: o.maxPower })).map(([a, k]) => pow(a, num(k))),
      fc.tuple(tie('e'), fc.constantFrom(rat(1, 2), rat(3, 2), rat(-1, 3))).map(([a, r]) => pow(a, num(r))),
      ...(o.full
        ? [fc.tuple(tie('e'), tie('e')).map(([a, b]) => pow(a, b)), tie('e').map((a) => diff(a, x as Variable))]
        : []),
    ),
  })).e;
}
