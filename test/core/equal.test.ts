import { describe, expect, it } from 'vitest';
import { decideEqual } from '../../src/core/equal.js';
import { hintSentence } from '../../src/explain/decision-words.js';
import { makeScope, SBN, POSITIVE, NONZERO, BINARY } from '../helpers/scope.js';

function proved(a: string, b: string, spec = {}) {
  const { scope, p } = makeScope(spec);
  return decideEqual(p(a), p(b), scope);
}

describe('decideEqual: algebra', () => {
  it('proves polynomial identities and refutes near misses', () => {
    expect(proved('(x+1)^2', 'x^2 + 2*x + 1').proved).toBe(true);
    expect(proved('(x+1)^2', 'x^2 + 2*x + 2').proved).toBe(false);
    expect(proved('0.5*x', 'x/2').proved).toBe(true);
  });
  it('does not cancel x/x to 1 unless x is declared nonzero, and says which declaration would', () => {
    const d = proved('x/x', '1');
    expect(d.proved).toBe(false);
    if (!d.proved) {
      expect(d.valuesAgree).toBe(true);
      expect(hintSentence(d.conditions)).toContain('x: {domain: nonzero}');
    }
    expect(proved('x/x', '1', { vars: { x: NONZERO } }).proved).toBe(true);
    expect(proved('x/x', '1', { vars: { x: POSITIVE } }).proved).toBe(true);
  });
  it('(x^2-1)/(x-1) is not x+1 (undefined at 1), but equal where defined', () => {
    const d = proved('(x^2-1)/(x-1)', 'x+1');
    expect(d.proved).toBe(false);
    if (!d.proved) expect(d.valuesAgree).toBe(true);
    expect(proved('(x^2-1)/(x-1)', '(x+1)*(x-1)/(x-1)').proved).toBe(true);
  });
  it('splits log of a product only under positivity', () => {
    expect(proved('log(x^2)', '2*log(x)').proved).toBe(false);
    expect(proved('log(x^2)', '2*log(x)', { vars: { x: POSITIVE } }).proved).toBe(true);
    expect(proved('log(a*b)', 'log(a) + log(b)').proved).toBe(false);
    expect(proved('log(a*b)', 'log(a) + log(b)', { vars: { a: POSITIVE, b: POSITIVE } }).proved).toBe(true);
    expect(proved('log(exp(x))', 'x').proved).toBe(true);
    expect(proved('exp(log(x))', 'x').proved).toBe(false);
    expect(proved('exp(log(x))', 'x', { vars: { x: POSITIVE } }).proved).toBe(true);
  });
  it('knows sigma: 1 - sigma(x) = sigma(-x) and sigma = 1/(1+exp(-x))', () => {
    expect(proved('1 - sigma(x)', 'sigma(-x)').proved).toBe(true);
    expect(proved('sigma(x)', '1/(1+exp(-x))').proved).toBe(true);
    expect(proved('sigma(x)', '1/(1+exp(x))').proved).toBe(false);
  });
  it('binary variables are idempotent', () => {
    expect(proved('s^2', 's', { vars: { s: BINARY } }).proved).toBe(true);
    expect(proved('s^2', 's').proved).toBe(false);
    expect(proved('s*(1-s)', '0', { vars: { s: BINARY } }).proved).toBe(true);
  });
  it('roots reduce only as far as they are defined', () => {
    expect(proved('sqrt(x)^2', 'x').proved).toBe(false); // sqrt(x) needs x >= 0
    expect(proved('sqrt(x)^2', 'x', { vars: { x: POSITIVE } }).proved).toBe(true);
    expect(proved('sqrt(x^2)', 'x').proved).toBe(false);
    expect(proved('sqrt(4)', '2').proved).toBe(true);
  });
  it('trigonometric atoms', () => {
    expect(proved('sin(x)^2 + cos(x)^2', '1').proved).toBe(true);
    expect(proved('sin(-x)', '-sin(x)').proved).toBe(true);
    expect(proved('cos(pi)', '-1').proved).toBe(true);
    expect(proved('asin(sin(x))', 'x').proved).toBe(false);
    expect(proved('tanh(x)', '(exp(2*x) - 1)/(exp(2*x) + 1)').proved).toBe(true);
  });
});

