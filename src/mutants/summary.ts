/**
 * Counts over mutant outcomes: what the kill rate is computed from.
 * The kill rate counts only meaning-changing mutants; equivalent ones (the
 * edit did not change a value) and inconclusive ones are reported apart.
 */
import { OPERATORS, type MutantOutcome, type OperatorId } from './model.js';

export interface MutationCounts {
  readonly generated: number;
  readonly equivalent: number;
  readonly inconclusive: number;
  readonly changed: number;
  readonly killed: number;
  readonly survivors: number;
  /** equivalent by the oracle, yet rejected by the checker: a completeness question, not a soundness one */
  readonly equivalentRejected: number;
  readonly crashes: number;
}

/** the outcomes a kill rate cannot excuse: meaning changed, derivation accepted */
export const survivors = (xs: readonly MutantOutcome[]): MutantOutcome[] => xs.filter((x) => x.meaning.kind === 'changed' && !x.rejected);

/** counts over outcomes */
export function countOutcomes(xs: readonly MutantOutcome[]): MutationCounts {
  const changed = xs.filter((x) => x.meaning.kind === 'changed');
  return {
    generated: xs.length,
    equivalent: xs.filter((x) => x.meaning.kind === 'equivalent').length,
    inconclusive: xs.filter((x) => x.meaning.kind === 'inconclusive').length,
    changed: changed.length,
    killed: changed.filter((x) => x.rejected).length,
    survivors: survivors(xs).length,
    equivalentRejected: xs.filter((x) => x.meaning.kind === 'equivalent' && x.rejected).length,
    crashes: xs.filter((x) => x.crash !== undefined).length,
  };
}

/** killed / changed as a percentage; 100 when nothing changed (nothing to kill) */
export function killRate(c: MutationCounts): number {
  return c.changed === 0 ? 100 : (100 * c.killed) / c.changed;
}

/** meaning-changing and killed mutants per operator */
export function perOperator(xs: readonly MutantOutcome[]): Map<OperatorId, { changed: number; killed: number }> {
  const out = new Map<OperatorId, { changed: number; killed: number }>(OPERATORS.map((op) => [op, { changed: 0, killed: 0 }]));
  for (const x of xs) {
    if (x.meaning.kind !== 'changed') continue;
    const c = out.get(x.mutant.operator)!;
    c.changed++;
    if (x.rejected) c.killed++;
  }
  return out;
}
