/**
 * Two numeric bounds added against adversarial input: MAX_DIFF_NESTING (diff
 * nested k deep evaluates on dual numbers of 2^k parts, and diff nested 20
 * deep ran for minutes inside one evaluation step) and MAX_SAMPLES (a request
 * for a million points per instance). Both end the check at once as
 * inconclusive, naming the bound; neither is ever a pass.
 */
import { describe, expect, it } from 'vitest';
import { numericCompare } from '../../src/numeric/compare.js';
import { MAX_DIFF_NESTING } from '../../src/numeric/bounds.js';
import { MAX_SAMPLES } from '../../src/verdict/settings.js';
import { emptyScope } from '../../src/ir/symbols.js';
import { ex } from './helpers.js';

const nested = (n: number, body: string) => `${'diff('.repeat(n)}${body}${', x)'.repeat(n)}`;

describe('MAX_DIFF_NESTING', () => {
  it(`diff nested ${MAX_DIFF_NESTING} deep is still evaluated: d^6/dx^6 x^6 = 720`, () => {
    const v = numericCompare(ex(nested(MAX_DIFF_NESTING, 'x^6')), ex('720'), emptyScope(), { seed: 1 });
    expect(v.kind).toBe('agree');
  });
  it('one level deeper is inconclusive at once, naming the bound, even for a false step', () => {
    const start = performance.now();
    const v = numericCompare(ex(nested(MAX_DIFF_NESTING + 1, 'sin(x)*cos(x)')), ex('1'), emptyScope(), { seed: 1 });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(v.kind).toBe('inconclusive');
    expect(v.kind === 'inconclusive' ? v.reason : '').toContain(`MAX_DIFF_NESTING = ${MAX_DIFF_NESTING}`);
  });
});

describe('MAX_SAMPLES', () => {
  it('more samples than the bound are refused, naming it', () => {
    const v = numericCompare(ex('exp(x/10) * exp(x/10)'), ex('exp(x/5)'), emptyScope(), {
      seed: 1,
      samples: MAX_SAMPLES + 1,
    });
    expect(v).toMatchObject({ kind: 'inconclusive', bound: 'MAX_SAMPLES' });
    expect(v.kind === 'inconclusive' ? v.reason : '').toContain('MAX_SAMPLES');
  });
  it('up to the bound is allowed (a small request is honoured)', () => {
    // (asin(sin(x/10)) = x/10 would not do: it is false for |x| > 5 pi, which the wide scales now reach)
    const v = numericCompare(ex('exp(x/10) * exp(x/10)'), ex('exp(x/5)'), emptyScope(), { seed: 1, samples: 20 });
    expect(v.kind).toBe('agree');
    expect(v.kind === 'agree' ? v.points : 0).toBeGreaterThanOrEqual(20);
  });
});
