/**
 * derivcheck as a library: check derivation files and texts, read and
 * differentiate expressions, and compare two expressions, with the same
 * verdicts as the `verify` command. Only the trusted core (src/core/) ever
 * says `proved`; everything here reports what it said.
 *
 * @packageDocumentation
 */
import { verifyFile as verifyPath, verifyText } from './derivation/verify.js';
import type { FileResult } from './verdict/result.js';

export type { Counterexample, FileResult, Premise, StepResult, StepStatus } from './verdict/result.js';
export type { Expr, Variable } from './ir/expr.js';
export type { ExplainStep } from './verdict/explanation.js';
export type { Verdict } from './derivation/compare.js';
export { type ApiError, type ApiResult, DerivcheckError, describeError } from './api/errors.js';
export {
  type Context,
  type ContextInput,
  type ContextObject,
  type DerivationContext,
  loadContext,
  loadContextOrThrow,
} from './api/context.js';
export {
  type Derivative,
  type ParsedExpression,
  differentiate,
  parseExpression,
  parseExpressionOrThrow,
} from './api/expression.js';
export { type Equivalence, type EquivalentOptions, equivalent } from './api/equivalent.js';

/** Options of a verification; every field has the `verify` command's default. */
export interface VerifyOptions {
  /** seed of every random choice in numeric checks (default 1); the same seed reproduces a run */
  readonly seed?: number;
  /** only `proved` counts as ok (default false: `numeric` counts too) */
  readonly strict?: boolean;
  /** random points per numeric check (default chosen by the numeric layer) */
  readonly samples?: number;
  /** the time limit of each step in ms; a step not checked in time is an error with code `timeout` */
  readonly stepTimeoutMs?: number;
}

/**
 * The result of checking the derivation file at `path`, step by step. Input
 * problems (unreadable file, bad YAML, bad expressions) come back as steps
 * with status `error`, never as a rejected promise.
 */
export function verifyFile(path: string, options: VerifyOptions = {}): Promise<FileResult> {
  return verifyPath(path, withDefaults(options));
}

/** verifyFile for a derivation's YAML text already in memory; `file` names it in results (default `<derivation>`). */
export function verifyDerivation(
  yamlText: string,
  options: VerifyOptions & { readonly file?: string } = {},
): FileResult {
  return verifyText(options.file ?? '<derivation>', yamlText, withDefaults(options));
}

function withDefaults(o: VerifyOptions): { seed: number; strict: boolean; samples?: number; stepTimeoutMs?: number } {
  return {
    seed: o.seed ?? 1,
    strict: o.strict ?? false,
    ...(o.samples !== undefined ? { samples: o.samples } : {}),
    ...(o.stepTimeoutMs !== undefined ? { stepTimeoutMs: o.stepTimeoutMs } : {}),
  };
}
