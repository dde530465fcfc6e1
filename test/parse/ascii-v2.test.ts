/**
 * The ASCII syntax of contract version 2, as the hand-written parser reads
 * it: implicit multiplication accepted only where every reader agrees on it
 * (the stoppers refused with both readings, at the column of the
 * juxtaposition), pasted Unicode, index literals from 1, `ln`, `abs`/`max`/
 * `min`, and a message for each mistake people were seen to make.
 */
import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../src/ir/operators.js';
import { REAL, type SymbolDecl } from '../../src/ir/symbols.js';
import { type ParseEnv, parseExpression } from '../../src/parse/expression.js';
import { parseLatex } from '../../src/parse/latex.js';
import { toAscii, toLatex } from '../../src/ir/print.js';
import { SEED_SYMBOLS } from '../helpers/seed-symbols.js';

const scalar = (name: string): [string, SymbolDecl] => [
  name,
  { kind: 'scalar', name, domain: REAL, opaque: false, independentOf: [] },
];
const env: ParseEnv = {
  symbols: new Map<string, SymbolDecl>([
    ...SEED_SYMBOLS,
    scalar('x'),
    scalar('lambda'),
    ['v', { kind: 'array', name: 'v', arity: 1, domain: REAL }],
  ]),
  functions: new Map([
    ['pN', 0],
    ['f', 2],
  ]),
};
const bare: ParseEnv = { symbols: SEED_SYMBOLS, functions: new Map() };

