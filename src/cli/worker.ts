/**
 * A worker thread of the pool (pool.ts): claims the next file from the
 * shared counter, checks it, posts the result, until every file is claimed;
 * then says so and waits to be terminated. Part of the command's bundle
 * (main.ts exports `serveWorker`): a worker starts bin/load-cli.cjs, which
 * loads dist/verify.cjs with the same V8 code cache as the command, so it
 * compiles none of the checker's functions that the cache holds, and calls
 * `serveWorker` there. node:worker_threads is loaded only then: in the
 * command's own thread it is not needed, and it costs a cold start a few
 * milliseconds (it loads Node's streams).
 */
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import { checkInput } from './check-file.js';
import { type PoolReply, WORKER_MARK, type WorkerData } from './worker-protocol.js';

/** checks claimed files until none are left; a thrown error (a bug) goes back as a reply */
async function serve(port: WorkerThreads.MessagePort, data: WorkerData): Promise<void> {
  // a listener keeps this thread alive after its last claim, so it exits only when the pool terminates it
  port.on('message', () => {});
  for (let k = Atomics.add(data.claims, 0, 1); k < data.files.length; k = Atomics.add(data.claims, 0, 1)) {
    try {
      const checked = await checkInput(data.files[k]!, data.options);
      port.postMessage({ claim: k, ...checked } satisfies PoolReply);
    } catch (err) {
      const reply: PoolReply =
        err instanceof Error
          ? { claim: k, error: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) }
          : { claim: k, error: String(err) };
      port.postMessage(reply);
      return;
    }
  }
  port.postMessage({ finished: true } satisfies PoolReply);
}

/** Serves the pool when this thread is a worker the pool started (its workerData carries WORKER_MARK); does nothing elsewhere. */
export async function serveWorker(): Promise<void> {
  // require, not import(): the bundle runs as a vm.Script, where a dynamic import() of a built-in fails
  const threads = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const { isMainThread, parentPort, workerData } = threads;
  const data = workerData as Partial<WorkerData> | null;
  if (!isMainThread && parentPort !== null && data?.mark === WORKER_MARK) await serve(parentPort, data as WorkerData);
}
