/**
 * Enclosures are rigorous: on random expressions (every built-in, powers
 * with integer, rational and computed exponents, diff) at random points, the
 * value at 300 digits always lies inside the enclosure computed at 20 to 60
 * digits, a side the enclosure calls certainly undefined is undefined, and a
 * side it calls defined is defined.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as ir from '../../src/ir/expr.js';
import type { Expr } from '../../src/ir/expr.js';
import { arbExprInX } from '../helpers/arbitrary.js';
import { emptyScope } from '../../src/ir/symbols.js';
import { toAscii } from '../../src/ir/print.js';
import { evaluate, evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { EnclosureField, IDual, type INum } from '../../src/numeric/enclosure.js';
import { Dual } from '../../src/numeric/numbers.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { Interval, IntervalMath } from '../../src/numeric/interval.js';
import { Decimal } from '../../src/numeric/decimal.js';
import { runs } from '../helpers/runs.js';

const x = ir.sym('x');
const UNARY = ['exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'atan', 'sigma'];

const exprArb = arbExprInX({ functions: UNARY, maxPower: 5, full: true });

/** x with up to four decimals in [-4, 4], or a large or tiny magnitude */
const pointArb = fc.oneof(
  fc.integer({ min: -40000, max: 40000 }).map((k) => new Decimal(k).div(10000).toString()),
  fc.constantFrom('1e6', '-1e6', '1e-6', '-1e-6', '0', '1', '-1', '1e30'),
);

function enclosure(e: Expr, at: string, precision: number): INum | NotDefined {
  const field = new EnclosureField(precision, { used: 0, limit: 1e7 });
  return evaluate<INum>(e, {
    field,
    scope: emptyScope(),
    n: undefined,
    units: new Map(),
    values: new Map([['x', field.real(at)]]),
    opaque: new Map(),
  });
}

describe('enclosures contain the true value', () => {
  test('random expressions: the 300-digit value lies in the enclosure; certain undefinedness is true', () => {
    let inside = 0;
    let certainlyUndefined = 0;
    fc.assert(
      fc.property(exprArb, pointArb, fc.constantFrom(20, 30, 60), (e, at, precision) => {
        const truth = evaluateAtPoint(e, { x: at }, 300);
        const enc = enclosure(e, at, precision);
        if (enc instanceof IDual || truth instanceof Dual) throw new Error('a dual escaped');
        const where = `${toAscii(e)} at x = ${at}, ${precision} digits`;
        if (enc instanceof NotDefined) {
          if (enc.cause === 'domain') {
            // certainly undefined: the truth is undefined too (not merely unusable)
            if (!(truth instanceof NotDefined))
              throw new Error(`${where}: enclosure says undefined (${enc.reason}), truth ${truth}`);
            certainlyUndefined++;
          }
          return;
        }
        if (truth instanceof NotDefined) {
          // a defined enclosure where 300 digits are undefined: only overflow or a singular derivative may differ
          if (truth.cause === 'domain')
            throw new Error(`${where}: enclosure [${enc.lo}, ${enc.hi}] but truth ${truth.reason}`);
          return;
        }
        if (truth.lt(enc.lo) || truth.gt(enc.hi))
          throw new Error(`${where}: truth ${truth.toSignificantDigits(40)} outside [${enc.lo}, ${enc.hi}]`);
        inside++;
      }),
      { numRuns: runs(400), seed: 20261206 },
    );
    expect(inside).toBeGreaterThan(runs(400) / 4);
    expect(certainlyUndefined).toBeGreaterThan(runs(400) / 130);
  });

  test('functions on wide intervals: the hull of the values at many points inside', () => {
    const m = new IntervalMath(30);
    const D = Decimal.clone({ precision: 60 });
    fc.assert(
      fc.property(
        fc.constantFrom(...UNARY),
        fc.integer({ min: -8000, max: 8000 }),
        fc.integer({ min: 0, max: 8000 }),
        (fn, lo1000, width1000) => {
          const lo = new D(lo1000).div(1000);
          const hi = lo.plus(new D(width1000).div(1000));
          const r = m.apply(fn, new Interval(lo, hi));
          if (!(r instanceof Interval)) return;
          for (let k = 0; k <= 20; k++) {
            const t = lo.plus(hi.minus(lo).times(k).div(20)).toString();
            const v = evaluateAtPoint(ir.call(fn, [x]), { x: t }, 60);
            if (v instanceof NotDefined || v instanceof Dual)
              throw new Error(`${fn}(${t}) undefined inside a defined enclosure`);
            if (v.lt(r.lo) || v.gt(r.hi))
              throw new Error(`${fn}(${t}) = ${v} outside [${r.lo}, ${r.hi}] of [${lo}, ${hi}]`);
          }
        },
      ),
      { numRuns: runs(200), seed: 7 },
    );
  });

  test('three-valued undefinedness', () => {
    const m = new IntervalMath(30);
    const I = (lo: string, hi: string) => new Interval(new Decimal(lo), new Decimal(hi));
    expect(m.log(I('-2', '0'))).toEqual({ kind: 'undefined', reason: 'log of a non-positive number' });
    expect(m.log(I('-1', '1'))).toMatchObject({ kind: 'uncertain' });
    expect(m.log(I('1', '2'))).toBeInstanceOf(Interval);
    expect(m.recip(I('0', '0'))).toMatchObject({ kind: 'undefined' });
    expect(m.recip(I('-1e-40', '1e-40'))).toMatchObject({ kind: 'uncertain' });
    expect(m.sqrt(I('-2', '-1'))).toMatchObject({ kind: 'undefined' });
    expect(m.tan(m.mul(m.pi(), m.real('0.5')))).toMatchObject({ kind: 'uncertain' });
    // exp(-2500) underflows no float, and is no zero here
    const t = m.exp(m.real('-2500'));
    expect(t instanceof Interval && t.lo.gt(0)).toBe(true);
  });
});

describe('abs, max and min on enclosures (for the merge with the corners of main)', () => {
  test('values, and corners certain or uncertain', async () => {
    const { absEnclosure, maxMinEnclosure } = await import('../../src/numeric/enclosure.js');
    const f = new EnclosureField(30, { used: 0, limit: 1e6 });
    const I = (lo: string, hi: string) => new Interval(new Decimal(lo), new Decimal(hi));
    const abs = absEnclosure(f, I('-2', '1'));
    expect(abs instanceof Interval && abs.lo.eq(0) && abs.hi.eq(2)).toBe(true);
    expect(absEnclosure(f, I('-3', '-2'))).toEqual(I('2', '3'));
    // singular: whether the whole derivative exists at a corner is beyond duals (x abs(x) at 0 is differentiable)
    expect(absEnclosure(f, f.seed(1, I('0', '0')))).toMatchObject({ cause: 'singular' });
    expect(absEnclosure(f, f.seed(1, I('-1e-40', '1e-40')))).toMatchObject({ cause: 'uncertain' });
    expect(maxMinEnclosure(f, 'max', I('1', '2'), I('3', '4'))).toEqual(I('3', '4'));
    expect(maxMinEnclosure(f, 'min', I('1', '2'), I('3', '4'))).toEqual(I('1', '2'));
    const over = maxMinEnclosure(f, 'max', I('1', '3'), I('2', '4'));
    expect(over instanceof Interval && over.lo.eq(2) && over.hi.eq(4)).toBe(true);
    expect(maxMinEnclosure(f, 'max', f.seed(1, I('1', '1')), I('1', '1'))).toMatchObject({ cause: 'singular' });
  });
});