function key(text: string, e: ParseEnv = env): string {
  const r = parseExpression(text, e);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}@${r.error.offset}: ${r.error.message}`);
  return r.expr.key;
}

function error(text: string, e: ParseEnv = env) {
  const r = parseExpression(text, e);
  if (r.ok) throw new Error(`${text} parsed as ${r.expr.key}`);
  return r.error;
}

describe('implicit multiplication whose reading depends on precedence is refused with both readings', () => {
  it.each([
    // [text, env, offset of the second factor, left-to-right reading, the other reading]
    ['x^x (log(x) + 1)', env, 4, '(x^x) * (log(x) + 1)', 'x^(x (log(x) + 1))'],
    ['x^x (log(x) + 1)', bare, 4, '(x^x) * (log(x) + 1)', 'x^(x (log(x) + 1))'],
    ['lambda/2 v[j]', env, 9, '(lambda / 2) * v[j]', 'lambda / (2 v[j])'],
    ['a / (1 + b) v[k]', env, 12, '(a / (1 + b)) * v[k]', 'a / ((1 + b) v[k])'],
    ['1/2 x', env, 4, '(1 / 2) * x', '1 / (2 x)'],
    ['1/2x', env, 3, '(1 / 2) * x', '1 / (2 x)'],
    ['a / x (y)', env, 6, '(a / x) * (y)', 'a / (x (y))'],
    ['a / g (y)', bare, 6, '(a / g) * (y)', 'a / (g (y))'],
    ['x^2 y', env, 4, '(x^2) * y', 'x^(2 y)'],
    ['e^-x y', env, 5, '(e^-x) * y', 'e^(-x y)'],
    ['x^y^z w', env, 6, '(x^y^z) * w', 'x^y^(z w)'],
    ['-x^2 y', env, 5, '(-x^2) * y', '-x^(2 y)'],
    ['s[j] (1 - s[j])^2', env, 5, 's[j] * (1 - s[j])^2', '(s[j] (1 - s[j]))^2'],
    ['2 pN (x)^2', env, 5, 'pN * (x)^2', '(pN (x))^2'],
    ['-x (y)^3', env, 3, 'x * (y)^3', '(x (y))^3'],
  ])('%s', (text, e, offset, leftToRight, other) => {
    const err = error(text, e);
    expect(err.code).toBe('ambiguous');
    expect(err.offset).toBe(offset);
    expect(err.message).toContain(leftToRight);
    expect(err.message).toContain(other);
    expect(err.message).toMatch(/write .+ or .+/);
  });

  it.each([
    ['x 2', 2],
    ['x^2 3', 4],
    ['(a + b) 2', 8],
    ['1 2', 2],
    ['x 2^3', 2],
    ['--2 2^2', 4],
  ])('a number after a factor (%s) is refused at the number', (text, offset) => {
    expect(error(text)).toMatchObject({ code: 'ambiguous', offset });
  });

  it('the explicit spellings the messages suggest read as the two readings', () => {
    expect(key('x^x * (log(x) + 1)')).toBe('(* (^ x x) (+ (log x) 1))');
    expect(key('x^(x (log(x) + 1))')).toBe('(^ x (* x (+ (log x) 1)))');
    expect(key('lambda / 2 * v[j]')).toBe('(* lambda (^ 2 -1) v[j])');
    expect(key('lambda / (2 * v[j])')).toBe('(* lambda (^ (* 2 v[j]) -1))');
  });
});

describe('implicit multiplication that every reader reads alike is accepted', () => {
  it.each([
    ['2x', '(* 2 x)'],
    ['2 sin(x)', '(* 2 (sin x))'],
    ['s[j] (s[i] - p)', '(* s[j] (+ s[i] (* -1 p)))'],
    ['2 s[j] (s[i] - p)', '(* 2 s[j] (+ s[i] (* -1 p)))'],
    ['2 pi', '(* 2 #pi)'],
    ['(a+b)(c+d)', '(* (+ a b) (+ c d))'],
    ['-a b', '(* (* -1 a) b)'],
    ['a * b c', '(* a (* b c))'],
    ['a b / c', '(* a b (^ c -1))'],
    ['x^(2) y', '(* (^ x 2) y)'],
    ['x (y + 1) z', '(* x (+ y 1) z)'],
    ['exp(x)(1 - exp(x))', '(* (exp x) (+ 1 (* -1 (exp x))))'],
    ['a / b * c d', '(* a (^ b -1) (* c d))'],
    ['2 (x)^2', '(* 2 (^ x 2))'],
    ['(a)(b)^2', '(* a (^ b 2))'],
    ['exp(x) (y)^2', '(* (exp x) (^ y 2))'],
    ['x (y)²', '(* x (^ y 2))'],
    ['x^(2) (y)^2', '(* (^ x 2) (^ y 2))'],
  ])('%s reads as %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });
});

describe('Unicode pasted from documents', () => {
  it.each([
    ['x − 1', '(+ x -1)'],
    ['−x', '(* -1 x)'],
    ['3 × x', '(* 3 x)'],
    ['2·y', '(* 2 y)'],
    ['x²', '(^ x 2)'],
    ['x³ + 1', '(+ (^ x 3) 1)'],
    ['x²³', '(^ x 23)'],
    ['x²y', '(* (^ x 2) y)'],
    ['(x + 1)²', '(^ (+ x 1) 2)'],
  ])('%s reads as %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it('a superscript next to ^ is refused: the glyph hides how the powers group', () => {
    for (const [text, offset] of [
      ['x²^3', 1],
      ['x^2²', 3],
      ['e^x²', 3],
    ] as const)
      expect(error(text)).toMatchObject({ code: 'ambiguous', offset });
    expect(key('x^(y²)')).toBe('(^ x (^ y 2))');
    expect(key('(x²)^3')).toBe('(^ (^ x 2) 3)');
  });

  it('columns still point at the original text', () => {
    // the error is at 'sgima', after two pasted characters that stand for three ASCII ones
    expect(error('x² × sgima(x)')).toMatchObject({ code: 'unknown-function', offset: 5 });
    expect(error('y³ − q[i]')).toMatchObject({ code: 'undeclared-array', offset: 5 });
  });

  it.each([
    ['λ + 1', 0, 'U+03BB GREEK SMALL LETTER LAMBDA', 'lambda'],
    ['x – 1', 2, 'U+2013 EN DASH', 'write - for minus'],
    ['2 ⋅ x', 2, 'U+22C5 DOT OPERATOR', 'write *'],
    ['x\u00a0+ 1', 1, 'U+00A0 NO-BREAK SPACE', 'plain space'],
    ['σ(x)', 0, 'U+03C3 GREEK SMALL LETTER SIGMA', 'sigma(x)'],
    ['x⁴', 1, 'U+2074 SUPERSCRIPT FOUR', 'x^4'],
    ['x + ☃', 4, 'U+2603', 'ASCII'],
    ['x\f+ 1', 1, 'U+000C FORM FEED', 'delete it'],
  ])('%j is an error at %d naming %s', (text, offset, name, advice) => {
    const err = error(text);
    expect(err.offset).toBe(offset);
    expect(err.message).toContain(name);
    expect(err.message).toContain(advice);
  });
});

describe('index literals are units, 1 or more', () => {
  it('w[0, k] and delta(k, 0) are errors at the 0', () => {
    expect(error('w[0, k]')).toMatchObject({ code: 'bad-index', offset: 2 });
    expect(error('w[0, k]').message).toContain('numbered from 1');
    expect(error('sum(k, delta(k, 0))')).toMatchObject({ code: 'bad-delta', offset: 16 });
  });
  it('w[1, k] and delta(k, 10) read', () => {
    expect(key('w[1, k] * delta(k, 10)')).toBe('(* w[1,k] (delta k 10))');
  });
});

describe('version 2 functions', () => {
  it('ln is log', () => {
    expect(key('ln(x) + log(x)')).toBe('(+ (log x) (log x))');
    expect(error('ln(x, 2)')).toMatchObject({ code: 'arity', offset: 0 });
  });

  it.each([
    ['abs(x - 1)', 'abs', 1],
    ['max(x, 0)', 'max', 2],
    ['min(x, y)', 'min', 2],
  ])('%s is a call of %s with its arity', (text, fn, arity) => {
    const r = parseExpression(text, env);
    expect(BUILTINS.has(fn)).toBe(true);
    expect(r.ok && r.expr.kind === 'call' && r.expr.fn === fn && r.expr.args.length === arity).toBe(true);
    // the arity is checked either way
    expect(error(`${fn}(x, y, z)`).code).toBe('arity');
  });

  it('max and min are never suggested as another function (they once pointed at tan)', () => {
    expect(key('max(a, b)')).toBe('(max a b)');
    expect(error('maxx(a, b)').message).toContain("did you mean 'max'?");
  });
});

describe('the mistakes people make get a message that says what to write', () => {
  it.each([
    ['x**3', 'unsupported-syntax', 1, 'write ^, as in x^3'],
    ['d/dx (x^2)', 'unsupported-syntax', 0, 'write diff(..., x)'],
    ['2 * d/dx (x^2)', 'unsupported-syntax', 4, 'write diff(..., x)'],
    ['d/dw[i, j] (log(pN))', 'unsupported-syntax', 0, 'write diff(..., w[i,j])'],
    ['df/dx', 'unsupported-syntax', 0, 'write diff(f, x)'],
    ['sin^2(x) + cos(x)^2', 'unsupported-syntax', 0, 'write sin(x)^2'],
    ['sin^-1(x)', 'unsupported-syntax', 0, 'asin(x)'],
    ['sigma^2 + 1', 'reserved-name', 0, 'logistic function'],
    ['x / sigma', 'arity', 4, 'such as sd or s2'],
    ['1_000 * x', 'syntax', 0, 'write the digits without _'],
    ['0x10', 'syntax', 0, 'write the number in decimal'],
    ['2e+x', 'syntax', 0, 'exponent notation'],
    ['pi[i] + 1', 'reserved-name', 0, 'cannot be indexed'],
    ['sin[x]', 'syntax', 0, 'sin(x)'],
    ['x mod y', 'unsupported-syntax', 2, 'modulo'],
    ['x + NaN', 'unsupported-syntax', 4, 'finite decimal'],
    ['|x|', 'unsupported-syntax', 0, 'abs(x)'],
    ['x = 1', 'unsupported-syntax', 2, 'not an equation'],
    ['\\frac{1}{2}', 'unsupported-syntax', 0, 'latex:'],
  ])('%s: %s at %d, saying %j', (text, code, offset, says) => {
    const err = error(text);
    expect(err).toMatchObject({ code, offset });
    expect(err.message).toContain(says);
  });

  it('x_j when x is a declared array: did you mean x[j]?', () => {
    expect(error('s_j + 1')).toMatchObject({ code: 'array-as-scalar', offset: 0 });
    expect(error('s_j + 1').message).toContain('did you mean s[j]?');
    expect(error('2 * w_ij').message).toContain('did you mean w[i, j]?');
    expect(error('w_i_k').message).toContain('did you mean w[i, k]?');
    expect(error('s_R').message).toContain('to use s_R as a name of its own, declare it under symbols');
    // a name with an underscore is still a name when its head is not an array
    expect(key('x_j + p_R')).toBe('(+ x_j p_R)');
  });

  it('d/dx is read as a quotient when d or dx is declared', () => {
    const declared: ParseEnv = { symbols: new Map([scalar('d'), scalar('dx')]), functions: new Map() };
    expect(key('d/dx', declared)).toBe('(* d (^ dx -1))');
  });
});

describe('abs, max and min in LaTeX', () => {
  it('\\max(a, b), \\min(a, b) and \\operatorname{abs}(x) read as the ASCII calls; |x| says what to write', () => {
    const latex = (t: string) => parseLatex(t, env);
    const r1 = latex('\\max(0, x)');
    expect(r1.ok && r1.expr.key).toBe('(max 0 x)');
    const r2 = latex('\\min\\left(x, y\\right) + \\operatorname{abs}(x)');
    expect(r2.ok && r2.expr.key).toBe('(+ (min x y) (abs x))');
    const r3 = latex('\\max(x)');
    expect(!r3.ok && r3.error.code).toBe('arity');
    const r4 = latex('|x|');
    expect(!r4.ok && r4.error.message).toContain('\\operatorname{abs}(x)');
  });
  it('the printers write what the readers read back', () => {
    for (const text of ['abs(x - 1) * max(x, 2)', 'min(abs(x), y)']) {
      const e = parseExpression(text, env);
      if (!e.ok) throw new Error(text);
      const back = parseLatex(toLatex(e.expr), env);
      expect(back.ok && back.expr.key, toLatex(e.expr)).toBe(e.expr.key);
      const ascii = parseExpression(toAscii(e.expr), env);
      expect(ascii.ok && ascii.expr.key).toBe(e.expr.key);
    }
  });
});
