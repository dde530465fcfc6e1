/** Types of fuzz-cases.mjs, for the TypeScript fuzz tests. */
import type fc from 'fast-check';
import type { ParseEnv, ParseResult } from '../src/parse/expression.js';
import type { LoadResult } from '../src/derivation/model.js';

export interface SeedFile {
  readonly name: string;
  readonly text: string;
}
export interface ExpressionCase {
  readonly text: string;
  readonly env: ParseEnv;
}
export type Tally = Record<string, number>;

/** the shipped derivation files (valid, wrong and erroneous) */
export function seedFiles(root?: string): SeedFile[];
/** every expression written in the files, with the names its file declares */
export function seedExpressions(
  files: readonly SeedFile[],
  loadDerivation: (file: string, text: string) => LoadResult,
): ExpressionCase[];
/** random text or mutated shipped expressions */
export function expressionCases(seeds: readonly ExpressionCase[]): fc.Arbitrary<ExpressionCase>;
/** every LaTeX formula written in the files (`latex:` steps, claim sides), with the names its file declares */
export function seedLatexExpressions(
  files: readonly SeedFile[],
  loadDerivation: (file: string, text: string) => LoadResult,
): ExpressionCase[];
/** random text or mutated shipped LaTeX formulas */
export function latexCases(seeds: readonly ExpressionCase[]): fc.Arbitrary<ExpressionCase>;
/** random text or mutated shipped files */
export function fileCases(files: readonly SeedFile[]): fc.Arbitrary<SeedFile>;
/** why the parser broke its contract on the case, or undefined */
export function checkParse(
  parse: (text: string, env: ParseEnv) => ParseResult,
  c: ExpressionCase,
  tally: Tally,
): string | undefined;
/** why the loader broke its contract on the case, or undefined */
export function checkLoad(
  load: (file: string, text: string) => LoadResult,
  c: SeedFile,
  tally: Tally,
): string | undefined;
