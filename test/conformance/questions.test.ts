/**
 * The conformance runner's pieces: corpus domain constraints as declarations,
 * the two questions (contract and common domain), and the judgements.
 */
import { describe, expect, it } from 'vitest';
import { constraintSymbols } from '../../tools/conformance/constraints.js';
import { checkDerivative, checkIdentity } from '../../tools/conformance/run.js';
import { judgePositive, oneSideUndefined, withinCorpusTolerance } from '../../tools/conformance/judge.js';
import { corporaFolder, projectOf } from '../../tools/conformance/corpus.js';
import { rat } from '../../src/ir/rational.js';

const id = (lhs: string, rhs: string, domain?: string) => ({ source: 't', lhs, rhs, ...(domain ? { domain } : {}) });

describe('domain constraints become independent variables with an interval domain', () => {
  it('reads one-sided, two-sided and several constraints', () => {
    const r = constraintSymbols('a>0, -1<x<1, y>=2.5, z<0');
    if (!r.ok) throw new Error(r.message);
    expect(r.symbols.get('a')).toEqual({
      kind: 'scalar',
      name: 'a',
      domain: { kind: 'interval', lo: rat(0), loOpen: true, hiOpen: true },
      opaque: false,
      independentOf: [],
    });
    expect(r.symbols.get('x')).toMatchObject({
      domain: { lo: rat(-1), hi: rat(1), loOpen: true, hiOpen: true },
      opaque: false,
    });
    expect(r.symbols.get('y')).toMatchObject({ domain: { lo: rat(5, 2), loOpen: false } });
    expect(r.symbols.get('z')).toMatchObject({ domain: { hi: rat(0), hiOpen: true } });
  });
  it('refuses what it cannot read instead of ignoring it', () => {
    expect(constraintSymbols('x != 0').ok).toBe(false);
    expect(constraintSymbols('x>0, x<1').ok).toBe(false);
    expect(constraintSymbols(undefined)).toEqual({ ok: true, symbols: new Map() });
  });
  it('a constraint changes the verdict: log(x^2) = 2 log(x) holds only for x > 0', () => {
    expect(checkIdentity(id('log(x^2)', '2*log(x)')).status).toBe('failed');
    expect(checkIdentity(id('log(x^2)', '2*log(x)', 'x>0')).status).toBe('proved');
  });
});

describe('the two questions', () => {
  it('the contract refutes x/x = 1 at x = 0; on the common domain it holds', () => {
    const contract = checkIdentity(id('x/x', '1'));
    expect(contract.status).toBe('failed');
    expect(oneSideUndefined(contract.counterexample)).toBe(true);
    expect(['proved', 'numeric']).toContain(checkIdentity(id('x/x', '1'), 'common-domain').status);
  });
  it('the common domain does not excuse a wrong value', () => {
    expect(checkIdentity(id('x/x', '2'), 'common-domain').status).toBe('failed');
    expect(
      checkDerivative({ source: 't', expr: 'sin(a*x)/a', var: 'x', expected: 'cos(x)' }, 'common-domain').status,
    ).toBe('failed');
  });
  it('derivatives: d/dx sin(a x)/a = cos(a x) only where a != 0', () => {
    const c = { source: 't', expr: 'sin(a*x)/a', var: 'x', expected: 'cos(a*x)' };
    const contract = checkDerivative(c);
    expect(contract.status).toBe('failed');
    expect(judgePositive(contract, () => checkDerivative(c, 'common-domain')).judgement).toBe('common-domain');
    expect(checkDerivative({ ...c, domain: 'a>0' }).status).toBe('proved');
  });
  it('a parse error is an error, not a verdict', () => {
    expect(checkIdentity(id('x +* 1', 'x')).status).toBe('error');
  });
});

describe('judgements', () => {
  const cx = (lhs: string, rhs: string) => ({ values: {}, lhs, rhs, seed: 1, how: 'random point' });
  it('a difference within 1e-9 is an inexact corpus fact; a larger one is not', () => {
    expect(withinCorpusTolerance(cx('2.5040634542669740552', '2.5040634542669739091'))).toBe(true);
    expect(withinCorpusTolerance(cx('2.50406', '2.50407'))).toBe(false);
    expect(withinCorpusTolerance(cx('undefined (division by zero)', '1'))).toBe(false);
  });
  it('a wrong value is missed even when asked on the common domain', () => {
    const failed = { status: 'failed' as const, message: '', counterexample: cx('1', '2') };
    expect(
      judgePositive(failed, () => {
        throw new Error('must not be asked');
      }).judgement,
    ).toBe('missed');
  });
  it('names the project and finds the corpora beside the repository unless overridden', () => {
    expect(projectOf('sympy sympy/core/tests/test_expand.py')).toBe('sympy');
    expect(corporaFolder({ DERIVCHECK_CORPORA: '/tmp/c' })).toBe('/tmp/c');
    expect(corporaFolder({})).toMatch(/shared\/corpora\/$/);
  });
});
