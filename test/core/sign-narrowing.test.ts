/**
 * Interval analysis narrowed for issue 11 (src/core/sign.ts): odd increasing
 * functions keep their argument's sign, sin and cos are one-signed on short
 * intervals, and constant roots get rational bounds. Each claim has a
 * neighbour just past its edge that must not be made.
 */
import { describe, expect, it } from 'vitest';
import { rat } from '../../src/ir/rational.js';
import { isNonnegRange, isPositiveRange, isNegativeRange, rangeOf } from '../../src/core/sign.js';
import { makeScope, POSITIVE } from '../helpers/scope.js';

const interval = (lo: number, hi: number) =>
  ({ kind: 'interval', lo: rat(lo), hi: rat(hi), loOpen: true, hiOpen: true }) as const;

function range(e: string, vars = {}) {
  const { scope, p } = makeScope({ vars });
  return rangeOf(p(e), scope.symbols);
}

describe('interval analysis narrowed', () => {
  it('tanh, atan, asin keep the sign of their argument', () => {
    expect(isPositiveRange(range('tanh(x/2)', { x: POSITIVE }))).toBe(true);
    expect(isPositiveRange(range('atan(x)', { x: POSITIVE }))).toBe(true);
    expect(isNegativeRange(range('asin(-x/2)', { x: interval(0, 1) }))).toBe(true);
    expect(isNonnegRange(range('tanh(x)'))).toBe(false);
    expect(isPositiveRange(range('tanh(x - 1)', { x: POSITIVE }))).toBe(false);
  });
  it('cos is positive on [-3/2, 3/2], sin on (0, 3]; not past them', () => {
    expect(isPositiveRange(range('cos(a*x)', { a: interval(-1, 1), x: interval(-1, 1) }))).toBe(true);
    expect(isPositiveRange(range('sin(x)', { x: interval(0, 3) }))).toBe(true);
    expect(isPositiveRange(range('cos(x)', { x: interval(-2, 2) }))).toBe(false);
    expect(isNonnegRange(range('sin(x)', { x: interval(0, 4) }))).toBe(false);
    expect(isNonnegRange(range('sin(x)', { x: interval(-1, 1) }))).toBe(false);
  });
  it('sin and cos between two of their zeros, with pi bounded by rationals', () => {
    expect(isNegativeRange(range('cos(13*pi/24)'))).toBe(true);
    expect(isPositiveRange(range('cos(11*pi/24)'))).toBe(true);
    expect(isNegativeRange(range('sin(x)', { x: interval(4, 6) }))).toBe(true);
    expect(isPositiveRange(range('sin(x)', { x: interval(-6, -4) }))).toBe(true);
    expect(isNegativeRange(range('sin(x)', { x: interval(3, 6) }))).toBe(false);
    expect(isPositiveRange(range('cos(x)', { x: interval(1, 2) }))).toBe(false);
    expect(isNegativeRange(range('cos(x)', { x: interval(1, 2) }))).toBe(false);
  });
  it('a constant root is bounded by rationals', () => {
    expect(isPositiveRange(range('3 - 2*sqrt(2)'))).toBe(true);
    expect(isPositiveRange(range('2 - 3^(1/2)'))).toBe(true);
    expect(isPositiveRange(range('1/2^(1/3) - 3/4'))).toBe(true);
    expect(isNonnegRange(range('3 - 2*sqrt(3)'))).toBe(false);
    expect(isNegativeRange(range('3 - 2*sqrt(3)'))).toBe(true);
    expect(isPositiveRange(range('sqrt(2) - 140/99'))).toBe(true);
    expect(isNegativeRange(range('sqrt(2) - 99/70'))).toBe(true);
    expect(isPositiveRange(range('sqrt(2) - 1414213563/1000000000'))).toBe(false);
  });
});
