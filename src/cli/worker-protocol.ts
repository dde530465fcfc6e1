/**
 * What the pool (pool.ts) and its workers (worker.ts) say to each other:
 * the worker's start-up data and its replies. Shared by both ends so they
 * cannot drift apart; types and one constant only, so importing it costs
 * the worker nothing.
 */
import type { CheckSettings } from '../verdict/settings.js';
import type { Checked } from './check-file.js';
import type { Input } from './inputs.js';

/** marks a worker started by the pool, so the worker module never serves in someone else's worker (a test runner's) */
export const WORKER_MARK = 'derivcheck-verify-worker';

/** a worker's workerData */
export interface WorkerData {
  readonly mark: typeof WORKER_MARK;
  readonly options: CheckSettings;
  /** the files of the run, in input order; claim k is files[k] */
  readonly files: readonly Input[];
  /** one Int32 on a SharedArrayBuffer: the next claim; every thread takes Atomics.add(claims, 0, 1) */
  readonly claims: Int32Array;
}

/** a checked claim, the end of the worker's claims, or a bug (an exception) in a check */
export type PoolReply =
  | { readonly claim: number; readonly result: Checked['result']; readonly seconds: number }
  | { readonly finished: true }
  | { readonly claim: number; readonly error: string; readonly stack?: string };
