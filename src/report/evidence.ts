/**
 * Numeric evidence in words: what a `numeric` step rests on, said the same
 * way in every report (`200 points agree, 3 skipped, seed 7, 20 random networks`).
 */
import type { StepResult } from '../verdict/result.js';
import { plural } from './tally.js';

/** The sentence describing `evidence`: agreeing points, skipped points, seed, and the instances when given. */
export function evidenceSentence(evidence: NonNullable<StepResult['evidence']>): string {
  const where = evidence.instances !== undefined ? `, ${evidence.instances}` : '';
  return `${plural(evidence.points, 'point')} agree, ${evidence.skipped} skipped, seed ${evidence.seed}${where}`;
}
