/**
 * What a verdict means for a corpus case. The corpora say "equal wherever both
 * sides are real" and check to 1e-9; the derivation contract says a point
 * where only one side is defined refutes, and compares at 50 digits. A case
 * the contract refutes is therefore sorted by why, so that the report
 * separates the corpora's weaker claims from real misses.
 */
import type { Counterexample } from '../../src/verdict/result.js';
import type { Outcome } from './run.js';

/** why: the corpora's own tolerance (their README: the sides "must match to 1e-9 relative error") */
export const CORPUS_TOLERANCE = 1e-9;

/**
 * `accepted`: proved or numeric under the contract.
 * `common-domain`: refuted only because one side is undefined at the counterexample, and accepted on the common domain.
 * `inexact`: refuted by a difference within CORPUS_TOLERANCE: the corpus fact is a float64 approximation, false exactly.
 * `refuted`: a non-identity refuted (failed).
 * `missed`: none of the above: a true identity rejected, or a non-identity not refuted.
 */
export type Judgement = 'accepted' | 'common-domain' | 'inexact' | 'refuted' | 'missed';

/** true when exactly one side is undefined at the counterexample (the contract's definedness rule refuted it) */
export function oneSideUndefined(c: Counterexample | undefined): boolean {
  // why the text test: counterexample values are report text, `undefined (reason)` for an undefined side
  return c !== undefined && c.lhs.startsWith('undefined') !== c.rhs.startsWith('undefined');
}

/** true when both sides are defined at the counterexample and differ by at most CORPUS_TOLERANCE relative */
export function withinCorpusTolerance(c: Counterexample | undefined): boolean {
  if (!c || c.lhs.startsWith('undefined') || c.rhs.startsWith('undefined')) return false;
  const a = Number(c.lhs);
  const b = Number(c.rhs);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= CORPUS_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** the judgement of a derivative or identity, given its contract verdict and (asked only when needed) its common-domain verdict */
export function judgePositive(
  contract: Outcome,
  commonDomain: () => Outcome,
): { judgement: Judgement; common?: Outcome } {
  if (contract.status === 'proved' || contract.status === 'numeric') return { judgement: 'accepted' };
  if (contract.status === 'failed' && withinCorpusTolerance(contract.counterexample)) return { judgement: 'inexact' };
  if (contract.status === 'failed' && oneSideUndefined(contract.counterexample)) {
    const common = commonDomain();
    const ok = common.status === 'proved' || common.status === 'numeric';
    return { judgement: ok ? 'common-domain' : 'missed', common };
  }
  return { judgement: 'missed' };
}
