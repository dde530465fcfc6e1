/**
 * Characters pasted from documents. A few non-ASCII characters have exactly
 * one ASCII meaning in a formula (the minus sign, the multiplication signs,
 * superscript two and three), and both readers read them as that meaning, at
 * the character's own offset so that columns point at the original text.
 * Every other non-ASCII character, and every control character, is an error
 * that names it (its U+ code, and its Unicode name where this table knows it)
 * and says what to write instead.
 */

/** what a pasted character means: an operator, or an exponent written as a superscript */
type Pasted =
  | { readonly kind: 'op'; readonly op: '-' | '*' }
  | { readonly kind: 'superscript'; readonly digit: string };

/** the pasted characters read as ASCII (contract version 2): − × · ² ³ */
export const PASTED: ReadonlyMap<string, Pasted> = new Map<string, Pasted>([
  ['\u2212', { kind: 'op', op: '-' }], // MINUS SIGN
  ['\u00d7', { kind: 'op', op: '*' }], // MULTIPLICATION SIGN
  ['\u00b7', { kind: 'op', op: '*' }], // MIDDLE DOT
  ['\u00b2', { kind: 'superscript', digit: '2' }], // SUPERSCRIPT TWO
  ['\u00b3', { kind: 'superscript', digit: '3' }], // SUPERSCRIPT THREE
]);

const GREEK_NAMES = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'omicron',
  'pi',
  'rho',
  'final sigma',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
];

/** Unicode names and advice for the characters people paste most often */
const KNOWN: ReadonlyMap<number, readonly [name: string, advice: string]> = new Map<number, readonly [string, string]>([
  [0x2013, ['EN DASH', 'write - for minus']],
  [0x2014, ['EM DASH', 'write - for minus']],
  [0x2010, ['HYPHEN', 'write - for minus']],
  [0x2011, ['NON-BREAKING HYPHEN', 'write - for minus']],
  [0x22c5, ['DOT OPERATOR', 'write * for multiplication']],
  [0x2219, ['BULLET OPERATOR', 'write * for multiplication']],
  [0x2022, ['BULLET', 'write * for multiplication']],
  [0x2217, ['ASTERISK OPERATOR', 'write * for multiplication']],
  [0x00f7, ['DIVISION SIGN', 'write / for division']],
  [0x2215, ['DIVISION SLASH', 'write / for division']],
  [0x2044, ['FRACTION SLASH', 'write / for division']],
  [0x00b9, ['SUPERSCRIPT ONE', 'write ^1']],
  [0x2070, ['SUPERSCRIPT ZERO', 'write ^ and the exponent, as in x^0']],
  [0x2074, ['SUPERSCRIPT FOUR', 'write ^ and the exponent, as in x^4']],
  [0x2075, ['SUPERSCRIPT FIVE', 'write ^ and the exponent, as in x^5']],
  [0x2076, ['SUPERSCRIPT SIX', 'write ^ and the exponent, as in x^6']],
  [0x2077, ['SUPERSCRIPT SEVEN', 'write ^ and the exponent, as in x^7']],
  [0x2078, ['SUPERSCRIPT EIGHT', 'write ^ and the exponent, as in x^8']],
  [0x2079, ['SUPERSCRIPT NINE', 'write ^ and the exponent, as in x^9']],
  [0x207a, ['SUPERSCRIPT PLUS SIGN', 'write ^ and the exponent in brackets, as in x^(+1)']],
  [0x207b, ['SUPERSCRIPT MINUS', 'write ^ and the exponent in brackets, as in x^(-1)']],
  [0x00a0, ['NO-BREAK SPACE', 'replace it with a plain space']],
  [0x2009, ['THIN SPACE', 'replace it with a plain space']],
  [0x202f, ['NARROW NO-BREAK SPACE', 'replace it with a plain space']],
  [0x200b, ['ZERO WIDTH SPACE', 'delete it']],
  [0xfeff, ['ZERO WIDTH NO-BREAK SPACE (byte order mark)', 'delete it']],
  [0x2018, ['LEFT SINGLE QUOTATION MARK', 'remove it: expressions have no quotes']],
  [
    0x2019,
    ['RIGHT SINGLE QUOTATION MARK', 'remove it: expressions have no quotes (for a derivative write diff(f, x))'],
  ],
  [0x201c, ['LEFT DOUBLE QUOTATION MARK', 'remove it: expressions have no quotes']],
  [0x201d, ['RIGHT DOUBLE QUOTATION MARK', 'remove it: expressions have no quotes']],
  [0x2032, ['PRIME', 'for a derivative write diff(f, x)']],
  [0x2202, ['PARTIAL DIFFERENTIAL', 'for a derivative write diff(f, x)']],
  [0x2207, ['NABLA', 'write each partial derivative as diff(f, x)']],
  [0x2211, ['N-ARY SUMMATION', 'write sum(k, body)']],
  [0x220f, ['N-ARY PRODUCT', 'write the product out, or a sum of logs']],
  [0x222b, ['INTEGRAL', 'integrals are not supported']],
  [0x221a, ['SQUARE ROOT', 'write sqrt(x)']],
  [0x221e, ['INFINITY', 'expressions are finite']],
  [0x00b1, ['PLUS-MINUS SIGN', 'split the derivation into two cases']],
  [0x2264, ['LESS-THAN OR EQUAL TO', 'a step is an expression, not an inequality']],
  [0x2265, ['GREATER-THAN OR EQUAL TO', 'a step is an expression, not an inequality']],
  [0x2260, ['NOT EQUAL TO', 'a step is an expression, not an inequality']],
  [0x2248, ['ALMOST EQUAL TO', 'a step is an expression']],
  [0x2026, ['HORIZONTAL ELLIPSIS', 'write a sum(k, ...) instead']],
  [0x00b5, ['MICRO SIGN', 'write mu']],
  [0x2016, ['DOUBLE VERTICAL LINE', 'norms are not supported; write the sum of squares']],
  [0xff08, ['FULLWIDTH LEFT PARENTHESIS', 'write (']],
  [0xff09, ['FULLWIDTH RIGHT PARENTHESIS', 'write )']],
  [0xff0c, ['FULLWIDTH COMMA', 'write ,']],
  [0xff0b, ['FULLWIDTH PLUS SIGN', 'write +']],
  [0xff1d, ['FULLWIDTH EQUALS SIGN', 'a step is one expression']],
]);

