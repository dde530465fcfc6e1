/**
 * What the core knows when it cannot prove a step, as data (issue 9: "where
 * the core can refute, it does"): the difference of the sides when it is a
 * nonzero constant or of one strict sign, and each definedness condition that
 * only one side needs, with its kind and IR expression, for a witness search.
 */
import { describe, expect, it } from 'vitest';
import { decideEqual, type Decision } from '../../src/core/equal.js';
import { toAscii } from '../../src/ir/print.js';
import { conditionHint, conditionText, notProvedWords } from '../../src/explain/decision-words.js';
import { rat, requal } from '../../src/ir/rational.js';
import { makeScope, POSITIVE, type ScopeSpec } from '../helpers/scope.js';

function decide(a: string, b: string, spec: ScopeSpec = {}): Decision {
  const { scope, p } = makeScope(spec);
  return decideEqual(p(a), p(b), scope);
}
const differenceOf = (d: Decision) => (d.proved ? undefined : d.difference);

describe('the difference of the sides, when it is certain', () => {
  it.each([
    ['1 + 1e-31', '1', rat(1n, 10n ** 31n)],
    ['1', '1 + 1e-31', rat(-1n, 10n ** 31n)],
    ['sin(9007199254740993*pi/2)', '0', rat(1)],
    ['x + 1', 'x', rat(1)],
    ['sqrt(x)^2 + 1', 'x', rat(1)],
    ['1/x', '1/x + 2', rat(-2)],
    ['exp(4294967296*x)*exp(-4294967296*x)', '2', rat(-1)],
  ])('%s - (%s) is the constant', (a, b, value) => {
    const d = differenceOf(decide(a, b));
    expect(d?.kind).toBe('constant');
    if (d?.kind === 'constant') expect(requal(d.value, value), `${d.value.n}/${d.value.d}`).toBe(true);
  });

  it.each([
    ['x^2 + 1', '0', 1],
    ['exp(x)', '-1', 1],
    ['-1', 'exp(x)', -1],
    ['sigma(x)', '1', -1],
    ['exp(x) + exp(-x)', '0', 1],
  ])('%s - (%s) has one strict sign on the whole domain', (a, b, sign) => {
    expect(differenceOf(decide(a, b))).toEqual({ kind: 'sign', sign });
  });

  it('uses the declared domains: y - (-y) = 2y is positive only for y declared positive', () => {
    expect(differenceOf(decide('y', '-y', { vars: { y: POSITIVE } }))).toEqual({ kind: 'sign', sign: 1 });
    expect(differenceOf(decide('y', '-y'))).toBeUndefined();
  });

  it('claims nothing when the difference changes sign or is not known', () => {
    for (const [a, b] of [
      ['x^2', 'x'],
      ['exp(4294967296*x)', '1'],
      ['sin(x)', '0'],
      ['x^2 + 1', '1/2 + x'],
      ['log(x)', '0'],
    ] as const)
      expect(differenceOf(decide(a, b)), `${a} vs ${b}`).toBeUndefined();
  });

  it('is absent on proved steps and on steps whose values agree', () => {
    expect(decide('(x+1)^2', 'x^2 + 2*x + 1').proved).toBe(true);
    const d = decide('x/x', '1');
    expect(d.proved ? 'proved' : d.valuesAgree).toBe(true);
    expect(differenceOf(d)).toBeUndefined();
  });
});

describe('definedness conditions as data', () => {
  const conditionsOf = (d: Decision) =>
    d.proved ? [] : d.conditions.map((c) => ({ side: c.side, kind: c.kind, expr: toAscii(c.expr), forAll: c.forAll }));

  it('a denominator only one side has: the factor that differs, not the whole expression', () => {
    expect(conditionsOf(decide('(x^2-1)/(x-1)', 'x+1'))).toEqual([
      { side: 'lhs', kind: 'nonzero', expr: 'x - 1', forAll: [] },
    ]);
    expect(conditionsOf(decide('x*(x-2)/(x*(x-2))', '1', { vars: { x: { kind: 'nonzero' } } }))).toEqual([
      { side: 'lhs', kind: 'nonzero', expr: 'x - 2', forAll: [] },
    ]);
  });

  it('a trig pole, a log argument, a square root and a scalar, each with its kind', () => {
    expect(conditionsOf(decide('tan(x)*cos(x)', 'sin(x)'))).toEqual([
      { side: 'lhs', kind: 'nonzero', expr: 'cos(x)', forAll: [] },
    ]);
    expect(conditionsOf(decide('x', 'exp(log(x))'))).toEqual([
      { side: 'rhs', kind: 'positive', expr: 'x', forAll: [] },
    ]);
    expect(conditionsOf(decide('sqrt(x)^2', 'x'))).toEqual([
      { side: 'lhs', kind: 'nonnegative', expr: 'x', forAll: [] },
    ]);
    expect(conditionsOf(decide('x/x', '1'))).toEqual([{ side: 'lhs', kind: 'nonzero', expr: 'x', forAll: [] }]);
  });

  it('a condition under a sum names its bound index', () => {
    const spec = { indices: ['i', 'j', 'k'], arrays: { w: { arity: 2 } } };
    const got = conditionsOf(decide('sum(k, delta(k, j)/w[i,k])', '1/w[i,j]', spec));
    expect(got).toContainEqual({ side: 'lhs', kind: 'nonzero', expr: 'w[i, %c1]', forAll: ['%c1'] });
  });

  it('keeps the condition as data (origin, kind, the whole condition); its words are decision-words.ts', () => {
    const d = decide('x/x', '1');
    expect(d.proved).toBe(false);
    if (!d.proved) {
      const c = d.conditions[0]!;
      expect(c).toMatchObject({ origin: 'denominator', kind: 'nonzero', side: 'lhs' });
      expect(toAscii(c.condition)).toBe('x');
      expect(d.because).toEqual({ kind: 'conditions-differ' });
      expect(conditionText(c)).toBe('x != 0');
      expect(conditionHint(c)).toContain('x: {domain: nonzero}');
      expect(notProvedWords(d)).toBe(
        'equal where both are defined, but the previous step needs x != 0 (denominator) and the other does not',
      );
    }
  });
});
