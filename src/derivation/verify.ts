/**
 * Verify one derivation file: read it once as strict UTF-8 (read-file.ts),
 * then check its text (verify-text.ts). Input problems come back as steps
 * with status `error`.
 */
import type { FileResult } from '../verdict/result.js';
import type { CheckSettings } from '../verdict/settings.js';
import { readDerivationFile } from './read-file.js';
import { errorResult, verifyText } from './verify-text.js';

export { verifyText } from './verify-text.js';

/** The result of checking the derivation in `path`; input problems come back as steps with status `error`, never as exceptions. */
export async function verifyFile(path: string, settings: CheckSettings): Promise<FileResult> {
  const read = await readDerivationFile(path);
  if (read.ok) return verifyText(path, read.text, settings);
  const { code, message, line, column } = read;
  return errorResult(path, '', [{ location: 'file', line, column, status: 'error', code, message }], settings.seed);
}
