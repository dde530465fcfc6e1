import { describe, expect, it } from 'vitest';
import { checkBy } from '../../src/explain/by-rule.js';
import { decideEqual } from '../../src/core/equal.js';
import { makeScope, POSITIVE, SBN } from '../helpers/scope.js';

function warn(by: string, prev: string, next: string, spec = {}) {
  const { scope, p } = makeScope(spec);
  const d = decideEqual(p(prev), p(next), scope);
  expect(d.proved).toBe(true);
  return checkBy(by, p(prev), p(next), scope, d.proved ? d.rules : []);
}

describe('checking `by`', () => {
  it('accepts a step that uses the rule it names', () => {
    expect(warn('product rule', 'diff(x*sin(x), x)', 'sin(x) + x*cos(x)')).toBeUndefined();
    expect(warn('chain rule', 'diff(sin(x^2), x)', '2*x*cos(x^2)')).toBeUndefined();
    expect(
      warn('the log of a product is the sum of the logs', 'log(pPa*pR*ps)', 'log(pPa) + log(pR) + log(ps)', SBN),
    ).toBeUndefined();
    expect(warn('the two sigmoids cancel', 'sigma(x)*(1 - sigma(x))/sigma(x)', '1 - sigma(x)')).toBeUndefined();
  });
  it('names every rule the step does not use, as one or as several', () => {
    expect(warn('product rule', 'diff(sin(x^2), x)', '2*x*cos(x^2)')).toMatch(
      /the product rule, but this step does not use it;/,
    );
    expect(warn('product rule and quotient rule', 'x*y + x', 'x*(y + 1)')).toMatch(
      /the product rule and quotient rule, but this step does not use them;/,
    );
  });
  it('warns when the named rule is not what the step uses', () => {
    expect(warn('product rule', 'diff(sin(x^2), x)', '2*x*cos(x^2)')).toContain('product rule');
    expect(warn('chain rule', 'x*y + x', 'x*(y + 1)')).toContain('chain rule');
    expect(warn('cancel', 'x + x', '2*x')).toContain('cancellation');
  });
  it('no false warning (issue 12): the power rule on x^n, the chain rule through e^(g(x)), the log of a product', () => {
    expect(warn('power rule', 'diff(x^3, x)', '3*x^2')).toBeUndefined();
    expect(warn('power rule', 'diff(5*x^3, x)', '15*x^2')).toBeUndefined();
    expect(warn('chain rule', 'diff(e^(2*x), x)', '2*e^(2*x)')).toBeUndefined();
    expect(warn('chain rule', 'diff(exp(x^2), x)', '2*x*exp(x^2)')).toBeUndefined();
    expect(
      warn(
        'the log of a product of positive factors',
        'diff(log(2 * pi * s2), s2)',
        'diff(log(2) + log(pi) + log(s2), s2)',
        {
          vars: { s2: POSITIVE },
        },
      ),
    ).toBeUndefined();
    expect(
      warn('log of a product', 'log(x * y)', 'log(x) + log(y)', { vars: { x: POSITIVE, y: POSITIVE } }),
    ).toBeUndefined();
  });
  it('still warns when the named rule cannot have produced the step', () => {
    expect(warn('power rule', 'diff(sin(x), x)', 'cos(x)')).toContain('power rule');
    expect(warn('chain rule', 'diff(sin(x), x)', 'cos(x)')).toContain('chain rule');
  });
  it('says nothing when `by` names no known rule', () => {
    expect(warn('by inspection', 'x + x', '2*x')).toBeUndefined();
  });
});
