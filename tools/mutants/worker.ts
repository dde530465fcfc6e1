/**
 * A worker thread of `npm run mutants`: runs the files it is sent, one at a
 * time, and posts each result back (main.ts hands out the files).
 */
import { parentPort } from 'node:worker_threads';
import { mutateFile } from './file-job.js';

/** a request from main.ts */
export interface FileJob {
  readonly path: string;
  readonly name: string;
  readonly cap: number;
}

parentPort?.on('message', (job: FileJob) => {
  parentPort!.postMessage(mutateFile(job.path, job.name, job.cap));
});
