/**
 * Bounds on what the expression reader accepts. Expressions come from files
 * we do not control (CI runs on pull requests), and the readers and our
 * tree walks recurse, so every dimension of the input that costs time, memory
 * or stack is capped here, before or while reading, with an error that names
 * the limit.
 */
import type { ParseError } from './parse-types.js';

/** why: a derivation step is a line or a paragraph; 100k characters is far beyond any real one and keeps parsing in milliseconds */
export const MAX_EXPRESSION_CHARS = 100_000;
/** why: the readers parse brackets by recursion; 200 levels is far beyond hand-written math and far below the stack limit */
export const MAX_NESTING = 200;
/** why: exact rationals grow with their digits, and every later step multiplies them; a 1000-digit literal is already absurd */
export const MAX_NUMBER_DIGITS = 1000;
/** why: the normal form and numeric checks are at least linear in the tree; 50k nodes bounds their cost */
export const MAX_NODES = 50_000;
/**
 * why: operator chains without brackets (`x^x^x^...`, `---x`) nest the tree
 * without any bracket; every later pass over the IR recurses, so the tree's
 * depth is capped too (generously: brackets alone are capped at MAX_NESTING)
 */
export const MAX_TREE_DEPTH = 1000;

const limitError = (message: string, offset: number): ParseError => ({ code: 'limit', message, offset });

/** the first limit the raw text breaks (length, bracket depth, length of a numeral), if any */
export function checkTextLimits(text: string): ParseError | undefined {
  if (text.length > MAX_EXPRESSION_CHARS) {
    return limitError(
      `the expression has ${text.length} characters, more than ${MAX_EXPRESSION_CHARS} (limit MAX_EXPRESSION_CHARS); split it into smaller steps or definitions`,
      MAX_EXPRESSION_CHARS,
    );
  }
  const deep = nestingExcess(text);
  if (deep !== undefined) {
    return limitError(
      `the expression nests deeper than ${MAX_NESTING} levels (limit MAX_NESTING); name inner parts under define`,
      deep,
    );
  }
  const long = longNumeral(text);
  if (long !== undefined) {
    return limitError(
      `a number in the expression has more than ${MAX_NUMBER_DIGITS} digits (limit MAX_NUMBER_DIGITS); write it shorter`,
      long,
    );
  }
  return undefined;
}

/** the offset where bracket depth first exceeds MAX_NESTING (an estimate: brackets inside strings count too) */
function nestingExcess(text: string): number | undefined {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return k;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** the offset of a digit run or hex/binary/octal literal longer than MAX_NUMBER_DIGITS (before it is converted to an exact rational, which costs time) */
function longNumeral(text: string): number | undefined {
  for (const re of [/\d+/g, /0[xXbBoO][0-9A-Za-z]+/g]) {
    for (const m of text.matchAll(re)) if (m[0].length > MAX_NUMBER_DIGITS) return m.index;
  }
  return undefined;
}
