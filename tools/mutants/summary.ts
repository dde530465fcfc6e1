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
  /** equivalent by the oracle and accepted, but only numerically where the original was proved: the oracle and the checker's numeric layer agree, the core did not confirm; a hidden survivor would be here */
  readonly equivalentUnconfirmed: number;
  readonly crashes: number;
}

/** the outcomes a kill rate cannot excuse: meaning changed, derivation accepted */
export const survivors = (xs: readonly MutantOutcome[]): MutantOutcome[] =>
  xs.filter((x) => x.meaning.kind === 'changed' && !x.rejected);

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
    equivalentUnconfirmed: xs.filter((x) => x.meaning.kind === 'equivalent' && x.numericOnly).length,
    crashes: xs.filter((x) => x.crash !== undefined).length,
  };
}

/** killed / changed as a percentage; 100 when nothing changed (nothing to kill) */
function killRate(c: MutationCounts): number {
  return c.changed === 0 ? 100 : (100 * c.killed) / c.changed;
}

/** the kill rate as text, rounded down so that one survivor in 5000 never prints as 100% */
export function killRateText(c: MutationCounts): string {
  if (c.killed === c.changed) return '100%';
  return `${(Math.floor(killRate(c) * 100) / 100).toFixed(2)}%`;
}

/** the sum of several files' counts */
export function addCounts(xs: readonly MutationCounts[]): MutationCounts {
  const sum = (k: keyof MutationCounts) => xs.reduce((a, x) => a + x[k], 0);
  return {
    generated: sum('generated'),
    equivalent: sum('equivalent'),
    inconclusive: sum('inconclusive'),
    changed: sum('changed'),
    killed: sum('killed'),
    survivors: sum('survivors'),
    equivalentRejected: sum('equivalentRejected'),
    equivalentUnconfirmed: sum('equivalentUnconfirmed'),
    crashes: sum('crashes'),
  };
}

/** meaning-changing and killed mutants per operator */
export function perOperator(xs: readonly MutantOutcome[]): Map<OperatorId, { changed: number; killed: number }> {
  const out = new Map<OperatorId, { changed: number; killed: number }>(
    OPERATORS.map((op) => [op, { changed: 0, killed: 0 }]),
  );
  for (const x of xs) {
    if (x.meaning.kind !== 'changed') continue;
    const c = out.get(x.mutant.operator)!;
    c.changed++;
    if (x.rejected) c.killed++;
  }
  return out;
}
