/**
 * Checking one input of a run, the unit of work that the pool schedules (in
 * this thread or in a worker): a file becomes its result and the seconds it
 * took; an argument that named no file becomes an error result.
 */
import type { FileResult } from '../verdict/result.js';
import { verifyFile } from '../derivation/verify.js';
import type { CheckSettings } from '../verdict/settings.js';
import type { Input } from './inputs.js';

/** a monotonic clock in milliseconds: process.hrtime, not performance.now(), whose first use loads Node's perf_hooks (nine modules) in a cold start */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** One input's result and the wall-clock seconds it took (JUnit's times). */
export interface Checked {
  readonly result: FileResult;
  readonly seconds: number;
}

/** The result of `input` under `options`; input problems come back as error steps, bugs as exceptions. */
export async function checkInput(input: Input, options: CheckSettings): Promise<Checked> {
  const start = nowMs();
  if (input.kind === 'none') return { result: noFilesResult(input.arg, input.message, options.seed), seconds: 0 };
  const result = await verifyFile(input.path, options);
  return { result, seconds: (nowMs() - start) / 1000 };
}

/** an argument that named no derivation file: one error step at location `file`, code `no-files` */
function noFilesResult(arg: string, message: string, seed: number): FileResult {
  return {
    file: arg,
    title: '',
    ok: false,
    seed,
    premises: [],
    steps: [{ location: 'file', line: 1, column: 1, status: 'error', code: 'no-files', message }],
  };
}
