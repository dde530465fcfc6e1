/**
 * Checking many files across cores with worker_threads, results in the
 * order of the inputs whatever the scheduling.
 *
 * The worker script is this module's own file (`import.meta.url`): when a
 * worker loads it, the guarded top-level call at the end starts serving
 * tasks. So the same code works from the compiled dist/cli/pool.js and from
 * the bundle dist/verify.mjs (which contains this module), with no second
 * entry point to keep in step. Under vitest this module is TypeScript
 * (import.meta.url ends in .ts), which a worker cannot load: it then checks in
 * this thread, as it does with one job. Each file's result depends only on
 * the file and the options (the seed is per file), never on which thread
 * checked it, so both paths give the same report.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { VerifyOptions } from '../derivation/verify.js';
import { checkInput, type Checked } from './check-file.js';
import type { Input } from './inputs.js';

/** marks a worker started by this pool, so the module never serves in someone else's worker (a test runner's) */
const WORKER_MARK = 'derivcheck-verify-worker';

/** why: each worker holds its own copy of the checker (tens of MB); past this many, memory runs out long before more threads help */
export const MAX_JOBS = 64;

/** true when running from TypeScript sources, where workers cannot load this file */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

interface Task {
  readonly index: number;
  readonly input: Input;
}

type Reply =
  | { readonly index: number; readonly result: Checked['result']; readonly seconds: number }
  | { readonly index: number; readonly error: string; readonly stack?: string };

/** The default number of workers: one per available core, no more than there are files. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), files));
}

/** Every input checked with up to `jobs` workers (1: in this thread; at most MAX_JOBS), results in input order; a bug in any check rejects. */
export async function checkInputs(inputs: readonly Input[], options: VerifyOptions, jobs: number): Promise<Checked[]> {
  const files = inputs.filter((i) => i.kind === 'file').length;
  const workers = Math.min(jobs, files, MAX_JOBS);
  if (workers <= 1 || FROM_SOURCE) return inThisThread(inputs, options);
  return inWorkers(inputs, options, workers);
}

async function inThisThread(inputs: readonly Input[], options: VerifyOptions): Promise<Checked[]> {
  const out: Checked[] = [];
  for (const input of inputs) out.push(await checkInput(input, options));
  return out;
}

/**
 * a dynamic queue: each thread takes the next unchecked file when it is done
 * with one, so slow files do not idle the others. This thread is one of the
 * `count`: it starts count - 1 workers and checks files itself meanwhile, so
 * a worker's start-up (loading the checker, about 0.2 s of CPU) is paid once
 * less.
 */
function inWorkers(inputs: readonly Input[], options: VerifyOptions, count: number): Promise<Checked[]> {
  const results: (Checked | undefined)[] = new Array<Checked | undefined>(inputs.length);
  const queue: number[] = [];
  inputs.forEach((input, index) => {
    if (input.kind === 'file') queue.push(index);
  });
  let remaining = queue.length;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      for (const w of workers) void w.terminate();
      if (err) {
        reject(err);
        return;
      }
      // the inputs that named no file are not worth a message to a worker
      Promise.all(inputs.map((input, k) => results[k] ?? checkInput(input, options))).then(resolve, reject);
    };
    for (let k = 0; k < count - 1; k++) {
      // execArgv []: the parent's node flags are not the worker's business, and some break it (`node --input-type=module -e ...`)
      const worker = new Worker(new URL(import.meta.url), { workerData: { mark: WORKER_MARK, options }, execArgv: [] });
      workers.push(worker);
      const next = () => {
        const index = queue.shift();
        if (index !== undefined) worker.postMessage({ index, input: inputs[index]! } satisfies Task);
      };
      worker.on('message', (reply: Reply) => {
        if (done) return;
        if ('error' in reply) {
          const err = new Error(reply.error);
          if (reply.stack !== undefined) err.stack = reply.stack;
          finish(err);
          return;
        }
        results[reply.index] = { result: reply.result, seconds: reply.seconds };
        remaining -= 1;
        if (remaining === 0) finish();
        else next();
      });
      worker.on('error', (err) => finish(err));
      worker.on('exit', (code) =>
        finish(new Error(`a verify worker stopped (exit code ${code}) before its files were checked`)),
      );
      next();
    }
    // this thread's share: one file at a time, yielding between files so the workers' replies are handled
    const own = async () => {
      for (let index = queue.shift(); index !== undefined && !done; index = queue.shift()) {
        results[index] = await checkInput(inputs[index]!, options);
        remaining -= 1;
        if (remaining === 0) finish();
        await new Promise((r) => setImmediate(r));
      }
    };
    own().catch((err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
  });
}

/** answers tasks in a worker until the pool terminates it; a thrown error (a bug) goes back as a reply */
function serve(port: MessagePort, options: VerifyOptions): void {
  port.on('message', (task: Task) => {
    checkInput(task.input, options).then(
      (checked) => port.postMessage({ index: task.index, ...checked } satisfies Reply),
      (err: unknown) => {
        const reply: Reply =
          err instanceof Error
            ? { index: task.index, error: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) }
            : { index: task.index, error: String(err) };
        port.postMessage(reply);
      },
    );
  });
}

const data = workerData as { mark?: unknown; options?: VerifyOptions } | null;
if (!isMainThread && parentPort !== null && data?.mark === WORKER_MARK && data.options !== undefined)
  serve(parentPort, data.options);
