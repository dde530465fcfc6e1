/**
 * Issue 9, item 5: underflow never refutes a true step, and a point no
 * precision settles is unsettled, not agreement. The costliest compares of
 * the numeric layer's tests (each tries the whole precision ladder to 400
 * digits, about 9 s together), so this file runs in the `slow` project, not
 * in `npm run test:unit` (vitest.config.ts).
 */
import { describe, expect, test } from 'vitest';
import { numericCompare, type NumericVerdict } from '../../src/numeric/compare.js';
import { rat } from '../../src/ir/rational.js';
import type { Scope } from '../../src/ir/symbols.js';
import { ex, interval, scalar, scopeOf } from './helpers.js';

const plain = scopeOf([]);

const verdict = (lhs: string, rhs: string, scope: Scope = plain, seed = 1): NumericVerdict =>
  numericCompare(ex(lhs), ex(rhs), scope, { seed });

/**
 * log(1 - sigma(z)) against -log(1 + exp(z)) for z in [2490, 2510], by seed:
 * the costliest compares of the file (every precision is tried), computed
 * once and asserted on by two tests
 */
const nearUnderflow = new Map<number, NumericVerdict>();
function near2500(seed: number): NumericVerdict {
  let v = nearUnderflow.get(seed);
  if (v === undefined) {
    const scope = scopeOf([scalar('z', interval(rat(2490), rat(2510), false, false))]);
    v = verdict('log(1 - sigma(z))', '-log(1 + exp(z))', scope, seed);
    nearUnderflow.set(seed, v);
  }
  return v;
}

describe('log(1 - sigma(z)) near z = 2500, where 1 - sigma(z) underflows 50 digits', () => {
  test('log(1 - sigma(z)) = -log(1 + exp(z)) is not refuted at z near 2500 (1 - sigma(z) underflows 50 digits)', () => {
    for (const seed of [1, 2]) {
      const v = near2500(seed);
      expect(v.kind, JSON.stringify(v)).not.toBe('disagree');
    }
    // and for any real z: the large special values reach the same underflow
    for (const seed of [1, 2]) {
      const v = verdict('log(1 - sigma(z))', '-log(1 + exp(z))', plain, seed);
      expect(v.kind, JSON.stringify(v)).not.toBe('disagree');
    }
  });

  test('a point no precision settles is counted as unsettled, not as agreement', () => {
    const v = near2500(1);
    expect(v.kind).toBe('inconclusive');
    if (v.kind === 'inconclusive') {
      expect(v.points).toBe(0);
      expect(v.unsettled).toBeGreaterThan(0);
      expect(v.reason).toMatch(/could not be settled/);
    }
  });
});
