/**
 * The errors for mathjs syntax outside the derivation syntax: each rejected
 * node type and operator gets a message saying what it is and what to write
 * instead, placed at the first occurrence of its telltale token.
 */
import type { ParseError } from '../../../src/parse/expression.js';
import { locateName } from './locate.js';

/** what mathjs's less obvious operators mean, for messages */
const OPERATOR_MEANINGS: ReadonlyMap<string, string> = new Map([
  ['!', 'factorial'],
  ["'", 'transpose'],
  ['mod', 'modulo'],
  ['%', 'modulo'],
  ['to', 'unit conversion'],
  ['in', 'unit conversion'],
  ['&', 'bitwise and'],
  ['|', 'bitwise or'],
  ['^|', 'bitwise xor'],
  ['~', 'bitwise not'],
  ['<<', 'shift'],
  ['>>', 'shift'],
  ['>>>', 'shift'],
  ['.*', 'element-wise'],
  ['./', 'element-wise'],
  ['.^', 'element-wise'],
  ['??', 'nullish coalescing'],
]);

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=']);

/** each rejected node type: the message and the token that marks it in the text (a RegExp when several can) */
const NODE_MESSAGES: ReadonlyMap<string, readonly [string, string | RegExp]> = new Map<
  string,
  readonly [string, string | RegExp]
>([
  ['ArrayNode', ['lists and matrices [...] are not supported; index a declared array as w[i, k]', '[']],
  [
    'AssignmentNode',
    ["assignment '=' is not supported; a step is an expression, and definitions go under define", '='],
  ],
  [
    'FunctionAssignmentNode',
    ["a function definition 'f(x) = ...' is not supported here; write it under define as `f(x): ...`", '='],
  ],
  [
    'BlockNode',
    [
      "several expressions separated by ';' or a line break are not supported; write one expression per step, or wrap a long one in parentheses",
      /[;\n]/,
    ],
  ],
  ['ConditionalNode', ["the conditional 'a ? b : c' is not supported; split the derivation into cases", '?']],
  ['ObjectNode', ['objects {...} are not supported; write an expression', '{']],
  ['RangeNode', ["ranges 'a:b' are not supported; write an expression", ':']],
  [
    'RelationalNode',
    [
      'comparisons (<, <=, ==, ...) are not supported; a step is an expression, not an equation or inequality',
      /[<>=!]/,
    ],
  ],
]);

/** the offset of the first occurrence of token in text (0 when absent) */
export const locateToken = (text: string, token: string | RegExp): number =>
  Math.max(0, typeof token === 'string' ? text.indexOf(token) : text.search(token));

/** the error for a mathjs node type the syntax does not have */
export function unsupportedNode(type: string, text: string): ParseError {
  const known = NODE_MESSAGES.get(type);
  if (known) return { code: 'unsupported-syntax', message: known[0], offset: locateToken(text, known[1]) };
  return {
    code: 'unsupported-syntax',
    message: `a '${type}' is not supported in expressions; write numbers, names, operators and function calls`,
    offset: 0,
  };
}

/** the error for a mathjs operator the syntax does not have */
export function unsupportedOperator(op: string, text: string): ParseError {
  const meaning = OPERATOR_MEANINGS.get(op);
  const what = meaning ? ` (${meaning})` : '';
  const advice = COMPARISONS.has(op)
    ? 'a step is an expression, not an equation or inequality'
    : 'use + - * / ^ and functions';
  const offset = /^\w+$/.test(op) ? locateName(text, op) : locateToken(text, op);
  return { code: 'unsupported-syntax', message: `the operator ${op}${what} is not supported; ${advice}`, offset };
}
