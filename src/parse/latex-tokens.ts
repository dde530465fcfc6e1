/**
 * The LaTeX lexer: text to tokens with offsets. It removes what carries no
 * meaning for the checker (spacing commands, `\left.`, size commands), folds
 * `\left(` into `(`, reads the braced content of `\mathrm{...}`-like commands
 * as one token, and matches TeX braces `{ }` up front so the reader can look
 * ahead across a group (which `\frac{d}{dx}` needs).
 */
import { fail } from './problem.js';
import { PASTED, characterProblem } from './unicode.js';

/** what a token is; see Token.text for what each carries */
type TokenKind = 'num' | 'letter' | 'cmd' | 'styled' | 'open' | 'close' | 'op' | 'end';

/** one token of the LaTeX subset */
export interface Token {
  readonly kind: TokenKind;
  /**
   * num: the digits; letter: the letter; cmd: the command without backslash;
   * styled: the braced content; open/close: `(` `[` `{` `\{` or their partner;
   * op: the character; end: ''
   */
  readonly text: string;
  /** styled only: mathrm, mathit, operatorname or text */
  readonly style?: string;
  /** 0-based offset of the token's first character */
  readonly at: number;
  /** whitespace or a spacing command separates it from the previous token */
  readonly spaced: boolean;
}

/** the tokens of a text, ending with an `end` token, and the partner of each TeX brace */
export interface Tokens {
  readonly list: readonly Token[];
  /** index of `{` -> index of its `}` (TeX groups only) */
  readonly braceEnd: ReadonlyMap<number, number>;
}

/** why: these only change spacing or size in print; they never change the value */
const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
  'quad',
  'qquad',
  'displaystyle',
  'textstyle',
  'limits',
  'nolimits',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
]);
const IGNORED_SYMBOLS = ',;!:> ';
/** commands whose braced argument is read as one token (a name or text) */
const STYLED = new Set(['mathrm', 'mathit', 'operatorname', 'text', 'textrm', 'textit']);
/** bracket delimiters after \left / \right (and bare): the token text they become */
const DELIMITERS: ReadonlyMap<string, string> = new Map([
  ['(', '('],
  [')', ')'],
  ['[', '['],
  [']', ']'],
  ['\\{', '\\{'],
  ['\\}', '\\}'],
  ['\\lbrace', '\\{'],
  ['\\rbrace', '\\}'],
]);
const OPENERS = new Set(['(', '[', '\\{']);
const OPERATOR_CHARS = '+-*/^_,=<>!|\'&;:.?@"#';

/** the tokens of text, or a `syntax`/`unsupported-syntax` problem (thrown as ParseProblem) */
export function tokenize(text: string): Tokens {
  const list: Token[] = [];
  const braceEnd = new Map<number, number>();
  const openBraces: number[] = [];
  let spaced = false;
  let i = 0;
  const push = (kind: TokenKind, tokenText: string, at: number, style?: string): void => {
    list.push(
      style === undefined ? { kind, text: tokenText, at, spaced } : { kind, text: tokenText, at, spaced, style },
    );
    spaced = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    // why: only these four are whitespace; \f, \v and other invisible characters are refused by name (a YAML escape makes them)
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '~') {
      spaced = true;
      i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i = digits(text, i, push);
    } else if (/[A-Za-z]/.test(c)) {
      push('letter', c, i);
      i++;
    } else if (c === '\\') {
      i = command(text, i, push, () => (spaced = true));
    } else if (c === '{') {
      openBraces.push(list.length);
      push('open', '{', i);
      i++;
    } else if (c === '}') {
      const open = openBraces.pop();
      if (open === undefined) fail('syntax', "this '}' closes no '{'; remove it or add the missing '{'", i);
      braceEnd.set(open, list.length);
      push('close', '}', i);
      i++;
    } else if (c === '(' || c === '[' || c === ')' || c === ']') {
      push(c === '(' || c === '[' ? 'open' : 'close', c, i);
      i++;
    } else if (c === '%' || c === '$') {
      refuseInside(c, i);
    } else if (OPERATOR_CHARS.includes(c)) {
      push('op', c, i);
      i++;
    } else {
      i = pasted(text, i, push, () => {
        const open = list.length;
        return () => braceEnd.set(open, list.length);
      });
    }
  }
  const unclosed = openBraces.pop();
  if (unclosed !== undefined) fail('syntax', "this '{' is never closed; add the matching '}'", list[unclosed]!.at);
  list.push({ kind: 'end', text: '', at: text.length, spaced });
  return { list, braceEnd };
}

type Push = (kind: TokenKind, text: string, at: number, style?: string) => void;

/** the number at i (`12`, `3.25`, `.5`) pushed as one token; the index after it */
function digits(text: string, i: number, push: Push): number {
  const m = /\d+(?:\.\d+)?|\.\d+/y;
  m.lastIndex = i;
  const run = m.exec(text)![0];
  push('num', run, i);
  return i + run.length;
}

