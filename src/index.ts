/**
 * derivcheck as a library: check derivation files and texts, read and
 * differentiate expressions, and compare two expressions, with the same
 * verdicts as the `verify` command. Only the trusted core (src/core/) ever
 * says `proved`; everything here reports what it said.
 *
 * @packageDocumentation
 */
import { verifyFile as verifyPath } from './derivation/verify.js';
import { type VerifyOptions, librarySettings, optionsRefused } from './api/verify.js';
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
export { type VerifyOptions, verifyDerivation } from './api/verify.js';
export { type Equivalence, type EquivalentOptions, equivalent } from './api/equivalent.js';

/**
 * The result of checking the derivation file at `path`, step by step. Input
 * problems (unreadable file, bad YAML, bad expressions) come back as steps
 * with status `error`, never as a rejected promise.
 */
export function verifyFile(path: string, options: VerifyOptions = {}): Promise<FileResult> {
  const refused = optionsRefused(path, options);
  return refused ? Promise.resolve(refused) : verifyPath(path, librarySettings(options));
}
