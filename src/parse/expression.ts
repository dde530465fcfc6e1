/**
 * The expression reader: text in the derivation syntax (mathjs's expression
 * syntax plus `sum`, `diff`, `delta` and indexed arrays) to the IR. mathjs
 * only parses; the tree is converted node by node, and anything outside the
 * syntax is an error with a stable code, a one-sentence message and the
 * offset of the offending text.
 */
import type { Expr } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { checkTextLimits } from './limits.js';
import { readTree } from './mathjs-tree.js';
import { treeToExpr } from './to-ir.js';

export { MAX_EXPRESSION_CHARS, MAX_NESTING, MAX_NUMBER_DIGITS, MAX_NODES, MAX_TREE_DEPTH } from './limits.js';

/** What the names in an expression mean. */
export interface ParseEnv {
  /** declared names: index variables, arrays, opaque scalars */
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  /** user-defined names -> number of parameters (0 for `name: expr`) */
  readonly functions: ReadonlyMap<string, number>;
}

/**
 * An input problem. Codes: `syntax`, `unsupported-syntax`, `unknown-function`,
 * `arity`, `undeclared-array`, `index-arity`, `bad-index`, `array-as-scalar`,
 * `index-as-scalar`, `bad-sum`, `bad-diff`, `bad-delta`, `reserved-name`, `limit`.
 */
export interface ParseError {
  readonly code: string;
  /** one sentence: what is wrong, then what to do */
  readonly message: string;
  /** 0-based offset in the text of the offending construct */
  readonly offset: number;
}

export type ParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly error: ParseError };

/** the IR of `text` read under `env`, or the first problem found; never throws for any input string */
export function parseExpression(text: string, env: ParseEnv): ParseResult {
  const limit = checkTextLimits(text);
  if (limit) return { ok: false, error: limit };
  // why: a YAML block scalar ends in a newline, which mathjs would read as a
  // second (empty) statement; trailing space moves no offset of what precedes it
  const body = text.replace(/\s+$/u, '');
  if (body === '')
    return {
      ok: false,
      error: { code: 'syntax', message: 'the expression is empty; write an expression such as x^2 + 1', offset: 0 },
    };
  // why: mathjs drops everything from '#' to the end of the line as a comment, which would silently change a step
  const hash = body.indexOf('#');
  if (hash >= 0)
    return {
      ok: false,
      error: {
        code: 'unsupported-syntax',
        message: "comments ('#') are not supported in expressions; put notes under by:",
        offset: hash,
      },
    };
  // why: mathjs reads a line break as the end of a statement; in a YAML block
  // scalar it is only layout, so each one becomes a space (offsets unchanged)
  const tree = readTree(body.replace(/[\r\n]/g, ' '));
  if (!tree.ok) return tree;
  return treeToExpr(tree.node, body, env);
}

/** an empty environment: no declarations, no definitions */
export function emptyParseEnv(): ParseEnv {
  return { symbols: new Map(), functions: new Map() };
}
