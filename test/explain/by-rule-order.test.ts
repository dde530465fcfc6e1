/**
 * Checking `by` computes its costly evidence last (by-rule.ts): the
 * step-by-step derivative (explainDerivative) only when the core's rules, the
 * chain found in the unfolded bodies and the rewriting under a derivative
 * have not already shown that the step uses every rule `by` names. The
 * warnings are the same either way (by-rule.test.ts); this pins the order.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const calls = vi.hoisted(() => ({ explain: 0 }));
vi.mock('../../src/explain/derivative-steps.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/explain/derivative-steps.js')>();
  return {
    ...actual,
    explainDerivative: (...args: Parameters<typeof actual.explainDerivative>) => {
      calls.explain++;
      return actual.explainDerivative(...args);
    },
  };
});

const { checkBy } = await import('../../src/explain/by-rule.js');
const { decideEqual } = await import('../../src/core/equal.js');
const { makeScope } = await import('../helpers/scope.js');

function warn(by: string, prev: string, next: string) {
  const { scope, p } = makeScope({});
  const d = decideEqual(p(prev), p(next), scope);
  expect(d.proved).toBe(true);
  return checkBy(by, p(prev), p(next), scope, d.proved ? d.rules : []);
}

describe('the order of the evidence for `by`', () => {
  beforeEach(() => {
    calls.explain = 0;
  });
  test('the chain rule with an inner function and the core using d.sin: no step-by-step derivative', () => {
    expect(warn('chain rule', 'diff(sin(x^2), x)', '2*x*cos(x^2)')).toBeUndefined();
    expect(calls.explain).toBe(0);
  });
  test('a rule the cheaper evidence does not show: the step-by-step derivative decides', () => {
    expect(warn('product rule', 'diff(sin(x^2), x)', '2*x*cos(x^2)')).toMatch(/product rule/);
    expect(calls.explain).toBe(1);
  });
});
