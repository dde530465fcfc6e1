/**
 * The expression reader: text in the derivation syntax (`+ - * / ^`,
 * implicit multiplication where it is unambiguous, `sum`, `diff`, `delta`,
 * indexed arrays) to the IR, by a hand-written parser: ascii-tokens (lexer),
 * ascii-parser (precedence climbing to a syntax tree), ascii-juxtaposition
 * and ascii-mistakes (what is refused, and why), ascii-resolve and
 * ascii-names (names to IR). Anything outside the syntax is an error with a
 * stable code, a one-sentence message and the offset of the offending text.
 */
import { AsciiParser, nameKinds } from './ascii-parser.js';
import { resolve } from './ascii-resolve.js';
import { tokenizeAscii } from './ascii-tokens.js';
import { MAX_TREE_DEPTH, checkTextLimits } from './limits.js';
import { knownFunctionNames } from './names.js';
import type { ParseEnv, ParseResult } from './parse-types.js';
import { ParseProblem } from './problem.js';

export type { ParseEnv, ParseError, ParseResult } from './parse-types.js';
export { MAX_EXPRESSION_CHARS, MAX_NESTING, MAX_NUMBER_DIGITS, MAX_NODES, MAX_TREE_DEPTH } from './limits.js';

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
