/**
 * The mutation-testing engine for one derivation: generate the mutants, cap
 * them, and for each ask the oracle whether it changes the meaning and the
 * checker (in-process, seed 1, numeric evidence accepted as the CLI does by
 * default) whether it accepts the mutated derivation.
 */
import { checkDerivation } from '../../src/derivation/check.js';
import type { LoadedDerivation } from '../../src/derivation/model.js';
import type { StepStatus } from '../../src/verdict/result.js';
import type { FileMutationReport, Mutant, MutantOutcome } from './model.js';
import { generateMutants } from './generate.js';
import { judgeMeaning } from './meaning.js';
import { MAX_MUTANTS_PER_FILE, sampleMutants } from './sample.js';

/** the checker's seed, the CLI's default, so a survivor reproduces with `verify` */
const CHECKER_SEED = 1;

interface MutationOptions {
  /** at most this many mutants (default MAX_MUTANTS_PER_FILE) */
  readonly cap?: number;
}

/** each location's status when `d` is checked as written */
function baselineStatuses(d: LoadedDerivation): ReadonlyMap<string, StepStatus> {
  return new Map(
    checkDerivation(d, { seed: CHECKER_SEED, strict: false, hints: false }).steps.map((s) => [s.location, s.status]),
  );
}

/** one mutant of `original` judged by the oracle and checked by the checker; `baseline` is the original's statuses */
function runMutant(m: Mutant, original: LoadedDerivation, baseline: ReadonlyMap<string, StepStatus>): MutantOutcome {
  const meaning = judgeMeaning(m, original);
  try {
    const r = checkDerivation(m.derivation, { seed: CHECKER_SEED, strict: false, hints: false });
    const verdicts = r.steps.map((s) => ({ location: s.location, status: s.status, message: s.message }));
    const numericOnly = r.ok && verdicts.some((v) => v.status === 'numeric' && baseline.get(v.location) === 'proved');
    return { mutant: m, meaning, rejected: !r.ok, verdicts, numericOnly };
  } catch (err) {
    // a throw is not an acceptance (verify would exit with an internal error), but it is a bug of its own
    return {
      mutant: m,
      meaning,
      rejected: true,
      verdicts: [],
      numericOnly: false,
      crash: err instanceof Error ? (err.stack ?? err.message) : String(err),
    };
  }
}

/** every (capped) mutant of d, judged and checked */
export function mutateDerivation(d: LoadedDerivation, options: MutationOptions = {}): FileMutationReport {
  const start = performance.now();
  const all = generateMutants(d);
  const chosen = sampleMutants(all, options.cap ?? MAX_MUTANTS_PER_FILE);
  const baseline = baselineStatuses(d);
  const outcomes = chosen.map((m) => runMutant(m, d, baseline));
  return { file: d.file, candidates: all.length, outcomes, millis: performance.now() - start };
}
