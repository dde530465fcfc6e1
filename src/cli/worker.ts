/**
 * A worker thread of the pool (pool.ts): claims the next file from the
 * shared counter, checks it, posts the result, until every file is claimed;
 * then says so and waits to be terminated. Part of the command's bundle
 * (main.ts imports it): a worker loads dist/verify.cjs through
 * bin/load-cli.cjs with the same V8 code cache as the command, so it
 * compiles none of the checker's functions that the cache holds; in the
 * command's own thread (or any thread not started by the pool) this module
 * does nothing.
 */
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { checkInput } from './check-file.js';
import { type PoolReply, WORKER_MARK, type WorkerData } from './worker-protocol.js';

/** checks claimed files until none are left; a thrown error (a bug) goes back as a reply */
async function serve(port: MessagePort, data: WorkerData): Promise<void> {
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

const data = workerData as Partial<WorkerData> | null;
if (!isMainThread && parentPort !== null && data?.mark === WORKER_MARK) void serve(parentPort, data as WorkerData);
