/**
 * The cap on mutants per file, applied by deterministic stratified sampling:
 * each operator's mutants are shuffled with a fixed seed and the operators
 * take turns, so a cap keeps every operator represented (the few structural
 * mutants are never crowded out by the many sub-expression edits) and the
 * same files always give the same mutants.
 */
import { Prng } from '../numeric/prng.js';
import { OPERATORS, type Mutant } from './model.js';

/** why: about 400 mutants of the largest derivation check in well under a minute; the whole run stays under ~3 minutes on 2 cores */
export const MAX_MUTANTS_PER_FILE = 400;

/** the seed of the sampling shuffle; fixed so that a run is reproducible */
export const SAMPLING_SEED = 20240601;

/** at most `cap` of the mutants, the operators taking turns, each operator's order shuffled by SAMPLING_SEED */
export function sampleMutants(mutants: readonly Mutant[], cap: number = MAX_MUTANTS_PER_FILE): Mutant[] {
  if (mutants.length <= cap) return [...mutants];
  const rng = new Prng(SAMPLING_SEED);
  const queues = OPERATORS.map((op) => rng.shuffle(mutants.filter((m) => m.operator === op)));
  const out: Mutant[] = [];
  for (let round = 0; out.length < cap; round++) {
    for (const q of queues) if (round < q.length && out.length < cap) out.push(q[round]!);
  }
  return out;
}
