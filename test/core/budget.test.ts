/**
 * The core's deadline (--step-timeout): the Meter reads the clock every
 * CLOCK_CHECK_INTERVAL work units and, past the deadline, stops the decision
 * with bound STEP_TIMEOUT, which is "not proved", never a pass. Deadlines in
 * the past make these tests independent of the machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { BudgetExceeded, CLOCK_CHECK_INTERVAL, Meter } from '../../src/core/budget.js';
import { decideEqual } from '../../src/core/equal.js';
import { notProvedWords } from '../../src/explain/decision-words.js';
import { makeScope } from '../helpers/scope.js';

const past = () => performance.now() - 1;

describe('Meter with a deadline', () => {
  it('throws STEP_TIMEOUT at the first clock check past the deadline, not before', () => {
    const m = new Meter(past());
    for (let k = 1; k < CLOCK_CHECK_INTERVAL; k++) m.spend();
    let thrown: unknown;
    try {
      m.spend();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BudgetExceeded);
    expect((thrown as BudgetExceeded).bound).toBe('STEP_TIMEOUT');
  });

  it('never throws for time without a deadline, or before a future one', () => {
    const none = new Meter();
    const future = new Meter(performance.now() + 3_600_000);
    for (let k = 0; k < 10 * CLOCK_CHECK_INTERVAL; k++) {
      none.spend();
      future.spend();
    }
  });
});

describe('decideEqual with a deadline', () => {
  const { scope, p } = makeScope({});
  // about 10^4 monomial products: far past one clock check
  const lhs = p('(x+y+z+1)^12');
  const rhs = p('(x+y+z+1)^6 * (1+x+y+z)^6');

  it('proves the identity without a deadline', () => {
    expect(decideEqual(lhs, rhs, scope).proved).toBe(true);
  });

  it('says not proved, naming STEP_TIMEOUT, once the deadline has passed', () => {
    const d = decideEqual(lhs, rhs, scope, { deadline: past() });
    expect(d.proved).toBe(false);
    expect(d.proved ? undefined : d.bound).toBe('STEP_TIMEOUT');
    expect(d.proved ? '' : notProvedWords(d)).toMatch(/time limit/);
  });
});
