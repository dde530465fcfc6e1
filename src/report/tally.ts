/**
 * Counting step verdicts across files: the one place the text summary, the
 * JSON summary and the CLI's exit status get their numbers from, so they
 * cannot disagree.
 */
import type { FileResult, StepStatus } from '../verdict/result.js';

interface Tally {
  readonly files: number;
  readonly proved: number;
  readonly numeric: number;
  readonly failed: number;
  readonly errors: number;
  /** files whose `ok` is false */
  readonly notOkFiles: number;
}

/** The number of files, of steps with each status, and of files not ok. */
export function tally(results: readonly FileResult[]): Tally {
  const count: Record<StepStatus, number> = { proved: 0, numeric: 0, failed: 0, error: 0 };
  for (const r of results) for (const s of r.steps) count[s.status] += 1;
  return {
    files: results.length,
    proved: count.proved,
    numeric: count.numeric,
    failed: count.failed,
    errors: count.error,
    notOkFiles: results.filter((r) => !r.ok).length,
  };
}

/** `n word` with an English plural (`1 file`, `3 files`, `0 errors`). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The closing summary line: `3 files: 25 proved, 2 numeric, 1 failed, 0 errors`. */
export function summaryLine(t: Tally): string {
  return `${plural(t.files, 'file')}: ${t.proved} proved, ${t.numeric} numeric, ${t.failed} failed, ${plural(t.errors, 'error')}`;
}

/** A file is accepted when it is `ok` and every step is proved or numeric (proved only when `strict`). */
export function fileAccepted(r: FileResult, strict: boolean): boolean {
  // `ok` comes from the checker; the step statuses are re-checked here so a
  // result that says ok but carries a failed step can never pass (fail closed).
  return r.ok && r.steps.every((s) => s.status === 'proved' || (s.status === 'numeric' && !strict));
}
