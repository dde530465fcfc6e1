/**
 * The work meter charges an enclosure of asin, acos or atan as ten calls of
 * exp, ln or sin (enclosure.ts, INVERSE_TRIG_FACTOR): decimal.js's inverse
 * trig functions cost about ten times the others at every precision, and a
 * meter that undercounts them let one compare run for 22 s.
 */
import { describe, expect, test } from 'vitest';
import { EnclosureField } from '../../src/numeric/enclosure.js';

/** the work units one call of fn at 1/3 costs at this precision */
function cost(fn: string, precision: number): number {
  const meter = { used: 0, limit: 1e9 };
  const field = new EnclosureField(precision, meter);
  const third = field.real({ n: 1n, d: 3n });
  const before = meter.used;
  field.apply(fn, third);
  return meter.used - before;
}

describe('the work an enclosure costs', () => {
  test('asin, acos and atan cost ten times exp, log and sin, at 50 and at 400 digits', () => {
    for (const precision of [50, 400]) {
      const unit = cost('exp', precision);
      expect(unit).toBeGreaterThan(0);
      expect(cost('log', precision)).toBe(unit);
      expect(cost('sin', precision)).toBe(unit);
      for (const fn of ['asin', 'acos', 'atan']) expect(cost(fn, precision)).toBe(10 * unit);
    }
  });

  test('a call at 400 digits costs more than at 50 (the meter grows with the precision)', () => {
    expect(cost('exp', 400)).toBeGreaterThan(cost('exp', 50));
  });
});
