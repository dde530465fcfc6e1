/**
 * The scripts after a base in the LaTeX subset: the subscript after `_` (one
 * letter or digit, or a braced list of letters, integers and commas; what it
 * means is latex-names' business) and the exponent after `^`.
 */
import { type Expr, num } from '../ir/expr.js';
import type { LatexCursor } from './latex-cursor.js';
import { fail } from './problem.js';
import type { SubItem, Subscript } from './latex-subscript.js';
import type { Token } from './latex-tokens.js';

/** the content after `_`: one letter or digit, or a braced list of letters, integers and commas */
export function readSubscript(r: LatexCursor, underscore: Token): Subscript {
  const t = r.peek();
  const items: SubItem[] = [];
  const take = (u: Token): void => {
    if (u.kind === 'letter') items.push({ kind: 'letter', text: u.text, at: u.at });
    else if (u.kind === 'num' && /^\d+$/.test(u.text)) items.push({ kind: 'digits', text: u.text, at: u.at });
    else if (r.isOp(u, ',')) items.push({ kind: 'comma', text: ',', at: u.at });
    else
      fail(
        'unsupported-syntax',
        'a subscript may hold only letters, integers and commas, as in w_{ij} or w_{i,10}; expressions such as i+1 are not supported',
        u.at,
      );
  };
  if (t.kind === 'open' && t.text === '{') {
    const end = r.braceEnd(r.pos);
    for (let k = r.pos + 1; k < end; k++) take(r.token(k));
    if (items.length === 0) fail('syntax', 'the subscript is empty; write an index, as in s_{j}', t.at);
    r.pos = end + 1;
  } else if (t.kind === 'letter' || t.kind === 'num') {
    if (t.kind === 'num' && t.text.length > 1)
      fail('syntax', `without braces LaTeX takes only the first digit as the subscript; write _{${t.text}}`, t.at);
    take(r.next());
  } else {
    fail('syntax', "'_' must be followed by an index, as in s_j or w_{ij}", underscore.at);
  }
  return { at: underscore.at, items };
}

/** the exponent after `^`: a braced expression, one digit, or one name */
export function readSuperscript(r: LatexCursor, caret: Token): Expr {
  const t = r.peek();
  if (t.kind === 'open' && t.text === '{') return r.bracketed();
  if (t.kind === 'num') {
    if (t.text.length > 1)
      fail('syntax', `without braces LaTeX takes only the first digit as the exponent; write ^{${t.text}}`, t.at);
    r.next();
    return num(BigInt(t.text));
  }
  const ref = r.nameRef(t);
  if (ref && ref.name !== 'delta') {
    r.next();
    return r.names.value(ref);
  }
  if (r.isOp(t, '-')) fail('syntax', 'a negative exponent needs braces; write x^{-1}', t.at);
  return fail('syntax', "'^' must be followed by an exponent, as in x^2 or x^{n+1}", caret.at);
}
