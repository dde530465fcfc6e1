/**
 * The syntax tree of the ASCII reader: what was written, with the span of
 * every node in the text, before any name is resolved. The parser
 * (ascii-parser.ts) builds it; the resolver (ascii-resolve.ts) turns it into
 * the IR. Products keep mathjs's grouping (implicit multiplication binds
 * tighter than `*` and `/`), so the IR keeps the shapes it had when mathjs
 * read the syntax: `a * b c` is a product whose second factor is `b c`.
 */

/** where a node was written: offsets into the text, end exclusive */
interface Span {
  readonly at: number;
  readonly end: number;
}

export interface SynNum extends Span {
  readonly kind: 'num';
  /** the literal in ASCII, as written (`0.5`, `2e3`) */
  readonly text: string;
}
export interface SynName extends Span {
  readonly kind: 'name';
  readonly name: string;
}
/** `( body )` */
interface SynGroup extends Span {
  readonly kind: 'group';
  readonly body: Syn;
}
/** `name[a, b]` */
export interface SynElem extends Span {
  readonly kind: 'elem';
  readonly name: string;
  readonly dims: readonly Syn[];
}
/** `name(a, b)`: a function applied to arguments (a value before brackets is a product instead) */
export interface SynCall extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Syn[];
}
/** unary `-x` or `+x` */
interface SynSign extends Span {
  readonly kind: 'sign';
  readonly minus: boolean;
  readonly arg: Syn;
}
export interface SynPow extends Span {
  readonly kind: 'pow';
  readonly base: Syn;
  readonly exp: Syn;
  /** the exponent was written as a superscript glyph (`x²`), which closes it */
  readonly glyph: boolean;
}
/** `a - b + c`: terms with their signs */
interface SynAdd extends Span {
  readonly kind: 'add';
  readonly terms: readonly { readonly minus: boolean; readonly term: Syn }[];
}
/**
 * `a b * c d / e`: groups of juxtaposed factors joined by `*` or `/`
 * (the first group's op is `*`); a group after `/` has exactly one factor,
 * since a juxtaposition after `/` is refused as ambiguous
 */
export interface SynProduct extends Span {
  readonly kind: 'product';
  readonly groups: readonly ProductGroup[];
}
export interface ProductGroup {
  readonly op: '*' | '/';
  /** offset of the operator (of the first factor for the first group) */
  readonly opAt: number;
  readonly factors: readonly Syn[];
}

export type Syn = SynNum | SynName | SynGroup | SynElem | SynCall | SynSign | SynPow | SynAdd | SynProduct;

/** the node inside any number of brackets */
export function ungroup(s: Syn): Syn {
  let n = s;
  while (n.kind === 'group') n = n.body;
  return n;
}
