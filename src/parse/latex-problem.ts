/**
 * The LaTeX reader's way to stop at the first problem: an expected input
 * problem is thrown as a LatexProblem deep inside the recursive descent and
 * turned back into data (a ParseResult) by parseLatex, so nothing escapes as
 * an exception.
 */
import type { ParseError } from './expression.js';

/** an input problem found while reading a LaTeX step; caught by parseLatex */
export class LatexProblem {
  constructor(readonly error: ParseError) {}
}

/** stops reading with this problem: code, one-sentence message, 0-based offset */
export function fail(code: string, message: string, offset: number): never {
  throw new LatexProblem({ code, message, offset });
}
