import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal, type DecimalSettings, decimalClone } from '../../src/numeric/decimal.js';

type Rounding = NonNullable<DecimalSettings>['rounding'];
import { memoExp, memoLn } from '../../src/numeric/decimal-memo.js';
import { hyperbolic } from '../../src/numeric/field-functions.js';

// Fresh constructors (never shared with the checker's) compute the reference values.
const fresh = (precision: number, rounding: Rounding) => Decimal.clone({ precision, rounding });

describe('remembered exp and ln (decimal-memo.ts)', () => {
  test('a remembered result equals the one computed afresh, at every precision and rounding asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 2000 }),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom(20, 50, 60),
        fc.constantFrom(Decimal.ROUND_FLOOR, Decimal.ROUND_CEIL, Decimal.ROUND_HALF_EVEN),
        (num, den, precision, rounding) => {
          const D = decimalClone({ precision, rounding });
          const R = fresh(precision, rounding);
          const x = new D(num).div(den);
          // twice: the first call fills the cache, the second reads it
          for (let k = 0; k < 2; k++) {
            expect(memoExp(D, x).toString()).toBe(R.exp(x).toString());
            if (x.gt(0)) expect(memoLn(D, x).toString()).toBe(R.ln(x).toString());
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test('the key holds the precision and the rounding: the same argument at another setting is computed again', () => {
    const x = new Decimal('0.3');
    const lo = memoExp(decimalClone({ precision: 30, rounding: Decimal.ROUND_FLOOR }), x);
    const hi = memoExp(decimalClone({ precision: 30, rounding: Decimal.ROUND_CEIL }), x);
    const long = memoExp(decimalClone({ precision: 40, rounding: Decimal.ROUND_FLOOR }), x);
    expect(lo.lt(hi)).toBe(true); // exp(0.3) is irrational: floor and ceiling differ in the last digit
    expect(lo.toString()).toBe(fresh(30, Decimal.ROUND_FLOOR).exp(x).toString());
    expect(long.sd()).toBe(40);
  });

  test('the exponent range is in the key: exp past a small maxE overflows there only', () => {
    const small = decimalClone({ precision: 20, maxE: 5 });
    const wide = decimalClone({ precision: 20 });
    const x = new Decimal(20); // exp(20) is about 4.9e8
    expect(memoExp(small, x).isFinite()).toBe(false);
    expect(memoExp(wide, x).isFinite()).toBe(true);
  });

  test('hyperbolic: beyond 1 through remembered exps, equal to decimal.js within an ulp', () => {
    const D = decimalClone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
    for (const t of ['1.5', '-3', '10']) {
      const x = new D(t);
      const ulp = new D(10).pow(-45);
      expect(hyperbolic(D, 'sinh', x).minus(D.sinh(x)).abs().div(D.sinh(x).abs()).lt(ulp)).toBe(true);
      expect(hyperbolic(D, 'cosh', x).minus(D.cosh(x)).abs().div(D.cosh(x)).lt(ulp)).toBe(true);
    }
  });
});

describe('decimalClone', () => {
  test('one constructor per distinct settings, and each keeps its own settings', () => {
    const a = decimalClone({ precision: 33, rounding: Decimal.ROUND_FLOOR });
    expect(decimalClone({ precision: 33, rounding: Decimal.ROUND_FLOOR })).toBe(a);
    const b = decimalClone({ precision: 33, rounding: Decimal.ROUND_CEIL });
    expect(b).not.toBe(a);
    expect([a.precision, a.rounding, b.rounding]).toEqual([33, Decimal.ROUND_FLOOR, Decimal.ROUND_CEIL]);
    expect(new a(1).div(3).toString()).not.toBe(new b(1).div(3).toString());
  });
});