const CONTROL_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'NULL'],
  [0x07, 'BELL'],
  [0x08, 'BACKSPACE'],
  [0x0b, 'LINE TABULATION'],
  [0x0c, 'FORM FEED'],
  [0x1b, 'ESCAPE'],
  [0x7f, 'DELETE'],
  [0x85, 'NEXT LINE'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
]);

/** `U+03BB` */
function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** the Unicode name of a Greek letter (U+0391..U+03C9), if cp is one, and its Latin spelling */
function greek(cp: number): { name: string; latin: string } | undefined {
  const lower = cp >= 0x03b1 && cp <= 0x03c9;
  const upper = cp >= 0x0391 && cp <= 0x03a9 && cp !== 0x03a2;
  if (!lower && !upper) return undefined;
  const latin = GREEK_NAMES[cp - (lower ? 0x03b1 : 0x0391)]!;
  return { name: `GREEK ${lower ? 'SMALL' : 'CAPITAL'} LETTER ${latin.toUpperCase()}`, latin };
}

/** what to write instead of a Greek letter (in LaTeX: its command): its Latin name, except where that name means something else */
function greekAdvice(latin: string, capital: boolean, latex: boolean): string {
  const name = capital ? `${latin.charAt(0).toUpperCase()}${latin.slice(1)}` : latin;
  if (latex) return latin === 'final sigma' ? 'write \\sigma' : `write \\${name}`;
  if (capital) return `write a name in ASCII letters, such as ${name}`;
  if (latin === 'pi') return 'write pi';
  if (latin === 'sigma' || latin === 'final sigma')
    return 'write sigma(x) for the logistic function, or another name such as sd for a standard deviation';
  if (latin === 'delta') return 'write delta(i, j) for the Kronecker delta, or another name such as d for a quantity';
  return `write its name in ASCII letters, ${latin}`;
}

/**
 * The message for a character that no reader accepts, or undefined when `ch`
 * is printable ASCII or one of the pasted characters read as ASCII. `ch` is
 * one code point (a surrogate pair counts as one).
 */
export function characterProblem(ch: string, latex = false): string | undefined {
  const cp = ch.codePointAt(0)!;
  if (PASTED.has(ch)) return undefined;
  const isControl = cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0x2028 || cp === 0x2029;
  if (isControl && ch !== '\t' && ch !== '\n' && ch !== '\r') {
    const name = CONTROL_NAMES.get(cp);
    return `the expression contains the control character ${codePointLabel(cp)}${name ? ` ${name}` : ''}, which is invisible; delete it`;
  }
  if (cp < 0x80) return undefined;
  if (cp >= 0xd800 && cp <= 0xdfff)
    return `the expression contains ${codePointLabel(cp)}, half of a character (a lone surrogate); retype it in ASCII`;
  const g = greek(cp);
  if (g) return `'${ch}' (${codePointLabel(cp)} ${g.name}) is not ASCII; ${greekAdvice(g.latin, cp < 0x03b1, latex)}`;
  const known = KNOWN.get(cp);
  const shown = `'${ch}' (${codePointLabel(cp)}${known ? ` ${known[0]}` : ''})`;
  const advice = known ? known[1] : 'retype it in ASCII: names are ASCII letters, digits and _';
  return `${shown} is not ASCII; ${advice} (only − × · ² ³ are read as their ASCII meaning)`;
}
