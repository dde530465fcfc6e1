/**
 * A worker thread of the pool (pool.ts): claims the next file from the
 * shared counter, checks it, posts the result, until every file is claimed;
 * then says so and waits to be terminated. Bundled on its own
 * (dist/verify-worker.mjs: the checker without the command line, the
 * report formats or KaTeX), so a worker loads less than the CLI does.
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
