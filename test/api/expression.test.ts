/** parseExpression, differentiate and contexts: what names mean, where problems are, and that derivatives are core-confirmed. */
import { describe, expect, it } from 'vitest';
import {
  DerivcheckError,
  differentiate,
  equivalent,
  loadContext,
  parseExpression,
  parseExpressionOrThrow,
} from '../../src/index.js';

const seedFile = new URL('../../derivations/sigmoid-belief-net.yaml', import.meta.url).pathname;

describe('parseExpression', () => {
  it('reads an expression to the IR and prints it back', () => {
    const r = parseExpression('s[j] (s[i] - p)', { symbols: { s: { indices: 1, domain: 'binary' } } });
    expect(r.ok && r.text).toBe('s[j] * (s[i] - p)');
    expect(r.ok && r.expr.kind).toBe('mul');
  });
  it('returns plain JSON data: every result survives JSON.stringify, numbers as exact text', () => {
    const d = differentiate('x^2 * sin(x) / 3', 'x');
    const p = parseExpression('0.5 * x^-2');
    for (const r of [d, p]) expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(p.ok && p.expr.kind === 'mul' && p.expr.factors[0]).toEqual({ kind: 'num', value: '1/2' });
    expect(d.ok && d.steps.length).toBeGreaterThan(0);
  });
  it('without a context an indexed name is an undeclared array: an error with its column', () => {
    const r = parseExpression('1 + w[i, j]');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'undeclared-array', location: 'expression', column: 5 });
  });
  it('a context object declares arrays and defines functions, as a file would', () => {
    const ctx = {
      symbols: { w: { indices: 2 }, s: { indices: 1, domain: 'binary' } },
      define: { 'a(u)': 'sum(k, w[u,k] * s[k])' },
    };
    const r = parseExpression('sigma(a(i))', ctx);
    expect(r.ok && r.text).toBe('sigma(a(i))');
  });
  it('a derivation file is a context: its symbols and definitions apply', () => {
    expect(parseExpression('p(i) * w[i,j]', { file: seedFile }).ok).toBe(true);
    expect(parseExpression('p(i) * w[i,j]').ok).toBe(false);
  });
  it('a mistake in the context object is reported with its location and the allowed keys', () => {
    const r = parseExpression('x', { symbols: { x: { domian: 'positive' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.location).toBe('symbols.x');
      expect(r.errors[0]!.message).toContain("did you mean 'domain'");
    }
    const bad = parseExpression('x', { symbol: {} } as never);
    expect(!bad.ok && bad.errors[0]!.message).toContain('the allowed keys are symbols, define');
  });
  it('an unreadable context file is an error naming the file', () => {
    const r = parseExpression('x', { file: '/no/such.yaml' });
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'cannot-read', file: '/no/such.yaml' });
  });
  it('the throwing variant throws a DerivcheckError carrying every problem', () => {
    expect(parseExpressionOrThrow('x + 1').text).toBe('x + 1');
    let thrown: unknown;
    try {
      parseExpressionOrThrow('sgima(x)');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DerivcheckError);
    expect((thrown as DerivcheckError).errors[0]!.code).toBe('unknown-function');
    expect((thrown as DerivcheckError).message).toMatch(
      /^expression:1: unknown function 'sgima' \(did you mean 'sigma'\?\)/,
    );
  });
  it('a loaded context can be reused', () => {
    const c = loadContext({ symbols: { z: { indices: 1 } } });
    expect(c.ok).toBe(true);
    if (c.ok) expect(parseExpression('exp(z[k])', c.context).ok).toBe(true);
  });
});

describe('differentiate', () => {
  it('d/dx log(1 + exp(x)) comes back simplified, with the rules used, and the core confirmed it', () => {
    const r = differentiate('log(1 + exp(x))', 'x');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.confirmation).toBe('the core proves the result equals the derivative');
    expect(r.steps.map((s) => s.rule)).toContain('d.log');
    expect(r.text).not.toContain('diff');
    // the text is the derivative: read back, the core proves it is sigma(x)
    expect(equivalent(r.text, 'sigma(x)').status).toBe('proved');
    expect(equivalent(r.text, 'sigma(-x)').status).toBe('failed');
  });
  it('the seed: d log sigma(a_i) / d w_ij under the seed file is s_j (1 - sigma(a_i))', () => {
    const r = differentiate('log(p(i))', 'w[i,j]', { file: seedFile });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).not.toContain('diff');
    expect(equivalent(r.text, 's[j] * (1 - p(i))', { file: seedFile }).status).toBe('proved');
  });
  it('a result the core cannot confirm is not returned: d/dx x^s with s binary is undefined at x = 0, s = 0', () => {
    const r = differentiate('x^s', 'x', { symbols: { s: { domain: 'binary', opaque: false } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'not-confirmed' });
  });
  it('wrt must be a variable, not an expression or a defined name', () => {
    const r = differentiate('x^2', 'x + 1');
    expect(!r.ok && r.errors[0]!.code).toBe('bad-wrt');
    const d = differentiate('f^2', 'f', { define: { f: 'x^2' } });
    expect(!d.ok && d.errors[0]!.code).toBe('bad-wrt');
  });
  it('problems in the expression and in wrt are both reported', () => {
    const r = differentiate('(x +', 'w[i]');
    expect(!r.ok && r.errors.map((e) => e.location)).toEqual(['expression', 'wrt']);
  });
});
