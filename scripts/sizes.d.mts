/** Types of sizes.mjs, for test/sizes.test.ts. */
export interface FileSize {
  readonly file: string;
  readonly lines: number;
}
export interface FunctionSize {
  readonly file: string;
  /** `f`, `Class.method`, `outer > inner`, `<anonymous>`; `#2` for the second of a name in a file */
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}
export interface Sizes {
  readonly files: readonly FileSize[];
  readonly functions: readonly FunctionSize[];
}
export const MAX_FILE_LINES: number;
export const MAX_FUNCTION_LINES: number;
export const ALLOWED_FILES: Readonly<Record<string, number>>;
export const ALLOWED_FUNCTIONS: Readonly<Record<string, number>>;
export function functionsIn(file: string, text: string): FunctionSize[];
export function measure(folder?: string): Sizes;
export function functionKey(f: FunctionSize): string;
export function check(
  sizes: Sizes,
  allowedFiles?: Readonly<Record<string, number>>,
  allowedFunctions?: Readonly<Record<string, number>>,
): { problems: string[]; shrank: string[] };
