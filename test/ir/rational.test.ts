/**
 * Exact decimal literals: the exponent is read as a bigint and bounded by
 * MAX_DECIMAL_EXPONENT before any power of ten is taken, so a literal such as
 * 1e99999999999 is refused (undefined), never wrapped, rounded or left to
 * exhaust bigint arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DECIMAL_EXPONENT, parseDecimal, rat, requal } from '../../src/ir/rational.js';

describe('parseDecimal', () => {
  it('reads decimals exactly', () => {
    expect(requal(parseDecimal('0.125')!, rat(1, 8))).toBe(true);
    expect(requal(parseDecimal('1.5e-3')!, rat(3, 2000))).toBe(true);
    expect(requal(parseDecimal('12E+2')!, rat(1200))).toBe(true);
    expect(parseDecimal('1e')).toBeUndefined();
    expect(parseDecimal('.')).toBeUndefined();
  });

  it('accepts an exponent up to MAX_DECIMAL_EXPONENT, exactly', () => {
    const e = MAX_DECIMAL_EXPONENT;
    expect(parseDecimal(`1e${e}`)?.n).toBe(10n ** e);
    expect(parseDecimal(`1e-${e}`)?.d).toBe(10n ** e);
  });

  it('refuses an exponent past the budget instead of wrapping it or exhausting bigint', () => {
    const e = MAX_DECIMAL_EXPONENT + 1n;
    expect(parseDecimal(`1e${e}`)).toBeUndefined();
    expect(parseDecimal(`1e-${e}`)).toBeUndefined();
    expect(parseDecimal('1e99999999999')).toBeUndefined();
    // past 2^53, where Number() would have rounded the exponent
    expect(parseDecimal('1e-9007199254740993')).toBeUndefined();
    expect(parseDecimal(`1e${'9'.repeat(400)}`)).toBeUndefined();
  });
});
