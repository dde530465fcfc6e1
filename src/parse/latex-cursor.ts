/**
 * What the LaTeX reader's helpers (latex-functions, latex-calculus,
 * latex-scripts, latex-refusals) may do with the reader: move over the tokens
 * and read the grammar's pieces. An interface below them, which the reader
 * implements, so that the helpers never import the reader that calls them.
 */
import type { Expr } from '../ir/expr.js';
import type { LatexNames, NameRef } from './latex-names.js';
import type { Token } from './latex-tokens.js';

/** the LaTeX reader as its helpers see it */
export interface LatexCursor {
  /** index of the next token */
  pos: number;
  /** how many TeX brace groups enclose the reader's position: inside one, `/` leaves no doubt and is read */
  braceDepth: number;
  /** placeholder index of each `\sum` written without one -> offset of that `\sum` */
  readonly pendingSums: Map<string, number>;
  readonly names: LatexNames;
  /** the token `ahead` places after the next one (the end token past the end) */
  peek(ahead?: number): Token;
  /** the token at an index, clamped to the list */
  token(index: number): Token;
  /** consumes and returns the next token */
  next(): Token;
  /** the index of the `}` closing the `{` at index */
  braceEnd(index: number): number;
  /** true when t is the operator character ch */
  isOp(t: Token, ch: string): boolean;
  /** true when t can begin a factor of a juxtaposed product */
  startsFactor(t: Token): boolean;
  /** the name a token spells, if it is a name: a letter, a Greek letter, `\mathrm{pR}` */
  nameRef(t: Token): NameRef | undefined;
  /** a sum of products, up to a closing bracket, a comma or the end */
  expression(): Expr;
  /** juxtaposed runs joined by \cdot, \times or * */
  product(): Expr;
  /** a name or a primary with its subscript and superscript */
  power(): Expr;
  /** `( ... )`, `[ ... ]`, `\{ ... \}` or a TeX group `{ ... }`: brackets only group */
  bracketed(): Expr;
  /** consumes the bracket that closes `open`, or reports what is there instead */
  expectClose(open: Token): void;
}
