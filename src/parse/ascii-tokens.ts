/**
 * The ASCII lexer: text to tokens with offsets into the text as written.
 * Numbers, names, the five operators `+ - * / ^`, brackets and commas are
 * tokens; the pasted characters of unicode.ts become the operator or
 * exponent they stand for, at their own offset. Everything else is refused
 * here, at its character, with what to write instead: operators of other
 * syntaxes (`**`, `==`, `%`, `!`), strings, comments, and the words other
 * expression languages reserve (`mod`, `and`, `NaN`, `true`, ...), which
 * would otherwise silently become variables of a product (`x mod y`).
 */
import { MAX_NUMBER_DIGITS } from './limits.js';
import { fail } from './problem.js';
import { PASTED, characterProblem } from './unicode.js';

/** what a token is; see AsciiToken.text for what each carries */
type AsciiKind = 'num' | 'name' | 'op' | 'open' | 'close' | 'comma' | 'end';

/** one token of the ASCII syntax */
export interface AsciiToken {
  readonly kind: AsciiKind;
  /** num: the literal in ASCII (`2` for `²`); name: the name; op: + - * / ^; open/close: ( [ ) ]; comma: `,`; end: '' */
  readonly text: string;
  /** offset of the token's first character in the text */
  readonly at: number;
  /** offset just past the token */
  readonly end: number;
  /** whitespace separates it from the previous token */
  readonly spaced: boolean;
  /** a `^` or exponent written as a superscript glyph (`x²`): the exponent is closed by the glyph itself */
  readonly glyph?: boolean;
}

/** words that mean an operator or a constant in other expression syntaxes (mathjs, JavaScript) */
const FOREIGN_WORDS: ReadonlyMap<string, string> = new Map([
  ['mod', "the operator 'mod' (modulo) is not supported; use + - * / ^ and functions"],
  ['and', "the operator 'and' is not supported; a step is an expression, not a condition"],
  ['or', "the operator 'or' is not supported; a step is an expression, not a condition"],
  ['xor', "the operator 'xor' is not supported; a step is an expression, not a condition"],
  ['not', "the operator 'not' is not supported; a step is an expression, not a condition"],
  ['to', "the operator 'to' (unit conversion) is not supported; expressions have no units"],
  ['in', "the operator 'in' (unit conversion) is not supported; expressions have no units"],
  ['true', "'true' is not a number; expressions contain only numbers, names and functions"],
  ['false', "'false' is not a number; expressions contain only numbers, names and functions"],
  ['null', "'null' is not a number; expressions contain only numbers, names and functions"],
  ['undefined', "'undefined' is not a number; expressions contain only numbers, names and functions"],
  ['NaN', "'NaN' is not a number the checker accepts; write a finite decimal"],
  ['Infinity', "'Infinity' is not a number the checker accepts; expressions are finite"],
]);

/** the names refused as words of other syntaxes (a declaration of one is refused too) */
export const FOREIGN_WORD_NAMES: ReadonlySet<string> = new Set(FOREIGN_WORDS.keys());

const COMPARISON =
  'comparisons (<, <=, ==, ...) are not supported; a step is an expression, not an equation or inequality';

/** operators of other syntaxes, longest first: each is refused with what it means and what to write */
const FOREIGN_OPERATORS: readonly (readonly [string, string])[] = [
  ['**', "'**' is not the power operator here; write ^, as in x^3"],
  ['==', COMPARISON],
  ['!=', COMPARISON],
  ['<=', COMPARISON],
  ['>=', COMPARISON],
  ['<<', "the operator '<<' (shift) is not supported; use + - * / ^ and functions"],
  ['>>', "the operator '>>' (shift) is not supported; use + - * / ^ and functions"],
  ['.*', "element-wise '.*' is not supported; write *"],
  ['./', "element-wise './' is not supported; write /"],
  ['.^', "element-wise '.^' is not supported; write ^"],
  ['?.', "optional chaining '?.' is not supported; write f(x) or w[i]"],
  ['??', "the operator '??' is not supported; write an expression"],
  ['<', COMPARISON],
  ['>', COMPARISON],
  ['!', "factorials '!' are not supported; write the product out"],
  ["'", "the quote ' is not part of an expression: for a derivative write diff(f, x), and strings are not expressions"],
  ['"', 'strings are not expressions; remove the quotes'],
  ['`', 'strings are not expressions; remove the quotes'],
  ['%', "'%' (percent or modulo) is not supported; write x/100"],
  ['#', "comments ('#') are not supported in expressions; put notes under by:"],
  ['?', "the conditional 'a ? b : c' is not supported; split the derivation into cases"],
  [':', "ranges 'a:b' are not supported; a step is one expression"],
  [
    ';',
    "several expressions separated by ';' are not supported; write one expression per step, or wrap a long one in parentheses",
  ],
  ['&', "the operator '&' (bitwise and) is not supported; use + - * / ^ and functions"],
  ['|', "'|' is not supported; for an absolute value write abs(x)"],
  ['~', "the operator '~' (bitwise not) is not supported; use + - * / ^ and functions"],
  ['{', 'braces { } are not brackets in expressions; group with ( ) and index arrays with [ ]'],
  ['}', 'braces { } are not brackets in expressions; group with ( ) and index arrays with [ ]'],
  ['\\', 'a backslash starts a LaTeX command; write LaTeX under latex: instead of expr:'],
  ['@', "'@' is not part of the expression syntax; remove it"],
  ['$', "'$' is not part of the expression syntax (in LaTeX steps it may surround the whole formula); remove it"],
];

