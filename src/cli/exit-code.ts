/**
 * The exit status of a run, as the contract states it: 2 when any step is an
 * error (unreadable, unparsable or uncheckable input), else 1 when any file is
 * not accepted (a failed step; a numeric one under --strict), else 0.
 */
import type { FileResult } from '../verdict/result.js';
import { fileAccepted } from '../report/tally.js';

/** 2 if any step has status error, else 1 if any file is not accepted under `strict`, else 0. */
export function exitCode(results: readonly FileResult[], strict: boolean): 0 | 1 | 2 {
  if (results.some((r) => r.steps.some((s) => s.status === 'error'))) return 2;
  if (results.some((r) => !fileAccepted(r, strict))) return 1;
  return 0;
}
