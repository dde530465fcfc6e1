/**
 * Verify one derivation file: read it as strict UTF-8, then check its text
 * (verify-text.ts). Input problems come back as steps with status `error`.
 */
import { readFile } from 'node:fs/promises';
import type { FileResult } from '../verdict/result.js';
import { decodeUtf8, notUtf8Message } from './utf8.js';
import type { CheckSettings } from '../verdict/settings.js';
import { errorResult, verifyText } from './verify-text.js';

export { verifyText } from './verify-text.js';

/** The result of checking the derivation in `path`; input problems come back as steps with status `error`, never as exceptions. */
export async function verifyFile(path: string, options: CheckSettings): Promise<FileResult> {
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