/** the tokens of text, ending with an `end` token; throws ParseProblem at the first character no token can start */
export function tokenizeAscii(text: string): AsciiToken[] {
  const out: AsciiToken[] = [];
  let spaced = false;
  let i = 0;
  const push = (kind: AsciiKind, tokenText: string, at: number, end: number, glyph = false): void => {
    out.push(glyph ? { kind, text: tokenText, at, end, spaced, glyph } : { kind, text: tokenText, at, end, spaced });
    spaced = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      spaced = true;
      i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const end = numberEnd(text, i);
      push('num', text.slice(i, end), i, end);
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /[A-Za-z0-9_]+/y;
      m.lastIndex = i;
      const word = m.exec(text)![0];
      const foreign = FOREIGN_WORDS.get(word);
      if (foreign) fail('unsupported-syntax', foreign, i);
      push('name', word, i, i + word.length);
      i += word.length;
    } else if ('+-*/^'.includes(c) && !text.startsWith('**', i)) {
      push('op', c, i, i + 1);
      i++;
    } else if (c === '(' || c === '[') {
      push('open', c, i, i + 1);
      i++;
    } else if (c === ')' || c === ']') {
      push('close', c, i, i + 1);
      i++;
    } else if (c === ',') {
      push('comma', c, i, i + 1);
      i++;
    } else if (c === '=') {
      fail('unsupported-syntax', equalsProblem(text, i), i);
    } else {
      i = pastedOrRefused(text, i, push);
    }
  }
  out.push({ kind: 'end', text: '', at: text.length, end: text.length, spaced });
  return out;
}

/** reads a pasted character (− × · or a run of ² ³) at i, or refuses the character there; returns the offset after it */
function pastedOrRefused(
  text: string,
  i: number,
  push: (kind: AsciiKind, text: string, at: number, end: number, glyph?: boolean) => void,
): number {
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  const pasted = PASTED.get(ch);
  if (pasted?.kind === 'op') {
    push('op', pasted.op, i, i + 1);
    return i + 1;
  }
  if (pasted?.kind === 'superscript') {
    // a run of superscript digits is one exponent: x²³ is x^23
    let end = i;
    let digits = '';
    for (let p = PASTED.get(text[end]!); p?.kind === 'superscript'; p = PASTED.get(text[end]!)) {
      digits += p.digit;
      end++;
    }
    push('op', '^', i, i, true);
    push('num', digits, i, end, true);
    return end;
  }
  const foreign = FOREIGN_OPERATORS.find(([op]) => text.startsWith(op, i));
  if (foreign) fail('unsupported-syntax', foreign[1], i);
  if (ch === '.') fail('unsupported-syntax', "property access 'x.y' is not supported; write names without dots", i);
  return fail('syntax', characterProblem(ch) ?? `unexpected character '${ch}'; remove it`, i);
}

/** the offset just past the number literal starting at i, refusing literals that other tools read differently */
function numberEnd(text: string, i: number): number {
  if (/^0[xXbBoO][0-9A-Za-z]/.test(text.slice(i, i + 3))) {
    const word = /^0[0-9A-Za-z]+/.exec(text.slice(i))![0];
    fail(
      'syntax',
      `'${word}' is a ${{ x: 'hexadecimal', b: 'binary', o: 'octal' }[word[1]!.toLowerCase()]} literal in other syntaxes; write the number in decimal, or 0 * ${word.slice(1)} for a product`,
      i,
    );
  }
  const m = /\d*(?:\.\d*)?/y;
  m.lastIndex = i;
  let end = i + m.exec(text)![0].length;
  const exponent = /[eE]([+-]?)(\d*)/y;
  exponent.lastIndex = end;
  const e = exponent.exec(text);
  if (e && e[2] !== '') {
    // why: 1e999999 is a thousand-digit number once exact; its size counts against the same limit as written digits
    const digits = text.slice(i, end).replace(/\D/g, '').length;
    const power = e[2]!.replace(/^0+/, '');
    if (power.length > 9 || digits + Number(power) > MAX_NUMBER_DIGITS)
      fail(
        'limit',
        `a number in the expression has more than ${MAX_NUMBER_DIGITS} digits (limit MAX_NUMBER_DIGITS); write it shorter`,
        i,
      );
    end += e[0].length;
  } else if (e && e[1] !== '') {
    // `2e+x`: exponent notation without digits, or 2 times e plus x?
    fail(
      'syntax',
      `'${text.slice(i, end + 2)}' starts a number in exponent notation without digits; write 2e+3 for a number, or ${text.slice(i, end)} * e ${e[1]} ... for a product with the constant e`,
      i,
    );
  }
  const next = text[end];
  if (next === '_')
    fail(
      'syntax',
      `digit separators are not supported: '${/^[\d._]+/.exec(text.slice(i))![0]}' would read as a number times a name; write the digits without _, as in 1000`,
      i,
    );
  if (next === '.')
    fail('syntax', `'${/^[\d.]+/.exec(text.slice(i))![0]}' is not a number; write one decimal point`, i);
  return end;
}

/** the message for '=' at i: a definition written inline, an equation, or a comparison */
function equalsProblem(text: string, i: number): string {
  if (text[i + 1] === '=') return COMPARISON;
  if (/^\s*[A-Za-z_]\w*\s*\(\s*[A-Za-z_]\w*(\s*,\s*[A-Za-z_]\w*)*\s*\)\s*$/.test(text.slice(0, i)))
    return "a function definition 'f(x) = ...' is not supported here; write it under define as `f(x): ...`";
  return "'=' is not supported: a step is one expression, not an equation or assignment; write each side as its own step, and definitions under define";
}