/** the refusal of a TeX comment `%` or a math delimiter `$` inside the formula */
function refuseInside(c: '%' | '$', at: number): never {
  if (c === '%') fail('unsupported-syntax', "comments ('%') are not supported in expressions; put notes under by:", at);
  return fail(
    'unsupported-syntax',
    "'$' is only allowed around the whole formula; remove it or write the formula without math delimiters",
    at,
  );
}

/**
 * a pasted character at i read as ASCII (`−` `×` `·`; a run of `²` `³` as a
 * braced exponent, `x²³` is x^{23}), or the error naming the character;
 * returns the offset after it. `group` marks where a brace group opens and
 * returns the function that closes it.
 */
function pasted(text: string, i: number, push: Push, group: () => () => void): number {
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  const p = PASTED.get(ch);
  if (p?.kind === 'op') {
    push('op', p.op, i);
    return i + 1;
  }
  if (p?.kind === 'superscript') {
    let end = i;
    let digits = '';
    for (let q = PASTED.get(text[end]!); q?.kind === 'superscript'; q = PASTED.get(text[end]!)) {
      digits += q.digit;
      end++;
    }
    push('op', '^', i);
    const close = group();
    push('open', '{', i);
    push('num', digits, i);
    close();
    push('close', '}', end - 1);
    return end;
  }
  return fail(
    'syntax',
    characterProblem(ch, true) ??
      `unexpected character '${ch}'; write LaTeX commands for symbols (\\alpha, \\cdot, ...)`,
    i,
  );
}

/** reads the command starting with the backslash at `at`; returns the offset after it */
function command(text: string, at: number, push: Push, space: () => void): number {
  const next = text[at + 1];
  if (next === undefined)
    fail('syntax', 'the expression ends with a lone backslash; remove it or complete the command', at);
  if (!/[A-Za-z]/.test(next)) {
    if (IGNORED_SYMBOLS.includes(next)) {
      space();
      return at + 2;
    }
    if (next === '{' || next === '}') {
      push(next === '{' ? 'open' : 'close', `\\${next}`, at);
      return at + 2;
    }
    if (next === '(' || next === '[')
      fail('unsupported-syntax', `'\\${next}' opens a math block; the formula is math already, so remove it`, at);
    return fail('unsupported-syntax', `the command '\\${next}' is not supported in expressions`, at);
  }
  const name = /[A-Za-z]+/y;
  name.lastIndex = at + 1;
  const word = name.exec(text)![0];
  const end = at + 1 + word.length;
  if (IGNORED_COMMANDS.has(word)) {
    space();
    return end;
  }
  if (word === 'left' || word === 'right') return delimiter(text, at, end, word, push);
  if (STYLED.has(word)) {
    const arg = styledArgument(text, end, word, at);
    push('styled', arg.content, at, word.startsWith('text') ? 'text' : word);
    return arg.end;
  }
  push('cmd', word, at);
  return end;
}

/** `\left(`, `\right]`, `\left.`: the bracket token it stands for (none for `.`) */
function delimiter(text: string, at: number, from: number, word: string, push: Push): number {
  let k = from;
  while (k < text.length && /\s/u.test(text[k]!)) k++;
  if (text[k] === '.') return k + 1; // why: \left. and \right. are invisible, only there to balance the other side
  const m = /\\lbrace|\\rbrace|\\[{}]|[()[\]]/y;
  m.lastIndex = k;
  const found = m.exec(text)?.[0];
  const bracket = found === undefined ? undefined : DELIMITERS.get(found);
  if (bracket === undefined) {
    return fail(
      'unsupported-syntax',
      `only (, [, \\{ and . may follow \\${word} (absolute values |x| and other delimiters are not supported); write \\${word}( or \\${word}.`,
      at,
    );
  }
  const opens = OPENERS.has(bracket);
  if (opens !== (word === 'left'))
    fail('syntax', `\\${word} must be followed by ${word === 'left' ? 'an opening' : 'a closing'} bracket`, at);
  push(opens ? 'open' : 'close', bracket, at);
  return k + found!.length;
}

/** the argument of `\mathrm{...}` and its kind: braced text (no nested braces), or a single letter as in `\mathrm d` */
function styledArgument(text: string, from: number, word: string, at: number): { content: string; end: number } {
  let k = from;
  while (k < text.length && /\s/u.test(text[k]!)) k++;
  if (text[k] !== '{') {
    if (text[k] !== undefined && /[A-Za-z]/.test(text[k]!)) return { content: text[k]!, end: k + 1 };
    return fail('syntax', `\\${word} must be followed by braces, as in \\${word}{pR}`, at);
  }
  const close = text.indexOf('}', k + 1);
  if (close < 0) return fail('syntax', `the braces after \\${word} are never closed; add '}'`, k);
  if (text.slice(k + 1, close).includes('{'))
    return fail('unsupported-syntax', `\\${word}{...} may contain only a plain name, without commands or braces`, at);
  return { content: text.slice(k + 1, close), end: close + 1 };
}