describe('decideEqual: derivatives', () => {
  it('differentiates with the table and the chain rule', () => {
    expect(proved('diff(x^3, x)', '3*x^2').proved).toBe(true);
    expect(proved('diff(x^3, x)', '3*x').proved).toBe(false);
    expect(proved('diff(sigma(x), x)', 'sigma(x)*(1 - sigma(x))').proved).toBe(true);
    expect(proved('diff(log(1 + exp(x)), x)', 'sigma(x)').proved).toBe(true);
    expect(proved('diff(sin(x)*y, x)', 'cos(x)*y').proved).toBe(true);
    expect(proved('diff(diff(sin(x)*y, x), y)', 'cos(x)').proved).toBe(true);
  });
  it('indexed sums differentiate to Kronecker deltas that collapse the sum', () => {
    const spec = { indices: ['i', 'j', 'k'], arrays: { s: { arity: 1, domain: BINARY }, w: { arity: 2 } } };
    expect(proved('diff(sum(k, w[i,k]*s[k]), w[i,j])', 's[j]', spec).proved).toBe(true);
    expect(proved('diff(sum(k, w[i,k]*s[k]), w[i,j])', 's[i]', spec).proved).toBe(false);
    expect(proved('sum(k, delta(k, j)*w[i,k])', 'w[i,j]', spec).proved).toBe(true);
    expect(proved('sum(k, delta(k, j)*w[i,k])', 'w[j,i]', spec).proved).toBe(false);
    expect(
      proved('sum(m, exp(w[i,m]))', 'sum(k, exp(w[i,k]))', { ...spec, indices: ['i', 'j', 'k', 'm'] }).proved,
    ).toBe(true);
  });
  it('opaque symbols: zero derivative only where declared independent', () => {
    expect(proved('diff(log(pPa*pR*ps), w[i,j])', 'diff(log(ps), w[i,j])', SBN).proved).toBe(true);
    const leaky = { ...SBN, opaque: { ...SBN.opaque, pR: { domain: POSITIVE } } };
    expect(proved('diff(log(pPa*pR*ps), w[i,j])', 'diff(log(ps), w[i,j])', leaky).proved).toBe(false);
  });
  it('proves both cases of the seed derivation', () => {
    const S = 'sum(k, w[i,k]*s[k])';
    const case1 = { ...SBN, define: { ...SBN.define, ps: 'sigma(a(i))' }, assume: { 's[i]': '1' } };
    expect(proved('diff(log(ps), w[i,j])', `diff(log(sigma(${S})), w[i,j])`, case1).proved).toBe(true);
    expect(
      proved(`diff(log(sigma(${S})), w[i,j])`, `s[j]*sigma(${S})*(1 - sigma(${S}))*(1/sigma(${S}))`, case1).proved,
    ).toBe(true);
    expect(proved(`s[j]*sigma(${S})*(1 - sigma(${S}))*(1/sigma(${S}))`, `s[j]*(1 - sigma(${S}))`, case1).proved).toBe(
      true,
    );
    expect(proved(`s[j]*(1 - sigma(${S}))`, 's[j]*(s[i] - p(i))', case1).proved).toBe(true);
    const case0 = { ...SBN, define: { ...SBN.define, ps: '1 - sigma(a(i))' }, assume: { 's[i]': '0' } };
    expect(
      proved(
        `diff(log(1 - sigma(${S})), w[i,j])`,
        `s[j]*(-1)*sigma(${S})*(1 - sigma(${S}))*(1/(1 - sigma(${S})))`,
        case0,
      ).proved,
    ).toBe(true);
    expect(proved(`s[j]*(-sigma(${S}))`, 's[j]*(s[i] - p(i))', case0).proved).toBe(true);
    expect(proved(`s[j]*(-sigma(${S}))`, 's[j]*(s[i] - p(i))', case1).proved).toBe(false);
    expect(proved('diff(log(pN), w[i,j])', 's[j]*(s[i] - p(i))', case1).proved).toBe(true);
  });
});

describe('decideEqual: powers with variable exponents', () => {
  it('a binary exponent selects one of two powers (the Bernoulli form)', () => {
    const spec = {
      vars: {
        s: BINARY,
        p: { kind: 'interval' as const, lo: { n: 0n, d: 1n }, hi: { n: 1n, d: 1n }, loOpen: true, hiOpen: true },
      },
    };
    expect(proved('p^s * (1-p)^(1-s)', 's*p + (1-s)*(1-p)', spec).proved).toBe(true);
    expect(proved('log(p^s * (1-p)^(1-s))', 's*log(p) + (1-s)*log(1-p)', spec).proved).toBe(true);
    expect(proved('p^s * (1-p)^(1-s)', 's*p + (1-s)*p', spec).proved).toBe(false);
    // s(1-s) is always 0, a whole number: x^(s*(1-s)) = 1 for every x
    expect(proved('x^(s*(1-s))', '1', { vars: { s: BINARY } }).proved).toBe(true);
  });
  it('a positive base has a power defined for every exponent; otherwise definedness must match', () => {
    expect(proved('2^x', 'exp(x*log(2))').proved).toBe(true);
    expect(proved('y^x', 'exp(x*log(y))').proved).toBe(false); // y^x is defined at y = -1, x = 2; the right side is not
    expect(proved('y^x', 'exp(x*log(y))', { vars: { y: POSITIVE } }).proved).toBe(true);
  });
});
