/**
 * The LaTeX reader under contract version 2: slashes inside braces that
 * leave no doubt (`x^{-1/2}`), TeX notations whose display differs from the
 * reading refused (`\sin{x}^2`, `\sqrt x^2`, `{a+b}^2`), pasted Unicode,
 * invisible characters (what a YAML escape leaves), and index literals from 1.
 */
import { describe, expect, it } from 'vitest';
import { REAL, type SymbolDecl } from '../../src/ir/symbols.js';
import { type ParseEnv, parseExpression } from '../../src/parse/expression.js';
import { parseLatex } from '../../src/parse/latex.js';
import { SEED_SYMBOLS } from '../helpers/seed-symbols.js';

const env: ParseEnv = {
  symbols: new Map<string, SymbolDecl>([
    ...SEED_SYMBOLS,
    ['x', { kind: 'scalar', name: 'x', domain: REAL, opaque: false, independentOf: [] }],
  ]),
  functions: new Map(),
};

function latexKey(text: string): string {
  const r = parseLatex(text, env);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}@${r.error.offset}: ${r.error.message}`);
  return r.expr.key;
}
function asciiKey(text: string): string {
  const r = parseExpression(text, env);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.expr.key;
}
function latexError(text: string) {
  const r = parseLatex(text, env);
  if (r.ok) throw new Error(`${text} read as ${r.expr.key}`);
  return r.error;
}

describe('a slash inside braces that leaves no doubt is read', () => {
  it.each([
    ['x^{-1/2}', 'x^(-1/2)'],
    ['x^{1/2}', 'x^(1/2)'],
    ['x^{(a+1)/2}', 'x^((a+1)/2)'],
    ['e^{-x^2/2}', 'e^(-x^2/2)'],
    ['\\frac{a/b}{c}', '(a/b)/(c)'],
    ['{1/2} x', '(1/2) x'],
    ['x^{a b/c}', 'x^(a b/c)'],
  ])('%s reads as the ASCII %s', (latex, ascii) => {
    expect(latexKey(latex)).toBe(asciiKey(ascii));
  });

  it('a juxtaposition after the divisor is refused, as in the ASCII syntax', () => {
    expect(latexError('x^{1/2x}')).toMatchObject({ code: 'ambiguous', offset: 6 });
    expect(latexError('x^{1/2x}').message).toContain('\\frac{1}{2}');
  });

  it('outside braces a slash is still refused, saying where it may go', () => {
    const e = latexError('1/2 x');
    expect(e).toMatchObject({ code: 'unsupported-syntax', offset: 1 });
    expect(e.message).toContain('x^{-1/2}');
  });
});

describe('TeX notations whose display differs from the reading are refused', () => {
  it.each([
    ['\\sin{x}^2', 7, '\\sin(x)^2'],
    ['\\log{x}^{2}', 7, '\\log(x)^2'],
    ['\\sqrt x^2', 7, '\\sqrt{x}^2'],
    ['{a+b}^2', 5, '\\left('],
    ['{-x}^2', 4, '\\left('],
    ['{x^2}^3', 5, '\\left('],
  ])('%s is refused at %d, suggesting %s', (text, offset, fix) => {
    const e = latexError(text);
    expect(e.offset).toBe(offset);
    expect(e.message).toContain(fix);
  });

  it.each([
    ['\\sin(x)^2', '(^ (sin x) 2)'],
    ['\\sin x^2', '(sin (^ x 2))'],
    ['\\sqrt{x}^2', '(^ (sqrt x) 2)'],
    ['\\sqrt{x^2}', '(sqrt (^ x 2))'],
    ['{x}^2', '(^ x 2)'],
    ['{w_{ij}}^2', '(^ w[i,j] 2)'],
    ['\\left(a+b\\right)^2', '(^ (+ a b) 2)'],
    ['\\frac{a}{b}^2', '(^ (* a (^ b -1)) 2)'],
  ])('%s reads as displayed: %s', (text, key) => {
    expect(latexKey(text)).toBe(key);
  });
});

describe('Unicode and invisible characters', () => {
  it.each([
    ['x² − 1', '(+ (^ x 2) -1)'],
    ['2 × x', '(* 2 x)'],
    ['a · b', '(* a b)'],
    ['x²³', '(^ x 23)'],
  ])('%s reads as %s', (text, key) => {
    expect(latexKey(text)).toBe(key);
  });

  it('pasted characters are read as their ASCII meaning, like the ASCII reader', () => {
    expect(latexKey('x² − 1')).toBe(asciiKey('x^2 - 1'));
  });

  it('other non-ASCII characters are named, with the LaTeX to write', () => {
    const e = latexError('\\sigma(x) + λ');
    expect(e.offset).toBe(12);
    expect(e.message).toContain('U+03BB GREEK SMALL LETTER LAMBDA');
    expect(e.message).toContain('\\lambda');
  });

  it('a form feed (what YAML makes of "\\frac" in double quotes) is named, not read as a space', () => {
    const e = latexError('\frac{1}{2}');
    expect(e.offset).toBe(0);
    expect(e.message).toContain('U+000C FORM FEED');
  });
});

describe('index literals are units, 1 or more', () => {
  it('w_{0k} and \\delta_{k0} are errors at the 0', () => {
    expect(latexError('w_{0k}')).toMatchObject({ code: 'bad-index', offset: 3 });
    expect(latexError('\\delta_{k0}')).toMatchObject({ code: 'bad-delta', offset: 9 });
    expect(latexKey('w_{1k}')).toBe('w[1,k]');
  });
});
