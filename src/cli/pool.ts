/**
 * Checking many files across cores with worker_threads, results in the
 * order of the inputs whatever the scheduling.
 *
 * Files are claimed from a shared counter (a SharedArrayBuffer and
 * Atomics.add): this thread and every worker take the next unchecked file
 * when done with one, so no thread waits for another to hand it work and
 * slow files do not idle the others. This thread checks files itself from
 * the start; workers (worker.ts, in the command's bundle) join
 * when they are worth their start-up: a worker loads the checker and warms
 * V8 up again, a few tenths of a second of CPU, so a small run stays in one
 * thread (see `worthWorkers`).
 *
 * Workers run the command's bundle (dist/verify.cjs, through
 * bin/load-cli.cjs); outside it (under vitest this module is TypeScript, or
 * the compiled dist/cli/ run directly) this thread checks every file, as it
 * does with one job. node:worker_threads is loaded only when a worker
 * starts: a small run never pays for it. Each file's result depends only on the file and the options
 * (the seed is per file), never on which thread checked it, so every path
 * gives the same report.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import type { CheckSettings } from '../verdict/settings.js';
import { checkInput, type Checked } from './check-file.js';
import type { Input } from './inputs.js';
import { type PoolReply, WORKER_MARK, type WorkerData } from './worker-protocol.js';

/** why: each worker holds its own copy of the checker (tens of MB); past this many, memory runs out long before more threads help */
const MAX_JOBS = 64;

/**
 * why 250 ms: a worker costs 0.1 to 0.3 s of CPU before it checks at full
 * speed (a thread, the bundle with its code cache, V8 warming up again), so
 * with two cores W seconds of work left end after about (W + 0.2 s) / 2
 * with a worker instead of W. Measured on the idle 2-core machine of the
 * README (2026-12-07, --jobs 2 against --jobs 1, medians of 9): 15 files
 * (0.32 s in one thread) 0.82x, the 21 shipped derivations (0.43 s) 0.79x,
 * 50 files (0.78 s) 0.65x. Below 250 ms (a few files) the gain is a few tens
 * of milliseconds for a second thread's CPU, so such runs stay in one thread.
 * (It was 2 s while the checking was three times slower and a worker took
 * 0.8 to 1.1 s to warm up.)
 */
export const WORKER_WORTH_MS = 250;

/**
 * why 9 ms per KB: 100 copies of the shipped derivations (162.5 KB) take
 * 1.35 to 1.5 s of CPU in one thread after its cold start (2026-12-07); the
 * estimate of a file's cost before any is measured
 */
export const PRIOR_MS_PER_KB = 9;

/**
 * Node's modules loaded when first needed: node:worker_threads costs a cold
 * start a few milliseconds (it loads Node's streams), and a small run never
 * starts a worker. require, not import(): the bundle runs as a vm.Script
 * (bin/load-cli.cjs), where a dynamic import() of a built-in fails.
 */
const requireBuiltin = createRequire(import.meta.url) as (id: 'node:worker_threads') => typeof WorkerThreads;

/** CPU milliseconds of this process so far (robust to the machine's load, unlike the wall clock) */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** the worker script of the bundle (bin/load-cli.cjs loads the same bundle with its code cache, worker.ts serves there); none elsewhere */
function workerUrl(): URL | undefined {
  const here = import.meta.url;
  return here.endsWith('/dist/verify.cjs') ? new URL('../bin/load-cli.cjs', here) : undefined;
}

/** The default number of threads: one per available core, no more than there are files. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), files));
}

/**
 * Whether workers are worth starting for the files left: when checking them
 * in this thread is estimated to take WORKER_WORTH_MS or more. The estimate
 * is bytes left times a rate: the CPU time per byte measured on files
 * already checked in this thread (the first file excluded: it pays the cold
 * start), or PRIOR_MS_PER_KB before any is measured.
 */
export function worthWorkers(bytesLeft: number, measured?: { readonly ms: number; readonly bytes: number }): boolean {
  const msPerByte = measured && measured.bytes > 0 ? measured.ms / measured.bytes : PRIOR_MS_PER_KB / 1024;
  return bytesLeft * msPerByte >= WORKER_WORTH_MS;
}

/** the size of a file (0 when it cannot be read: its check is then quick, an error) */
function sizeOf(input: Input): number {
  if (input.kind !== 'file') return 0;
  try {
    return statSync(input.path).size;
  } catch {
    return 0;
  }
}

