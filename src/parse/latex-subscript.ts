/**
 * Subscripts. LaTeX writes array indices (`w_{ij}`), the seed's function
 * arguments (`p_i` for p(i)) and parts of names (`p_R`) all as `_{...}`; this
 * module only cuts a subscript into parts, latex-names.ts decides what they mean.
 */
import { fail } from './problem.js';

/** one piece of a subscript as written: a letter, a run of digits, or a comma */
export interface SubItem {
  readonly kind: 'letter' | 'digits' | 'comma';
  readonly text: string;
  readonly at: number;
}

/** the content of `_x` or `_{...}`; `at` is the offset of the `_` */
export interface Subscript {
  readonly at: number;
  readonly items: readonly SubItem[];
}

/** one index of a subscript and its offset */
export interface IndexPart {
  readonly text: string;
  readonly at: number;
}

/** the subscript as written, without braces and spaces (`ij`, `i,1`) */
export function subscriptText(sub: Subscript): string {
  return sub.items.map((t) => t.text).join('');
}

/** true when commas separate the subscript's indices */
export function hasComma(sub: Subscript): boolean {
  return sub.items.some((t) => t.kind === 'comma');
}

/**
 * The parts of a subscript read as `expected` indices. With commas, the
 * comma-separated parts (`w_{i,10}`); without, one part per character, since
 * LaTeX writes `w_{ij}` for w[i, j] and `w_{12}` for w[1, 2] -- except that
 * digits alone are one number when one index is expected (`s_{10}` is s[10]).
 */
export function indexParts(sub: Subscript, expected: number): IndexPart[] {
  if (hasComma(sub)) {
    const parts: IndexPart[] = [];
    let current: SubItem[] = [];
    const close = (commaAt: number): void => {
      if (current.length === 0)
        fail(
          'syntax',
          'a subscript has an empty index between commas; write one index per comma, as in w_{i,j}',
          commaAt,
        );
      parts.push({ text: current.map((t) => t.text).join(''), at: current[0]!.at });
      current = [];
    };
    for (const item of sub.items) {
      if (item.kind === 'comma') close(item.at);
      else current.push(item);
    }
    close(sub.items[sub.items.length - 1]!.at);
    return parts;
  }
  if (expected === 1 && sub.items.length === 1 && sub.items[0]!.kind === 'digits')
    return [{ text: sub.items[0]!.text, at: sub.items[0]!.at }];
  const parts: IndexPart[] = [];
  for (const item of sub.items) {
    for (let k = 0; k < item.text.length; k++) parts.push({ text: item.text[k]!, at: item.at + k });
  }
  return parts;
}
