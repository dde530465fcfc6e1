/**
 * The core decides in data; src/explain/decision-words.ts words it. These
 * pin the sentences users read (they were built inside the core before
 * 2026-12-07 and must read the same): each kind of "not proved", each
 * budget the core throws, each cause of a nowhere-defined side, each
 * condition origin.
 */
import { describe, expect, it } from 'vitest';
import { type Decision, decideEqual } from '../../src/core/equal.js';
import { BudgetExceeded, MAX_COEFFICIENT_BITS, Meter } from '../../src/core/budget.js';
import { type ConditionOrigin, conditionsOf } from '../../src/core/definedness.js';
import { certainDefinedness } from '../../src/core/defined-at.js';
import {
  budgetWords,
  conditionHint,
  conditionText,
  hintSentence,
  notProvedWords,
  originWords,
  undefinednessWords,
} from '../../src/explain/decision-words.js';
import { makeScope, type ScopeSpec } from '../helpers/scope.js';

function decide(a: string, b: string, spec: ScopeSpec = {}): Extract<Decision, { proved: false }> {
  const { scope, p } = makeScope(spec);
  const d = decideEqual(p(a), p(b), scope);
  if (d.proved) throw new Error(`${a} = ${b} was proved`);
  return d;
}

describe('why a step is not proved, in words', () => {
  it('the normal forms differ', () => {
    expect(notProvedWords(decide('x + 1', 'x'))).toBe('the normal forms differ');
  });
  it('a power left unexpanded names MAX_EXPAND_EXPONENT and its value', () => {
    const d = decide('(x + 1)^65', 'x^65');
    expect(d.because).toEqual({ kind: 'values-differ', limited: 'MAX_EXPAND_EXPONENT' });
    expect(notProvedWords(d)).toBe(
      'the normal forms differ (a power with an exponent beyond MAX_EXPAND_EXPONENT = 64 was left unexpanded)',
    );
  });
  it('another bound that left something unreduced is named', () => {
    const d = decide('sin(21*x)', '21*sin(x) - 4*sin(x)^3');
    expect(notProvedWords(d)).toBe('the normal forms differ (MAX_TRIG_MULTIPLE left something unreduced)');
  });
  it('a condition only one side needs: the side, the condition and its origin', () => {
    expect(notProvedWords(decide('1', 'log(x)/log(x)'))).toBe(
      'equal where both are defined, but this step needs x > 0 (log argument) and the other does not',
    );
    expect(notProvedWords(decide('sqrt(x)^2', 'x'))).toBe(
      'equal where both are defined, but the previous step needs x >= 0 (sqrt argument) and the other does not',
    );
  });
  it('a side undefined everywhere names the cause', () => {
    const d = decide('1/(x - x)', '1');
    expect(d.because).toEqual({ kind: 'undefined-everywhere', cause: 'zero-to-negative-power' });
    expect(notProvedWords(d)).toBe('not proved: a side is undefined everywhere (0 to a negative power)');
  });
  it('a budget that ran out: what happened and the bound', () => {
    const d = decide('(x + 1)^64 * (y + 1)^64', '1');
    expect(d.because).toEqual({ kind: 'budget', bound: 'MAX_TERMS' });
    expect(d.bound).toBe('MAX_TERMS');
    expect(notProvedWords(d)).toBe('not proved: a polynomial grew past 4000 terms (bound MAX_TERMS)');
  });
  it('a function with no definedness record', () => {
    const d = {
      proved: false,
      because: { kind: 'unknown-function', fn: 'frob' },
      valuesAgree: false,
      conditions: [],
    } as const;
    expect(notProvedWords(d)).toBe('not proved: no definedness record for function frob');
  });
});

