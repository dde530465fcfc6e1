/**
 * How both readers (ASCII and LaTeX) stop at the first problem: an expected
 * input problem is thrown as a ParseProblem deep inside the recursive descent
 * and turned back into data (a ParseResult) at the reader's entry point, so
 * nothing escapes as an exception.
 */
import type { ParseError } from './parse-types.js';

/** an input problem found while reading an expression; caught by parseExpression and parseLatex */
export class ParseProblem {
  constructor(readonly error: ParseError) {}
}

/** stops reading with this problem: code, one-sentence message, 0-based offset (and the name it is about, if any) */
export function fail(code: string, message: string, offset: number, name?: string): never {
  throw new ParseProblem(name === undefined ? { code, message, offset } : { code, message, offset, name });
}
