/**
 * The cap on mutants per file, applied by deterministic stratified sampling:
 * each operator's mutants are shuffled with a fixed seed and the operators
 * take turns, so a cap keeps every operator represented (the few structural
 * mutants are never crowded out by the many sub-expression edits) and the
 * same files always give the same mutants.
 */
import { Prng } from '../../src/numeric/prng.js';
import { OPERATORS, type Mutant } from './model.js';

/** why: 400 mutants reach every position of a short derivation, and a long one's 400 check in about a minute of one core */
export const MAX_MUTANTS_PER_FILE = 400;

/**
 * why: a mutant costs about 0.1 s of one core on average (the checker and the
 * oracle each evaluate the broken step numerically), so 2000 keep a whole run
 * under about 3 minutes on 2 cores however many derivations are shipped; with
 * many files each gets an equal share below MAX_MUTANTS_PER_FILE.
 */
export const MAX_MUTANTS_PER_RUN = 2000;

/** the per-file cap of a run over `files` files: an equal share of MAX_MUTANTS_PER_RUN, at most MAX_MUTANTS_PER_FILE */
export function capPerFile(files: number): number {
  return Math.max(1, Math.min(MAX_MUTANTS_PER_FILE, Math.floor(MAX_MUTANTS_PER_RUN / Math.max(1, files))));
}

/** the seed of the sampling shuffle; fixed so that a run is reproducible */
const SAMPLING_SEED = 20240601;

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
