/**
 * The examples issue 11 names as its acceptance: derivations people wrote
 * when trying the tool, each proved by the core (not only `numeric`), with a
 * false neighbour that must not be.
 */
import { describe, expect, it } from 'vitest';
import { explainDerivative } from '../../src/explain/derivative-steps.js';
import { notProvedWords } from '../../src/explain/decision-words.js';
import type { Variable } from '../../src/ir/expr.js';
import { makeScope } from '../helpers/scope.js';
import { decide, expectProved } from '../helpers/identity-check.js';

const PROVED: [string, string][] = [
  ['diff(tan(x), x)', '1/cos(x)^2'],
  ['1/cos(x)^2', '1 + tan(x)^2'],
  ['diff(tan(x), x)', '1 + tan(x)^2'],
  ['diff(1/cos(x), x)', '(1/cos(x))*tan(x)'],
  ['sin(2*x)', '2*sin(x)*cos(x)'],
  ['exp(x/2)^2', 'exp(x)'],
  ['sigma(x)', '(1 + tanh(x/2))/2'],
];

const TWINS: [string, string][] = [
  ['diff(tan(x), x)', '1/cos(x)'],
  ['1/cos(x)^2', '1 - tan(x)^2'],
  ['diff(1/cos(x), x)', '-(1/cos(x))*tan(x)'],
  ['sin(2*x)', 'sin(x)*cos(x)'],
  ['exp(x/2)^2', 'exp(x/4)'],
  ['sigma(x)', '(1 - tanh(x/2))/2'],
];

describe('issue 11: what people write is proved', () => {
  it.each(PROVED)('%s = %s is proved', (a, b) => expectProved(a, b));
  it.each(TWINS)('%s = %s is not proved', (a, b) => {
    expect(decide(a, b).proved).toBe(false);
  });
  it('a budget that runs out says which', () => {
    const d = decide('sin(21*x)', '21*sin(x) - 4*sin(x)^3');
    expect(d.proved).toBe(false);
    if (!d.proved) {
      expect(d.bound).toBe('MAX_TRIG_MULTIPLE');
      expect(notProvedWords(d)).toContain('MAX_TRIG_MULTIPLE');
    }
  });
  it('verify explain confirms the derivatives of tan(x) and 1/cos(x)', () => {
    const { scope, p } = makeScope({});
    for (const e of ['tan(x)', '1/cos(x)']) {
      const ex = explainDerivative(p(e), p('x') as Variable, scope);
      expect(ex.confirmed, e).toBe(true);
    }
  });
});
