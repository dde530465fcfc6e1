/**
 * A point the 50-digit look found suspect (apart, or one side undefined) and
 * that certification could not settle because its work ran out is a doubt,
 * never neutral: with the per-compare certification budget cut to almost
 * nothing, a false step whose sides differ at most points must not be
 * called `agree` on the few points where they happen to agree.
 * (The budget is lowered by mocking bounds.ts: project unit-mocks.)
 */
import { describe, expect, test, vi } from 'vitest';

vi.mock('../../src/numeric/bounds.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/numeric/bounds.js')>();
  return { ...actual, MAX_CERTIFY_WORK_PER_COMPARE: 2_000 };
});

const { numericCompare } = await import('../../src/numeric/compare.js');
const { ex, scopeOf } = await import('./helpers.js');

describe('suspect points left unsettled by the certification budget', () => {
  test('1/sin(max(y, pi)) against 1/sin(y): not agree (the sides differ below pi, agree above)', () => {
    for (const seed of [1, 2, 3]) {
      const v = numericCompare(ex('1/sin(max(y, pi))'), ex('1/sin(y)'), scopeOf([]), { seed });
      expect(v.kind, JSON.stringify(v)).not.toBe('agree');
    }
  });

  test('max(y, 0) against y: refuted or inconclusive, never agree', () => {
    for (const seed of [1, 2, 3]) {
      const v = numericCompare(ex('max(y, 0)'), ex('y'), scopeOf([]), { seed });
      expect(v.kind, JSON.stringify(v)).not.toBe('agree');
    }
  });

  test('a true step still agrees under the small budget (nothing suspect to certify)', () => {
    const v = numericCompare(ex('sin(y)^2 + cos(y)^2'), ex('1'), scopeOf([]), { seed: 1 });
    expect(v.kind).toBe('agree');
  });
});
