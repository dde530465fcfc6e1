/**
 * MAX_DERIVATIVE_SIZE: the product rule writes k factors k times and every
 * nested diff multiplies the size again, so `diff` nested 10 deep around
 * sin(x)*cos(x) used to build a derivative of over a billion nodes and run
 * out of memory before any budget was checked. Now differentiation stops with
 * the bound's name, which is "not proved" (never a pass), and quickly.
 */
import { describe, expect, it } from 'vitest';
import { decideEqual } from '../../src/core/equal.js';
import { notProvedWords } from '../../src/explain/decision-words.js';
import { eliminateDiff } from '../../src/core/derivative.js';
import { BudgetExceeded, MAX_DERIVATIVE_SIZE } from '../../src/core/budget.js';
import { makeScope } from '../helpers/scope.js';

const nested = (n: number, body: string) => `${'diff('.repeat(n)}${body}${', x)'.repeat(n)}`;

describe('the size of derivatives is bounded', () => {
  const { scope, p } = makeScope({});

  it('diff nested 12 deep: not proved, naming MAX_DERIVATIVE_SIZE, without exhausting memory', () => {
    const d = decideEqual(p(nested(12, 'sin(x)*cos(x)')), p('0'), scope);
    expect(d.proved).toBe(false);
    expect(d.proved ? undefined : d.bound).toBe('MAX_DERIVATIVE_SIZE');
    expect(d.proved ? '' : notProvedWords(d)).toContain('MAX_DERIVATIVE_SIZE');
  });

  it('the product rule on 3000 factors is refused before it builds 3000 copies of them', () => {
    const product = Array.from({ length: 3000 }, (_, k) => `(x+${k})`).join('*');
    let thrown: unknown;
    try {
      eliminateDiff(p(`diff(${product}, x)`), scope.symbols);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BudgetExceeded);
    expect((thrown as BudgetExceeded).bound).toBe('MAX_DERIVATIVE_SIZE');
  });

  it('derivatives of ordinary size are untouched: second and fourth derivatives are proved', () => {
    expect(decideEqual(p(nested(2, 'sin(x)*cos(x)')), p('-4*sin(x)*cos(x)'), scope).proved).toBe(true);
    expect(decideEqual(p(nested(4, 'x^5 + exp(2*x)')), p('120*x + 16*exp(2*x)'), scope).proved).toBe(true);
    expect(MAX_DERIVATIVE_SIZE).toBeGreaterThan(100_000);
  });
});