describe('budgets in words', () => {
  it('each budget the core throws has its own sentence, with the numbers', () => {
    expect(budgetWords('MAX_DEPTH')).toBe('expression nests deeper than 400 levels (bound MAX_DEPTH)');
    expect(budgetWords('MAX_TERMS')).toBe('a polynomial grew past 4000 terms (bound MAX_TERMS)');
    expect(budgetWords('MAX_WORK')).toBe('normal form needed more than 2000000 work units (bound MAX_WORK)');
    expect(budgetWords('MAX_DERIVATIVE_SIZE')).toBe(
      'the derivative grows past 300000 characters (bound MAX_DERIVATIVE_SIZE)',
    );
    expect(budgetWords('STEP_TIMEOUT', 1234)).toBe(
      "the step's time limit ran out after 1234 work units (bound STEP_TIMEOUT)",
    );
    expect(budgetWords('MAX_COEFFICIENT_BITS', 123456n)).toBe(
      `a power's coefficients would need about 123456 bits, more than ${MAX_COEFFICIENT_BITS} (bound MAX_COEFFICIENT_BITS)`,
    );
  });
  it('the meter throws its bound and how far it went, as data', () => {
    const m = new Meter(performance.now() - 1);
    let thrown: unknown;
    try {
      for (let i = 0; i < 10_000; i++) m.spend();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BudgetExceeded);
    expect((thrown as BudgetExceeded).bound).toBe('STEP_TIMEOUT');
    expect((thrown as BudgetExceeded).amount).toBe(1000);
  });
});

describe('conditions in words', () => {
  it('the condition text, for every bound index, and the declaration that would discharge it', () => {
    const d = decide('x/x', '1');
    expect(conditionText(d.conditions[0]!)).toBe('x != 0');
    expect(conditionHint(d.conditions[0]!)).toBe('declare `x: {domain: nonzero}` under symbols to exclude such points');
    expect(hintSentence(d.conditions)).toBe(' Declare `x: {domain: nonzero}` under symbols to exclude such points.');
    const spec = { indices: ['i', 'j', 'k'], arrays: { w: { arity: 2 } } };
    const under = decide('sum(k, delta(k, j)/w[i,k])', '1/w[i,j]', spec);
    expect(conditionText(under.conditions[0]!)).toBe('w[i, %c1] != 0 for every %c1');
  });
  it('no hint for a condition on a compound expression', () => {
    const d = decide('sqrt(x - 1)^2', 'x - 1');
    expect(conditionText(d.conditions[0]!)).toBe('x - 1 >= 0');
    expect(conditionHint(d.conditions[0]!)).toBeUndefined();
    expect(hintSentence(d.conditions)).toBe('');
  });
  it('every origin the core gives a condition has its own words', () => {
    const { p } = makeScope({});
    const origins = new Set<ConditionOrigin>();
    for (const e of ['1/x', 'x^(1/2)', 'x^(-1/2)', '2^x', 'x^y', 'log(x)', 'sqrt(x)', 'tan(x)', 'asin(x)', 'acos(x)'])
      for (const c of conditionsOf(p(e))) origins.add(c.origin);
    expect(origins.size).toBe(8);
    const words = [...origins].map(originWords);
    expect(new Set(words).size).toBe(8);
    expect(originWords('tan-argument')).toBe('tan pole (cos = 0)');
    expect(originWords('asin-argument')).toBe('asin argument in [-1, 1]');
  });
});

describe('certain undefinedness in words', () => {
  it('a condition broken by an exact constant: its origin, the expression and the value', () => {
    const { scope, p } = makeScope({ assume: { x: '1' } });
    const d = certainDefinedness(p('1/(x - 1)'), scope);
    expect(d.kind).toBe('undefined');
    // the assumption is applied to the condition's expression before it is decided
    if (d.kind === 'undefined') expect(undefinednessWords(d.because)).toBe('denominator: 1 - 1 is exactly 0');
  });
  it('a part defined nowhere: the cause', () => {
    expect(undefinednessWords({ kind: 'nowhere', cause: 'division-by-zero' })).toBe('division by zero');
    expect(undefinednessWords({ kind: 'nowhere', cause: 'zero-denominator' })).toBe(
      'division by an expression that is identically 0',
    );
    expect(undefinednessWords({ kind: 'nowhere', cause: 'exp-of-undefined' })).toBe('exp of an undefined power');
  });
});
