/**
 * How a check runs: one record, built once by its caller (the command line
 * from its flags, the library from its options) and handed unchanged from
 * layer to layer: the pool and its workers, the file and text readers, the
 * step checker, the comparison policy and the numeric layer all take it
 * (the numeric layer adds what the comparison learned; numeric/compare.ts).
 */

/** the seed used when none is given: fixed, so two runs on the same files agree */
export const DEFAULT_SEED = 1;

/**
 * why: the most random points per instance a caller may ask for (--samples).
 * Each point is a full 50-digit evaluation of both sides (about a millisecond
 * for a small step, and indexed steps have dozens of instances), so a request
 * for a million is a mistake, refused at once and by name rather than left to
 * MAX_WORK_PER_COMPARE (numeric/bounds.ts) or --step-timeout; 100000 still lets a user (or a test
 * of --step-timeout) ask for a slow, thorough check.
 */
export const MAX_SAMPLES = 100_000;

/** The settings of a check; every optional field has the `verify` command's default when absent. */
export interface CheckSettings {
  /** seed of every random choice in numeric checks; the same seed reproduces a run */
  readonly seed: number;
  /** only `proved` counts as ok (`numeric` evidence does not) */
  readonly strict: boolean;
  /** random points per numeric check (default chosen by the numeric layer) */
  readonly samples?: number;
  /** the time limit of each step in ms (--step-timeout); a step not checked in time is an error with code `timeout` */
  readonly stepTimeoutMs?: number;
  /** add explanations: normal forms of proved steps, where failed steps first differ */
  readonly explain?: boolean;
  /**
   * false: failed steps get no hints (the `independent_of` declaration that
   * would change the verdict, the diagnosis of a mistake after a `diff`), for
   * callers that read only statuses (mutation testing)
   */
  readonly hints?: boolean;
}

/** Settings with the `verify` command's defaults where `given` says nothing. */
export function checkSettings(given: Partial<CheckSettings> = {}): CheckSettings {
  return {
    seed: given.seed ?? DEFAULT_SEED,
    strict: given.strict ?? false,
    samples: given.samples,
    stepTimeoutMs: given.stepTimeoutMs,
    explain: given.explain,
    hints: given.hints,
  };
}
