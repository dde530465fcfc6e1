/**
 * The cap: deterministic, and stratified so that the few structural mutants
 * are kept however many sub-expression edits there are.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedDerivation } from '../../src/derivation/model.js';
import type { Mutant, OperatorId } from '../../tools/mutants/model.js';
import { capPerFile, MAX_MUTANTS_PER_FILE, MAX_MUTANTS_PER_RUN, sampleMutants } from '../../tools/mutants/sample.js';

const derivation = {} as LoadedDerivation;
const make = (operator: OperatorId, n: number): Mutant[] =>
  Array.from({ length: n }, (_, k) => ({
    location: `steps[${k}]`,
    site: 'step',
    operator,
    detail: `${operator} ${k}`,
    scopes: [],
    derivation,
  }));

describe('sampling mutants under a cap', () => {
  const all = [
    ...make('flip-sign', 500),
    ...make('replace-by-constant', 500),
    ...make('delete-case', 2),
    ...make('swap-when', 1),
  ];

  it('keeps every mutant under the cap', () => {
    expect(sampleMutants(all, 5000)).toHaveLength(all.length);
  });

  it('keeps the rare operators and shares the rest', () => {
    const out = sampleMutants(all, 20);
    const count = (op: OperatorId) => out.filter((m) => m.operator === op).length;
    expect(out).toHaveLength(20);
    expect([count('delete-case'), count('swap-when')]).toEqual([2, 1]);
    expect(Math.abs(count('flip-sign') - count('replace-by-constant'))).toBeLessThanOrEqual(1);
  });

  it('is deterministic', () => {
    expect(sampleMutants(all, 50).map((m) => m.detail)).toEqual(sampleMutants(all, 50).map((m) => m.detail));
  });

  it('shares the run budget between files, at most MAX_MUTANTS_PER_FILE each', () => {
    expect(capPerFile(1)).toBe(MAX_MUTANTS_PER_FILE);
    expect(capPerFile(20)).toBe(Math.floor(MAX_MUTANTS_PER_RUN / 20));
  });
});
