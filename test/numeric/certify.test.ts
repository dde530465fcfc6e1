/**
 * Issue 9, items 4 and 5: a counterexample is certified by enclosures, so
 * rounding and underflow never refute a true step; the sampling reaches
 * large and tiny magnitudes, values near constant subexpressions, bound
 * array elements at special values, and special points that do not depend
 * on the seed.
 */
import { describe, expect, test } from 'vitest';
import { numericCompare, type NumericVerdict } from '../../src/numeric/compare.js';
import { rat } from '../../src/ir/rational.js';
import type { Scope } from '../../src/ir/symbols.js';
import { array, domain, ex, index, interval, scalar, scopeOf } from './helpers.js';

const SEEDS = [1, 2, 3, 99, 12345];
const plain = scopeOf([]);

const verdict = (lhs: string, rhs: string, scope: Scope = plain, seed = 1): NumericVerdict =>
  numericCompare(ex(lhs), ex(rhs), scope, { seed });

describe('true steps are never refuted by rounding or underflow', () => {
  test('sqrt((exp(200) + x^2)^2) - exp(200) = x^2 agrees for every seed (rounding costs 87 digits)', () => {
    for (const seed of SEEDS) {
      const v = verdict('sqrt((exp(200) + x^2)^2) - exp(200)', 'x^2', plain, seed);
      expect(v.kind, JSON.stringify(v)).toBe('agree');
    }
  });

  test('a difference is still found where it is real and certain (exp(x)(1 + 1e-20))', () => {
    for (const seed of SEEDS) expect(verdict('exp(x)*(1 + 10^(-20))', 'exp(x)', plain, seed).kind).toBe('disagree');
  });
});

describe('agreement at 50 digits is certified at some points', () => {
  test('(exp(200) + x) - exp(200) = 0 fails: 50 digits lose x entirely, the enclosures do not', () => {
    for (const seed of SEEDS) {
      const v = verdict('(exp(200) + x) - exp(200)', '0', plain, seed);
      expect(v.kind, `seed ${seed}`).toBe('disagree');
    }
  });
});

describe('wider, seed-independent sampling', () => {
  test('an isolated special point a = 0 refutes for every seed (the other variables at fixed values too)', () => {
    // true everywhere except a = 0, where the left side is undefined; log(x) needs x > 0
    for (const seed of [...SEEDS, 4, 5, 6, 7, 8]) {
      const v = verdict('log(x) * a / a', 'log(x)', plain, seed);
      expect(v.kind, `seed ${seed}`).toBe('disagree');
      if (v.kind === 'disagree') expect(v.counterexample.values.a).toBe('0');
    }
  });

  test('sqrt((x - exp(7))^2) = exp(7) - x fails: x is sampled just above exp(7), a constant that is no literal', () => {
    for (const seed of SEEDS) {
      const v = verdict('sqrt((x - exp(7))^2)', 'exp(7) - x', plain, seed);
      expect(v.kind, `seed ${seed}`).toBe('disagree');
      if (v.kind === 'disagree') expect(Number(v.counterexample.values.x)).toBeGreaterThan(1096.6);
    }
  });

  test('the neighbours of exp(7) do it alone: x in (1000, 1097) fails only on (exp(7), 1097)', () => {
    const narrow = scopeOf([scalar('x', interval(rat(1000), rat(1097), true, true))]);
    for (const seed of SEEDS) {
      const v = verdict('sqrt((x - exp(7))^2)', 'exp(7) - x', narrow, seed);
      expect(v.kind, `seed ${seed}`).toBe('disagree');
      if (v.kind === 'disagree') expect(v.counterexample.how).toMatch(/^special point x = 1096\.(6331|7)/);
    }
  });

  test('x + exp(-10000 (x - 3/10)^2) = x fails at the literal-derived point 3/10', () => {
    for (const seed of SEEDS) expect(verdict('x + exp(-10000*(x - 3/10)^2)', 'x', plain, seed).kind).toBe('disagree');
  });

  test('magnitudes up to 1e6: x^2 + 1e-12 x^4 = x^2 + ... differs only for large x', () => {
    for (const seed of SEEDS) expect(verdict('x^2 + x^4/10^14', 'x^2', plain, seed).kind).toBe('disagree');
  });

  test('magnitudes down to 1e-6: a term that matters only for tiny x', () => {
    // 1/x^2 vs 1/x^2 + 1e8 (relative 1e-4 at x = 1e-6... and dominant at x = 1)
    for (const seed of SEEDS)
      expect(verdict('sqrt(x^2 + 10^(-40))', 'abs_x', scopeOf([scalar('abs_x')]), seed).kind).toBe('disagree');
  });

  test('array elements under a bound index take special values: sum(k, delta(k,j)/w[i,k]) = 1/w[i,j] fails', () => {
    const net = scopeOf([index('i'), index('j'), index('k'), array('w', 2)]);
    for (const seed of SEEDS) {
      const v = verdict('sum(k, delta(k,j)/w[i,k])', '1/w[i,j]', net, seed);
      expect(v.kind, `seed ${seed}`).toBe('disagree');
    }
  });

  test('the same step with w declared nonzero agrees', () => {
    const net = scopeOf([index('i'), index('j'), index('k'), array('w', 2, domain('nonzero'))]);
    expect(verdict('sum(k, delta(k,j)/w[i,k])', '1/w[i,j]', net).kind).toBe('agree');
  });
});
