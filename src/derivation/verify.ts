/**
 * Verify one derivation file: load, check, and return the result as data.
 * (Stub: the checker is being written; this signature is the contract the CLI uses.)
 */
import type { FileResult } from './result.js';

export interface VerifyOptions {
  /** seed of every random choice in numeric checks; the same seed reproduces a run */
  readonly seed: number;
  /** only `proved` counts as ok */
  readonly strict: boolean;
  /** random points per numeric check (default chosen by the numeric layer) */
  readonly samples?: number;
}

/** The result of checking the derivation in `path`; input problems come back as steps with status `error`, never as exceptions. */
export async function verifyFile(path: string, options: VerifyOptions): Promise<FileResult> {
  void options;
  return { file: path, title: '', ok: false, steps: [], premises: [], seed: options.seed };
}
