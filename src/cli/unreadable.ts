/**
 * Files that cannot be read become results, not exceptions: one `error`
 * step at location `file`, line 1, column 1, so every report format and the
 * exit status treat them like any other input problem.
 */
// fs's callback API, not node:fs/promises: that module and what it loads cost a cold start milliseconds (README, "Startup")
import { readFile } from 'node:fs';
import type { FileResult } from '../verdict/result.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a component of the path is not a directory',
};

/** why reading failed, in words, from a Node file-system error */
function reason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in REASONS) return `${REASONS[code]} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

/** The result for `path` when it cannot be read: status error, code `cannot-read`, located at `file` 1:1. */
export function unreadableResult(path: string, err: unknown, seed: number): FileResult {
  return {
    file: path,
    title: '',
    ok: false,
    seed,
    premises: [],
    steps: [
      {
        location: 'file',
        line: 1,
        column: 1,
        status: 'error',
        code: 'cannot-read',
        message: `cannot read ${path}: ${reason(err)}`,
      },
    ],
  };
}

/** undefined when `path` can be read as a file, else the error result to report for it. */
export async function checkReadable(path: string, seed: number): Promise<FileResult | undefined> {
  try {
    await new Promise<void>((resolve, reject) => readFile(path, (err) => (err ? reject(err) : resolve())));
    return undefined;
  } catch (err) {
    return unreadableResult(path, err, seed);
  }
}
