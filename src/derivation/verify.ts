/**
 * Verify one derivation file: read it as strict UTF-8, then check its text
 * (verify-text.ts). Input problems come back as steps with status `error`.
 */
// fs's callback API, not node:fs/promises: that module and what it loads cost a cold start milliseconds
import { readFile } from 'node:fs';
import type { FileResult } from '../verdict/result.js';
import { decodeUtf8, notUtf8Message } from './utf8.js';
import { type VerifyOptions, errorResult, verifyText } from './verify-text.js';

export { type VerifyOptions, verifyText } from './verify-text.js';

/** the most random points per numeric check a caller may ask for (re-exported for the command line) */
export { MAX_SAMPLES } from '../numeric/bounds.js';

/** The result of checking the derivation in `path`; input problems come back as steps with status `error`, never as exceptions. */
export async function verifyFile(path: string, options: VerifyOptions): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await new Promise<Uint8Array>((resolve, reject) =>
      readFile(path, (err, data) => (err ? reject(err) : resolve(data))),
    );
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
