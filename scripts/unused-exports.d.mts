/** Types of unused-exports.mjs, for test/unused-exports.test.ts. */
export interface UnusedExport {
  readonly file: string;
  readonly name: string;
  readonly line: number;
}
export const ENTRY_POINTS: readonly string[];
export const KNOWN: readonly string[];
export function unusedExports(): UnusedExport[];
export function unusedExportsIn(sources: ReadonlyMap<string, string>, entryPoints?: readonly string[]): UnusedExport[];
export function exportKey(u: UnusedExport): string;
export function check(
  unused?: readonly UnusedExport[],
  known?: readonly string[],
): { fresh: UnusedExport[]; stale: string[] };
