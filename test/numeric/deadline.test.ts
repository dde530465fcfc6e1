/**
 * The numeric layer's deadline (--step-timeout): checked before each point;
 * once it has passed the verdict is inconclusive with bound STEP_TIMEOUT
 * (never agree), and a deadline far away changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { numericCompare } from '../../src/numeric/compare.js';
import { ex, scopeOf } from './helpers.js';

const plain = scopeOf([]);

describe('numericCompare with a deadline', () => {
  it('is inconclusive with bound STEP_TIMEOUT when the deadline has passed', () => {
    const v = numericCompare(ex('atan(x) + atan(1/x)'), ex('atan(x) + atan(1/x)'), plain, {
      seed: 1,
      deadline: performance.now() - 1,
    });
    expect(v).toMatchObject({ kind: 'inconclusive', bound: 'STEP_TIMEOUT', points: 0 });
    expect(v.kind === 'inconclusive' ? v.reason : '').toMatch(/time limit/);
  });

  it('gives the same verdict as without a deadline when the deadline is far away', () => {
    const without = numericCompare(ex('sin(x)^2 + cos(x)^2'), ex('1'), plain, { seed: 3 });
    const within = numericCompare(ex('sin(x)^2 + cos(x)^2'), ex('1'), plain, {
      seed: 3,
      deadline: performance.now() + 3_600_000,
    });
    expect(without.kind).toBe('agree');
    expect(within).toEqual(without);
  });
});
