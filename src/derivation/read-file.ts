/**
 * The one place that reads a derivation file: its bytes once, decoded as
 * strict UTF-8 (utf8.ts), or the problem as data with one wording per code
 * (`cannot-read`, `not-utf8`). `verify`, the library's `verifyFile`, a
 * context given as `{file}` and `verify gradcheck` all read through here.
 */
// fs's callback API, not node:fs/promises: that module and what it loads cost every cold start of `verify` milliseconds
import { type Stats, readFile, readFileSync, stat, statSync } from 'node:fs';
import { decodeUtf8, notUtf8Message } from './utf8.js';
import { MAX_FILE_BYTES, fileTooLargeMessage } from './load.js';

/** A file's text, or why it has none: the code, a sentence, and where (line 1, column 1 for an unreadable file). */
type FileText =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly code: 'cannot-read' | 'not-utf8' | 'limit';
      readonly message: string;
      readonly line: number;
      readonly column: number;
    };

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a component of the path is not a directory',
  ELOOP: 'a loop of symbolic links',
};

/**
 * Why a file is not read at all, from its metadata: a device, FIFO or
 * socket (reading /dev/zero never ends, a FIFO without a writer waits for
 * ever) or a file past MAX_FILE_BYTES (the loader would refuse it after
 * reading it whole). A directory is left to the read (EISDIR).
 */
function refusal(path: string, stats: Stats): FileText | undefined {
  const at = { ok: false, line: 1, column: 1 } as const;
  if (!stats.isFile() && !stats.isDirectory())
    return {
      ...at,
      code: 'cannot-read',
      message: `cannot read ${path}: it is not a regular file (a device, FIFO or socket)`,
    };
  if (stats.isFile() && stats.size > MAX_FILE_BYTES)
    return { ...at, code: 'limit', message: fileTooLargeMessage(stats.size) };
  return undefined;
}

/** Why reading failed, in words, from a Node file-system error: the one wording of files, directories and the config that cannot be read. */
export function unreadableReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in REASONS) return `${REASONS[code]} (${code})`;
  if (typeof code === 'string') return code;
  return err instanceof Error ? err.message : String(err);
}

/** the text of `bytes` read from `path`, or the failure to read them (`bytes` is then the error thrown) */
function textOf(path: string, read: { bytes: Uint8Array } | { error: unknown }): FileText {
  if ('error' in read)
    return {
      ok: false,
      code: 'cannot-read',
      message: `cannot read ${path}: ${unreadableReason(read.error)}`,
      line: 1,
      column: 1,
    };
  const decoded = decodeUtf8(read.bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return {
    ok: false,
    code: 'not-utf8',
    message: notUtf8Message(path, decoded),
    line: decoded.line,
    column: decoded.column,
  };
}

/** The text of the file at `path`, read once. */
export async function readDerivationFile(path: string): Promise<FileText> {
  try {
    const stats = await new Promise<Stats>((resolve, reject) =>
      stat(path, (err, data) => (err ? reject(err) : resolve(data))),
    );
    const refused = refusal(path, stats);
    if (refused) return refused;
    const bytes = await new Promise<Uint8Array>((resolve, reject) =>
      readFile(path, (err, data) => (err ? reject(err) : resolve(data))),
    );
    return textOf(path, { bytes });
  } catch (error) {
    return textOf(path, { error });
  }
}

/** readDerivationFile for callers that cannot wait (a context, `verify gradcheck`). */
export function readDerivationFileSync(path: string): FileText {
  let bytes: Uint8Array;
  try {
    const refused = refusal(path, statSync(path));
    if (refused) return refused;
    bytes = readFileSync(path);
  } catch (error) {
    return textOf(path, { error });
  }
  return textOf(path, { bytes });
}
