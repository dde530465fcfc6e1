/**
 * What the readers (ASCII and LaTeX) take and give: the meaning of names and
 * the result or the problem. A leaf of the parser, so that every reader can
 * import these types without importing the readers back.
 */
import type { Expr } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';

/** What the names in an expression mean. */
export interface ParseEnv {
  /** declared names: index variables, arrays, opaque scalars */
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  /** user-defined names -> number of parameters (0 for `name: expr`) */
  readonly functions: ReadonlyMap<string, number>;
}

/**
 * An input problem. Codes: `syntax`, `unsupported-syntax`, `ambiguous`,
 * `unknown-function`, `arity`, `undeclared-array`,
 * `index-arity`, `bad-index`, `array-as-scalar`, `index-as-scalar`,
 * `bad-sum`, `bad-diff`, `bad-delta`, `reserved-name`, `limit`.
 */
export interface ParseError {
  readonly code: string;
  /** one sentence: what is wrong, then what to do */
  readonly message: string;
  /** 0-based offset in the text of the offending construct */
  readonly offset: number;
  /** the name the problem is about, when it is about a name's meaning (a loader drops follow-ups of a refused declaration) */
  readonly name?: string;
}

export type ParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly error: ParseError };
