/**
 * exp and ln by enclosures (exp-ln-enclosure.ts) against decimal.js's own:
 * where the enclosures are certain they must give the very same decimal, at
 * every precision and rounding mode; where they are not, they say so and
 * decimal.js answers (decimal-memo.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal, type DecimalSettings } from '../../src/numeric/decimal.js';
import { certainExp, certainLn } from '../../src/numeric/exp-ln-enclosure.js';
import { memoExp, memoLn } from '../../src/numeric/decimal-memo.js';

type Rounding = NonNullable<DecimalSettings>['rounding'];
const ROUNDINGS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as Rounding[];

// fresh constructors, never the checker's shared ones
const fresh = (precision: number, rounding: Rounding) => Decimal.clone({ precision, rounding });

/** a decimal text: an integer part, up to 15 decimals, and up to 60 more digits */
const decimalText = (maxInt: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: 0, max: maxInt }),
      fc.stringMatching(/^[0-9]{0,15}$/),
      fc.stringMatching(/^[0-9]{0,60}$/),
    )
    .map(([neg, int, a, b]) => `${neg ? '-' : ''}${int}.${a}${b}0`);

describe('exp and ln by enclosures', () => {
  test('exp: the same decimal as decimal.js, at every precision and rounding mode, and certain almost always', () => {
    let certain = 0;
    let runsDone = 0;
    fc.assert(
      fc.property(
        decimalText(7),
        fc.constantFrom(20, 50, 60, 100, 110),
        fc.constantFrom(...ROUNDINGS),
        (text, precision, rounding) => {
          const D = fresh(precision, rounding);
          const x = new D(text);
          const mine = certainExp(D, x);
          runsDone++;
          if (mine === undefined) return;
          certain++;
          expect(mine.toString()).toBe(D.exp(x).toString());
          expect(mine).toBeInstanceOf(D);
        },
      ),
      { numRuns: 300 },
    );
    // only an exact result (x = 0) or a value within 1e-20 of a rounding boundary leaves it to decimal.js
    expect(certain).toBeGreaterThan(runsDone * 0.95);
  });

  test('ln: the same decimal as decimal.js, at every precision and rounding mode, and certain almost always', () => {
    let certain = 0;
    let runsDone = 0;
    fc.assert(
      fc.property(
        decimalText(999).map((t) => t.replace('-', '')),
        fc.constantFrom(20, 50, 60, 100, 110),
        fc.constantFrom(...ROUNDINGS),
        (text, precision, rounding) => {
          const D = fresh(precision, rounding);
          const x = new D(text);
          const mine = certainLn(D, x);
          runsDone++;
          if (mine === undefined) return;
          certain++;
          expect(mine.toString()).toBe(D.ln(x).toString());
        },
      ),
      { numRuns: 300 },
    );
    // arguments below 1e-3 (0.000...) and 1 itself are left to decimal.js
    expect(certain).toBeGreaterThan(runsDone * 0.8);
  });

  test('at the certification ladder (200 and 400 digits, and their guard digits) too', () => {
    for (const precision of [200, 210, 400, 410]) {
      const D = fresh(precision, Decimal.ROUND_HALF_EVEN);
      for (const t of ['-7.9375', '0.3290000000000001', '2.5', '-0.0001']) {
        expect(certainExp(D, new D(t))?.toString()).toBe(D.exp(new D(t)).toString());
      }
      for (const t of ['0.001', '0.327066627015020382549533', '999.5', '1.5']) {
        expect(certainLn(D, new D(t))?.toString()).toBe(D.ln(new D(t)).toString());
      }
    }
  });

  test('near the ends of the range and near exact values', () => {
    const D = fresh(50, Decimal.ROUND_HALF_EVEN);
    const ln10 = '2.302585092994045684017991454684364207601101488628772976033327900967572609677352480235997';
    // exp(ln 10) is within 1e-90 of 10: its digits are 10.000...0 or 9.999...9, decided by the enclosure
    for (const t of ['8', '-8', '1e-20', '-1e-60', '1e-300', ln10]) {
      expect(certainExp(D, new D(t))?.toString()).toBe(D.exp(new D(t)).toString());
    }
    for (const t of ['0.001', '1000', '0.9999999999999999', '1.0000001', '10']) {
      expect(certainLn(D, new D(t))?.toString()).toBe(D.ln(new D(t)).toString());
    }
  });

  test('left to decimal.js: exact results, arguments outside the range, a narrow exponent range', () => {
    const D = fresh(50, Decimal.ROUND_HALF_EVEN);
    expect(certainExp(D, new D(0))).toBeUndefined();
    expect(certainExp(D, new D('8.0001'))).toBeUndefined();
    expect(certainExp(D, new D('-100'))).toBeUndefined();
    expect(certainLn(D, new D(1))).toBeUndefined();
    expect(certainLn(D, new D('0.0009'))).toBeUndefined();
    expect(certainLn(D, new D('1000.5'))).toBeUndefined();
    expect(certainLn(D, new D(-2))).toBeUndefined();
    // ln(1 + 1e-40) is about 1e-40: the enclosure's absolute width cannot give it 50 significant digits
    expect(certainLn(D, new D('1.0000000000000000000000000000000000000001'))).toBeUndefined();
    const narrow = Decimal.clone({ precision: 20, maxE: 5 });
    expect(certainExp(narrow, new narrow(2))).toBeUndefined();
  });

  test('the remembered exp and ln give decimal.js values whichever computes them', () => {
    const D = fresh(50, Decimal.ROUND_HALF_EVEN);
    for (const t of ['0.1234567', '-0.329', '1.0000000000000000000000000000000000000001', '1e-3']) {
      const x = new D(t);
      expect(memoExp(D, x).toString()).toBe(D.exp(x).toString());
      expect(memoLn(D, x).toString()).toBe(D.ln(x).toString());
    }
  });
});
