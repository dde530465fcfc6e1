/** equivalent: the step checker's policy on two expressions; proved only from the core. */
import { describe, expect, it } from 'vitest';
import { equivalent, verifyDerivation } from '../../src/index.js';

const positive = { symbols: { x: { domain: 'positive', opaque: false } } };

describe('equivalent', () => {
  it('proved when the core proves it, with the rules it used', () => {
    const r = equivalent('exp(x) / (1 + exp(x))', 'sigma(x)');
    expect(r.status).toBe('proved');
    expect(r.rules).toContain('nf.sigma');
    expect(r.counterexample).toBeUndefined();
  });
  it('domains matter: x/x = 1 fails at x = 0 unless x is declared nonzero', () => {
    const r = equivalent('x/x', '1');
    expect(r.status).toBe('failed');
    expect(r.counterexample?.values).toEqual({ x: '0' });
    expect(r.message).toContain('nonzero');
    expect(equivalent('x/x', '1', { symbols: { x: { domain: 'nonzero', opaque: false } } }).status).toBe('proved');
  });
  it('log(x^2) = 2 log(x) only for positive x', () => {
    expect(equivalent('log(x^2)', '2*log(x)').status).toBe('failed');
    expect(equivalent('log(x^2)', '2*log(x)', positive).status).toBe('proved');
  });
  it('numeric when only sampling agrees; the evidence carries the seed given', () => {
    const r = equivalent('atan(x) + atan(1/x)', 'pi/2', positive, { seed: 3 });
    expect(r.status).toBe('numeric');
    expect(r.evidence?.seed).toBe(3);
    expect(r.message).toMatch(/^not proved symbolically/);
  });
  it('a time limit that runs out is an error with code timeout, never a pass', () => {
    expect(equivalent('atan(x) + atan(1/x)', 'pi/2', positive, { stepTimeoutMs: 0 })).toMatchObject({
      status: 'error',
      code: 'timeout',
    });
  });
  it('a wrong identity fails with a counterexample whose sides differ', () => {
    const r = equivalent('sigma(x) * (1 - sigma(x))', 'sigma(x)^2');
    expect(r.status).toBe('failed');
    expect(r.counterexample!.lhs).not.toBe(r.counterexample!.rhs);
  });
  it('indexed expressions, with a context: the delta collapses the sum', () => {
    const ctx = { symbols: { z: { indices: 1 } } };
    expect(equivalent('sum(k, exp(z[k]) * delta(k, j))', 'exp(z[j])', ctx).status).toBe('proved');
    expect(equivalent('sum(k, exp(z[k]) * delta(k, j))', 'exp(z[k])', ctx).status).toBe('failed');
  });
  it("input problems are status error with the parser's code and which side", () => {
    const r = equivalent('x +', 'x');
    expect(r).toMatchObject({ status: 'error', code: 'syntax' });
    expect(r.message).toMatch(/^a:/);
    expect(equivalent('x', '1', { symbols: { x: 'nope' } })).toMatchObject({ status: 'error' });
  });
  it('the same verdict and message as the equivalent derivation step (one policy, not two)', () => {
    for (const [a, b] of [
      ['x/x', '1'],
      ['log(x^2)', '2*log(x)'],
      ['exp(-x)', '1/exp(x)'],
    ] as const) {
      const step = verifyDerivation(`title: t\nsteps:\n  - expr: ${a}\n  - expr: ${b}\n`).steps[1]!;
      const r = equivalent(a, b);
      expect(r.status).toBe(step.status);
      expect(r.message).toBe(step.message.replace('the previous step', 'the first expression'));
    }
  });
});
