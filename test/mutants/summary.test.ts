/**
 * The counts a kill rate comes from: a survivor is a meaning-changing mutant
 * the checker accepted, and the rate never rounds a survivor away.
 */
import { describe, expect, it } from 'vitest';
import { num } from '../../src/ir/expr.js';
import type { LoadedDerivation } from '../../src/derivation/model.js';
import type { Meaning, MutantOutcome } from '../../tools/mutants/model.js';
import { addCounts, countOutcomes, killRateText, survivors } from '../../tools/mutants/summary.js';

const derivation = {} as LoadedDerivation;
const outcome = (meaning: Meaning, rejected: boolean): MutantOutcome => ({
  mutant: {
    location: 'steps[1]',
    site: 'step',
    operator: 'flip-sign',
    detail: 'x -> -x',
    original: num(1),
    mutated: num(-1),
    scopes: [],
    derivation,
  },
  meaning,
  rejected,
  verdicts: [],
  numericOnly: false,
});
const changed: Meaning = { kind: 'changed', why: 'differs' };

describe('mutation counts', () => {
  it('a meaning-changing mutant the checker accepted is a survivor; equivalent and inconclusive ones are not counted', () => {
    const xs = [
      outcome(changed, true),
      outcome(changed, false),
      outcome({ kind: 'equivalent' }, false),
      outcome({ kind: 'inconclusive', why: '?' }, false),
    ];
    expect(survivors(xs)).toEqual([xs[1]]);
    expect(countOutcomes(xs)).toMatchObject({
      generated: 4,
      changed: 2,
      killed: 1,
      survivors: 1,
      equivalent: 1,
      inconclusive: 1,
    });
  });

  it('the kill rate is 100% only with no survivor, however many kills', () => {
    const many = countOutcomes([...Array<MutantOutcome>(5333).fill(outcome(changed, true)), outcome(changed, false)]);
    expect(killRateText(many)).toBe('99.98%');
    expect(killRateText(countOutcomes([outcome(changed, true)]))).toBe('100%');
  });

  it('adds the counts of several files', () => {
    const a = countOutcomes([outcome(changed, false)]);
    expect(addCounts([a, a])).toMatchObject({ changed: 2, survivors: 2, killed: 0 });
  });
});