/** how a run was scheduled, for DERIVCHECK_DEBUG_POOL */
export interface PoolTrace {
  /** workers started, and after how many files this thread had checked */
  readonly workers: number;
  readonly startedAfter?: number;
  /** files checked by this thread */
  readonly here: number;
}

/**
 * Every input checked with up to `jobs` threads (1: in this thread; at most
 * MAX_JOBS), results in input order; a bug in any check rejects. With
 * `adaptive` (the default --jobs), workers start only when worthWorkers says
 * so, before the first file or after any later one; otherwise all jobs - 1
 * workers start at once.
 */
export async function checkInputs(
  inputs: readonly Input[],
  options: CheckSettings,
  jobs: number,
  adaptive = false,
  trace?: (t: PoolTrace) => void,
): Promise<Checked[]> {
  const files = inputs.flatMap((input, index) => (input.kind === 'file' ? [{ input, index }] : []));
  const url = workerUrl();
  const most = url ? Math.min(jobs, files.length, MAX_JOBS) - 1 : 0;
  const results = new Array<Checked | undefined>(inputs.length);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const sizes = files.map((f) => sizeOf(f.input));
  let bytesLeft = sizes.reduce((a, b) => a + b, 0);
  const workers: Worker[] = [];
  let startedAfter: number | undefined;
  const pending = { count: files.length, settle: undefined as undefined | ((err?: Error) => void) };
  const done = new Promise<void>((resolve, reject) => {
    pending.settle = (err) => (err ? reject(err) : resolve());
  });
  const start = (checkedHere: number) => {
    startedAfter = checkedHere;
    const { Worker } = requireBuiltin('node:worker_threads');
    for (let k = 0; k < most; k++) workers.push(spawn(Worker, url!, options, files, claims, results, pending));
  };
  try {
    if (most > 0 && (!adaptive || worthWorkers(bytesLeft))) start(0);
    // this thread's share: claim, check, yield (so worker replies are stored), perhaps start workers
    let here = 0;
    const rate = { ms: 0, bytes: 0 };
    for (let k = Atomics.add(claims, 0, 1); k < files.length; k = Atomics.add(claims, 0, 1)) {
      const t0 = cpuMs();
      results[files[k]!.index] = await checkInput(files[k]!.input, options);
      bytesLeft -= sizes[k]!;
      here++;
      if (here > 1) {
        rate.ms += cpuMs() - t0;
        rate.bytes += sizes[k]!;
      }
      if (--pending.count === 0) pending.settle!();
      if (workers.length === 0 && most > 0 && here > 1 && worthWorkers(bytesLeft, rate)) start(here);
      await new Promise((r) => setImmediate(r));
    }
    if (files.length === 0) pending.settle!();
    await done;
    trace?.({ workers: workers.length, ...(startedAfter !== undefined ? { startedAfter } : {}), here });
  } finally {
    for (const w of workers) void w.terminate();
  }
  // the inputs that named no file are quick errors, made here
  return Promise.all(inputs.map((input, k) => results[k] ?? checkInput(input, options)));
}

/** a worker claiming files from `claims`; its results land in `results`, and `pending` counts down to completion */
function spawn(
  WorkerClass: typeof Worker,
  url: URL,
  options: CheckSettings,
  files: readonly { readonly input: Input; readonly index: number }[],
  claims: Int32Array,
  results: (Checked | undefined)[],
  pending: { count: number; settle: undefined | ((err?: Error) => void) },
): Worker {
  const data: WorkerData = { mark: WORKER_MARK, options, files: files.map((f) => f.input), claims };
  // execArgv []: the parent's node flags are not the worker's business, and some break it (`node --input-type=module -e ...`)
  const worker = new WorkerClass(url, { workerData: data, execArgv: [] });
  worker.on('message', (reply: PoolReply) => {
    if ('error' in reply) {
      const err = new Error(reply.error);
      if (reply.stack !== undefined) err.stack = reply.stack;
      pending.settle!(err);
      return;
    }
    if ('finished' in reply) return;
    results[files[reply.claim]!.index] = { result: reply.result, seconds: reply.seconds };
    if (--pending.count === 0) pending.settle!();
  });
  worker.on('error', (err) => pending.settle!(err));
  // a worker waits to be terminated after its last claim: exiting while files are unchecked is a crash
  worker.on('exit', (code) => {
    if (pending.count > 0)
      pending.settle!(new Error(`a verify worker stopped (exit code ${code}) before its files were checked`));
  });
  return worker;
}
