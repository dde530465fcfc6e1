/**
 * Properties of the exact core over the integers that used to wrap or round
 * (2^31, 2^32, 2^53 +- 1, 2^64 and random bigints up to 2^80), and proof
 * that they have teeth: the same properties fail when the core's arithmetic
 * is replaced by the old fixed-width versions (a 32-bit Ring.pow, exponents
 * rounded through a float64).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decideEqual } from '../../src/core/equal.js';
import { type Poly, Ring, constPoly } from '../../src/core/poly.js';
import { ONE } from '../../src/ir/rational.js';
import { makeScope, NONZERO } from '../helpers/scope.js';

const { scope, p } = makeScope({ vars: { x: NONZERO } });
const proved = (a: string, b: string) => decideEqual(p(a), p(b), scope).proved;

const EDGES = [2n ** 31n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 64n, 2n ** 31n - 1n];
/** the integers that used to wrap or round, with either sign, a few small ones, and random bigints up to 2^80 */
const bigInteger = fc.oneof(
  fc.constantFrom(...EDGES, ...EDGES.map((e) => -e)),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.bigInt({ min: -5n, max: 5n }),
);
const offset = fc.oneof(
  fc.constantFrom(1n, -1n, 2n, 2n ** 32n, -(2n ** 32n), 2n ** 53n),
  fc.bigInt({ min: 1n, max: 2n ** 70n }),
);

/** exp(a x) exp(b x) = exp((a + b) x) is proved, and = exp(c x) for c != a + b is not */
const expSumProperty = fc.property(bigInteger, bigInteger, offset, (a, b, d) => {
  expect(proved(`exp(${a}*x)*exp(${b}*x)`, `exp(${a + b}*x)`)).toBe(true);
  expect(proved(`exp(${a}*x)*exp(${b}*x)`, `exp(${a + b + d}*x)`)).toBe(false);
});

/** sin(k pi/2) and cos(k pi/2) take the value k mod 4 gives, and not the other two */
const quarterTurnProperty = fc.property(bigInteger, fc.constantFrom('sin', 'cos'), (k, fn) => {
  const quarter = ((k % 4n) + 4n) % 4n;
  const value = fn === 'sin' ? [0, 1, 0, -1][Number(quarter)]! : [1, 0, -1, 0][Number(quarter)]!;
  for (const v of [-1, 0, 1]) expect(proved(`${fn}(${k}*pi/2)`, `${v}`)).toBe(v === value);
});

/** x^(2^54) x^j / x^(2^54) = x^j is proved, and x^(2^54) x^j = x^(2^54) x^k for j != k is not */
const X54 = '((((((((x^64)^64)^64)^64)^64)^64)^64)^64)^64';
const towerProperty = fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (j, k) => {
  expect(proved(`${X54}*x^${j}/${X54}`, `x^${j}`)).toBe(true);
  expect(proved(`${X54}*x^${j}`, `${X54}*x^${k}`)).toBe(j === k);
});

describe('exact properties of the core', () => {
  it('exp(a x) exp(b x) = exp((a + b) x), never exp(c x) for another c', () => {
    fc.assert(expSumProperty, { numRuns: 60 });
  });
  it('sin and cos at k pi/2 for huge k', () => {
    fc.assert(quarterTurnProperty, { numRuns: 60 });
  });
  it('monomial exponents past 2^53 stay exact', () => {
    fc.assert(towerProperty, { numRuns: 20 });
  });
});

describe('the properties catch fixed-width arithmetic (mutants of the core)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a 32-bit Ring.pow (k & 1, k >>= 1 on a float) fails the exp property', () => {
    vi.spyOn(Ring.prototype, 'pow').mockImplementation(function (this: Ring, a: Poly, big: bigint): Poly {
      let k = Number(big);
      let result = constPoly(ONE);
      let base = a;
      while (k > 0) {
        if (k & 1) result = this.mul(result, base);
        k >>= 1;
        if (k) base = this.mul(base, base);
      }
      return result;
    });
    expect(fc.check(expSumProperty, { numRuns: 60 }).failed).toBe(true);
  });

  it('exponents rounded through a float64 fail the tower property', () => {
    const reduce = Ring.prototype.reduce;
    vi.spyOn(Ring.prototype, 'reduce').mockImplementation(function (this: Ring, exps) {
      const rounded = new Map([...exps].map(([atom, e]) => [atom, BigInt(Number(e))]));
      return reduce.call(this, rounded);
    });
    expect(fc.check(towerProperty, { numRuns: 20 }).failed).toBe(true);
  });
});
