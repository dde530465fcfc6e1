/**
 * Verify one derivation file: read, load, check, and return the result as
 * data. Input problems come back as steps with status `error`.
 */
import { readFile } from 'node:fs/promises';
import type { FileResult, StepResult } from '../verdict/result.js';
import { loadDerivation } from './load.js';
import { checkDerivation } from './check.js';
import { decodeUtf8, notUtf8Message } from './utf8.js';

/** the most random points per numeric check a caller may ask for (re-exported for the command line) */
export { MAX_SAMPLES } from '../numeric/bounds.js';

export interface VerifyOptions {
  /** seed of every random choice in numeric checks; the same seed reproduces a run */
  readonly seed: number;
  /** only `proved` counts as ok */
  readonly strict: boolean;
  /** random points per numeric check (default chosen by the numeric layer) */
  readonly samples?: number;
  /** the time limit of each step in ms; a step not checked in time is an error with code `timeout` */
  readonly stepTimeoutMs?: number;
  /** add explanations: normal forms of proved steps, where failed steps first differ */
  readonly explain?: boolean;
}

/** The result of checking the derivation in `path`; input problems come back as steps with status `error`, never as exceptions. */
export async function verifyFile(path: string, options: VerifyOptions): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const message = `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; check the path`;
    return errorResult(
      path,
      '',
      [{ location: 'file', line: 1, column: 1, status: 'error', code: 'cannot-read', message }],
      options.seed,
    );
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const { line, column } = decoded;
    const message = notUtf8Message(path, decoded);
    return errorResult(
      path,
      '',
      [{ location: 'file', line, column, status: 'error', code: 'not-utf8', message }],
      options.seed,
    );
  }
  return verifyText(path, decoded.text, options);
}

/** verifyFile for text already in memory (`path` names it in reports) */
export function verifyText(path: string, text: string, options: VerifyOptions): FileResult {
  const loaded = loadDerivation(path, text);
  if (!loaded.ok) {
    const steps: StepResult[] = loaded.errors.map((e) => ({
      location: e.location ?? 'file',
      line: e.place.line,
      column: e.place.column,
      status: 'error',
      code: e.code,
      message: e.message,
    }));
    return errorResult(path, '', steps, options.seed);
  }
  return checkDerivation(loaded.derivation, options);
}

function errorResult(file: string, title: string, steps: StepResult[], seed: number): FileResult {
  return { file, title, ok: false, steps, premises: [], seed };
}
