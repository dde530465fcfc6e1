/**
 * The dual-number derivative against an independent oracle: a central finite
 * difference at 100 digits with Richardson extrapolation, on random small
 * expressions in x.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as ir from '../../src/ir/expr.js';
import type { Expr } from '../../src/ir/expr.js';
import { rat } from '../../src/ir/rational.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { Decimal } from '../../src/numeric/decimal.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { toAscii } from '../../src/ir/print.js';
import { runs } from '../helpers/runs.js';

const D = Decimal.clone({ precision: 100 });
const x = ir.sym('x');
const UNARY = [
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

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Expr>(x),
    fc.integer({ min: -3, max: 3 }).map((k) => ir.num(k)),
    fc.constant<Expr>(ir.num(rat(1, 2))),
    fc.constant<Expr>(ir.constant('pi')),
    fc.tuple(fc.constantFrom(...UNARY), tie('e')).map(([f, a]) => ir.call(f, [a])),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => ir.add([a, b])),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => ir.mul([a, b])),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => ir.div(a, b)),
    fc.tuple(tie('e'), fc.integer({ min: -3, max: 4 })).map(([a, k]) => ir.pow(a, ir.num(k))),
    fc.tuple(tie('e'), fc.constantFrom(rat(1, 2), rat(3, 2), rat(-1, 3))).map(([a, r]) => ir.pow(a, ir.num(r))),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => ir.pow(a, b)),
  ),
})).e;

/** a point x with three decimals in [-3, 3] */
const pointArb = fc.integer({ min: -3000, max: 3000 }).map((k) => new D(k).div(1000));

/** f(x) at 100 digits, or undefined when any evaluation is undefined */
function f(e: Expr, at: InstanceType<typeof D>): InstanceType<typeof D> | undefined {
  const v = evaluateAtPoint(e, { x: at.toString() }, 100);
  return v instanceof NotDefined ? undefined : new D(v.toString());
}

/** Richardson-extrapolated central difference: (4 D(h/2) - D(h)) / 3, error O(h^4) */
function finiteDifference(e: Expr, at: InstanceType<typeof D>): InstanceType<typeof D> | undefined {
  const central = (h: InstanceType<typeof D>) => {
    const up = f(e, at.plus(h));
    const down = f(e, at.minus(h));
    return up && down ? up.minus(down).div(h.times(2)) : undefined;
  };
  const h = new D('1e-15');
  const d1 = central(h);
  const d2 = central(h.div(2));
  return d1 && d2 ? d2.times(4).minus(d1).div(3) : undefined;
}

describe('forward-mode derivative', () => {
  test('agrees with a high-precision finite difference wherever both are defined', () => {
    let compared = 0;
    fc.assert(
      fc.property(exprArb, pointArb, (e, at) => {
        const ad = evaluateAtPoint(ir.diff(e, x), { x: at.toString() }, 50);
        if (ad instanceof NotDefined) return;
        const fd = finiteDifference(e, at);
        if (!fd) return;
        const a = new D(ad.toString());
        const scale = D.max(1, a.abs(), fd.abs());
        // a dual derivative is exact to 50 digits; the difference quotient to about h^4 f^(5)
        if (!a.minus(fd).abs().lte(scale.times('1e-9'))) {
          throw new Error(
            `d/dx ${toAscii(e)} at x = ${at}: dual ${a.toSignificantDigits(25)} vs finite difference ${fd.toSignificantDigits(25)}`,
          );
        }
        compared++;
      }),
      { numRuns: runs(200), seed: 20240601 },
    );
    // most random expressions are defined somewhere: the property compared many, not none
    expect(compared).toBeGreaterThan(runs(200) * 0.3);
  });

  test("a deliberately wrong derivative rule would be caught: the oracle sees sin' = cos, not -cos", () => {
    const e = ir.call('sin', [x]);
    const at = new D('0.7');
    const fd = finiteDifference(e, at)!;
    expect(fd.minus(D.cos(at)).abs().lt('1e-20')).toBe(true);
    const ad = evaluateAtPoint(ir.diff(e, x), { x: '0.7' });
    expect(new D(ad.toString()).minus(D.cos(at)).abs().lt('1e-45')).toBe(true);
  });
});
