/**
 * The expression reader: text in the derivation syntax (`+ - * / ^`,
 * implicit multiplication where it is unambiguous, `sum`, `diff`, `delta`,
 * indexed arrays) to the IR, by a hand-written parser: ascii-tokens (lexer),
 * ascii-parser (precedence climbing to a syntax tree), ascii-juxtaposition
 * and ascii-mistakes (what is refused, and why), ascii-resolve and
 * ascii-names (names to IR). Anything outside the syntax is an error with a
 * stable code, a one-sentence message and the offset of the offending text.
 */
import type { Expr } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { AsciiParser, nameKinds } from './ascii-parser.js';
import { resolve } from './ascii-resolve.js';
import { tokenizeAscii } from './ascii-tokens.js';
import { MAX_TREE_DEPTH, checkTextLimits } from './limits.js';
import { knownFunctionNames } from './names.js';
import { ParseProblem } from './problem.js';

export { MAX_EXPRESSION_CHARS, MAX_NESTING, MAX_NUMBER_DIGITS, MAX_NODES, MAX_TREE_DEPTH } from './limits.js';

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

const FUNCTION_NAMES: ReadonlySet<string> = new Set(knownFunctionNames());

/** the IR of `text` read under `env`, or the first problem found; never throws for any input string */
export function parseExpression(text: string, env: ParseEnv): ParseResult {
  const limit = checkTextLimits(text);
  if (limit) return { ok: false, error: limit };
  try {
    const tree = new AsciiParser(text, tokenizeAscii(text), nameKinds(env, FUNCTION_NAMES)).read();
    return { ok: true, expr: resolve(tree, env) };
  } catch (err) {
    if (err instanceof ParseProblem) return { ok: false, error: err.error };
    // why: a backstop; the parser and resolver count their depth, so only a much smaller stack than Node's default gets here
    if (err instanceof RangeError)
      return {
        ok: false,
        error: {
          code: 'limit',
          message: `the expression nests too deeply to read (limit MAX_TREE_DEPTH = ${MAX_TREE_DEPTH}); name inner parts under define`,
          offset: 0,
        },
      };
    throw err;
  }
}

/** an empty environment: no declarations, no definitions */
export function emptyParseEnv(): ParseEnv {
  return { symbols: new Map(), functions: new Map() };
}
