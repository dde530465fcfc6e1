import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_EXPRESSION_CHARS,
  MAX_NESTING,
  MAX_NODES,
  MAX_NUMBER_DIGITS,
  MAX_TREE_DEPTH,
  emptyParseEnv,
  parseExpression,
  type ParseEnv,
} from '../../src/parse/expression.js';
import { SEED_SYMBOLS } from '../helpers/seed-symbols.js';
import { toAscii } from '../../src/ir/print.js';

/** the seed's declarations: indices i, j, k; s[k] binary; w[i,k]; pR opaque; a(u) and pN defined */
const symbols = SEED_SYMBOLS;
const env: ParseEnv = {
  symbols,
  functions: new Map([
    ['a', 1],
    ['pN', 0],
    ['f', 2],
  ]),
};

/** the IR key of text, failing the test with the error when it does not parse */
function key(text: string, e: ParseEnv = env): string {
  const r = parseExpression(text, e);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}: ${r.error.message}`);
  return r.expr.key;
}

/** the error of text, failing the test when it parses */
function error(text: string, e: ParseEnv = env) {
  const r = parseExpression(text, e);
  if (r.ok) throw new Error(`${text} parsed as ${r.expr.key}`);
  return r.error;
}

describe('numbers are exact', () => {
  it.each([
    ['0.5*x', '(* 1/2 x)'],
    ['0.1', '1/10'],
    ['1.5e-3', '3/2000'],
    ['2e3', '2000'],
    ['.25', '1/4'],
    ['-2', '-2'],
    ['-(3)', '-3'],
    ['x - 2', '(+ x -2)'],
    ['x^-1', '(^ x -1)'],
  ])('%s reads as %s', (text, expected) => {
    expect(key(text, emptyParseEnv())).toBe(expected);
  });

  it('keeps digits beyond the 64-digit BigNumber precision', () => {
    const digits = '1234567890'.repeat(8); // 80 significant digits; the last 0 cancels
    expect(key(`0.${digits}`)).toBe(`${'1234567890'.repeat(7)}123456789/${10n ** 79n}`);
  });
});

describe('operators', () => {
  it.each([
    ['a - b + c', '(+ a (* -1 b) c)'],
    ['a*b/c', '(* a b (^ c -1))'],
    ['a/b', '(* a (^ b -1))'],
    ['(a + b) + c', '(+ (+ a b) c)'],
    ['-x', '(* -1 x)'],
    ['+x', 'x'],
    ['-x^2', '(* -1 (^ x 2))'],
    ['2^3^2', '(^ 2 (^ 3 2))'],
    ['2x + 3y', '(+ (* 2 x) (* 3 y))'],
    ['pi * e', '(* #pi #e)'],
    ['e^x', '(^ #e x)'],
    ['x_ij * w_ij', '(* x_ij w_ij)'],
  ])('%s reads as %s', (text, expected) => {
    expect(key(text, emptyParseEnv())).toBe(expected);
  });
});

describe('the seed derivation syntax', () => {
  it.each([
    ['sum(k, w[i,k] * s[k])', '(sum k (* w[i,k] s[k]))'],
    ['diff(log(pN), w[i,j])', '(diff (log pN) w[i,j])'],
    ['diff(log(pPa * pR * ps), w[i,j])', '(diff (log (* pPa pR ps)) w[i,j])'],
    ['s[j] (s[i] - p)', '(* s[j] (+ s[i] (* -1 p)))'],
    ['s[j] * (1 - sigma(a(i)))', '(* s[j] (+ 1 (* -1 (sigma (a i)))))'],
    ['sigma(a(i)) (1 - sigma(a(i)))', '(* (sigma (a i)) (+ 1 (* -1 (sigma (a i)))))'],
    ['delta(i, 1)', '(delta i 1)'],
    ['delta(m, j)', '(delta m j)'],
    ['w[1, k]', 'w[1,k]'],
    ['f(i, x + 1)', '(f i (+ x 1))'],
    ['pR (x + 1)', '(* pR (+ x 1))'],
    ['pN (2)', '(* pN 2)'],
    ['diff(x^2, (x))', '(diff (^ x 2) x)'],
    ['exp(x)(y)', '(* (exp x) y)'],
    ['sum(m, exp(z) * w[m, j])', '(sum m (* (exp z) w[m,j]))'],
  ])('%s reads as %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it('reads a multi-line block (as YAML gives it), line breaks being layout', () => {
    expect(key('sum(k,\n  w[i,k] * s[k])\n')).toBe('(sum k (* w[i,k] s[k]))');
    expect(key('x\n+ b\r\n- c')).toBe('(+ x b (* -1 c))');
    expect(key('f(x, y)\nexp(y)')).toBe('(* (f x y) (exp y))');
  });

  it('prints back to text that reads as the same tree', () => {
    const text = 'diff(log(sigma(sum(k, w[i,k] * s[k]))), w[i,j]) * s[j]^2 + exp(x)';
    expect(key(toAscii(parseOk(text)))).toBe(key(text));
  });
});

function parseOk(text: string) {
  const r = parseExpression(text, env);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

describe('errors name the problem and the place', () => {
  it.each([
    ['x +', 'syntax', 3],
    ['1 2', 'ambiguous', 2],
    ['1/2x', 'ambiguous', 3],
    ['0x10', 'syntax', 0],
    ['', 'syntax', 0],
    ['   ', 'syntax', 0],
    ['x + sgima(y)', 'unknown-function', 4],
    ['p (1 - p)', 'unknown-function', 0],
    ['log(x, 2)', 'arity', 0],
    ['1 + exp', 'arity', 4],
    ['a(i, j)', 'arity', 0],
    ['x * a', 'arity', 4],
    ['sum(k)', 'arity', 0],
    ['2 * q[i]', 'undeclared-array', 4],
    ['pR[i]', 'undeclared-array', 0],
    ['s[i] + w[i]', 'index-arity', 7],
    ['w[i+1, j]', 'bad-index', 2],
    ['s[-1]', 'bad-index', 2],
    ['s[0.5]', 'bad-index', 2],
    ['s[pR]', 'bad-index', 2],
    ['x + w', 'array-as-scalar', 4],
    ['w(x)', 'array-as-scalar', 0],
    ['x * i', 'index-as-scalar', 4],
    ['sum(k, k)', 'index-as-scalar', 7],
    ['x[m] + m', 'undeclared-array', 0],
    ['s[m] + m', 'index-as-scalar', 2],
    ['sum(pR, x)', 'bad-sum', 4],
    ['sum(2, x)', 'bad-sum', 4],
    ['sum(exp, x)', 'bad-sum', 4],
    ['diff(x, i)', 'bad-diff', 8],
    ['diff(x, 2*y)', 'bad-diff', 8],
    ['diff(x, pN)', 'bad-diff', 8],
    ['delta(i, j+1)', 'bad-delta', 9],
    ['delta(i, pR)', 'bad-delta', 9],
    ['x == y', 'unsupported-syntax', 2],
    ['x < y < z', 'unsupported-syntax', 2],
    ['x ? y : z', 'unsupported-syntax', 2],
    ['x = 1', 'unsupported-syntax', 2],
    ['g(x) = x^2', 'unsupported-syntax', 5],
    ['x!', 'unsupported-syntax', 1],
    ["x'", 'unsupported-syntax', 1],
    ['x%', 'unsupported-syntax', 1],
    ['x mod y', 'unsupported-syntax', 2],
    ['x and y', 'unsupported-syntax', 2],
    ['x & y', 'unsupported-syntax', 2],
    ['[1, 2]', 'unsupported-syntax', 0],
    ['{a: 1}', 'unsupported-syntax', 0],
    ['1:3', 'unsupported-syntax', 1],
    ['x; y', 'unsupported-syntax', 1],
    ['x + 1 # note', 'unsupported-syntax', 6],
    ['"x #" + 1', 'unsupported-syntax', 0],
    ['a.b', 'unsupported-syntax', 1],
    ['"x"', 'unsupported-syntax', 0],
    ['true', 'unsupported-syntax', 0],
    ['Infinity', 'unsupported-syntax', 0],
    ['x + NaN', 'unsupported-syntax', 4],
  ])('%j is %s at offset %d', (text, code, offset) => {
    const e = error(text);
    expect(e.code).toBe(code);
    expect(e.offset).toBe(offset);
  });

  it('suggests the nearest known function and lists the known ones', () => {
    expect(error('sgima(x)').message).toBe(
      "unknown function 'sgima' (did you mean 'sigma'?); known functions are exp, log, sqrt, sin, cos, tan, sinh, cosh, tanh, asin, acos, atan, sigma, ln, abs, max, min, sum, diff, delta and those in define; to multiply, write sgima * (...)",
    );
  });

  it('tells how to declare an undeclared array', () => {
    expect(error('q[i]').message).toContain('declare it under symbols as `q: {indices: 1}`');
    expect(error('q[i, j]').message).toContain('`q: {indices: 2}`');
  });

  it('accepts an undeclared name as an index, and a declared index as a user function argument', () => {
    expect(key('s[m] * delta(m, n)')).toBe('(* s[m] (delta m n))');
    expect(key('a(i) + a(m)')).toBe('(+ (a i) (a m))');
  });
});

describe('hostile input is rejected, never run', () => {
  it.each([
    ['import("fs")', 'unsupported-syntax'],
    ['constructor.constructor("x")()', 'unsupported-syntax'],
    ['__proto__', 'reserved-name'],
    ['x + constructor', 'reserved-name'],
    ['s[__proto__]', 'reserved-name'],
    ['evaluate("1")', 'unsupported-syntax'],
    ['evaluate(x)', 'unknown-function'],
    ['process.exit(1)', 'unsupported-syntax'],
    ['f = exp', 'unsupported-syntax'],
    ['parse("x")(1)', 'unsupported-syntax'],
    ['parse(x)(1)', 'unknown-function'],
  ])('%s -> %s', (text, code) => {
    expect(error(text).code).toBe(code);
  });

  it('reads names of Object.prototype members as plain symbols', () => {
    expect(key('toString + valueOf')).toBe('(+ toString valueOf)');
    expect(error('hasOwnProperty(x)').code).toBe('unknown-function');
  });
});

describe('limits are enforced and named', () => {
  it('MAX_EXPRESSION_CHARS', () => {
    const e = error('x'.repeat(MAX_EXPRESSION_CHARS + 1));
    expect(e.code).toBe('limit');
    expect(e.message).toContain('MAX_EXPRESSION_CHARS');
  });

  it('MAX_NESTING, found before the parser recurses', () => {
    const text = '('.repeat(MAX_NESTING + 1) + 'x' + ')'.repeat(MAX_NESTING + 1);
    const e = error(text);
    expect(e).toMatchObject({ code: 'limit', offset: MAX_NESTING });
    expect(e.message).toBe(
      `the expression nests deeper than ${MAX_NESTING} levels (limit MAX_NESTING); name inner parts under define`,
    );
    expect(key('('.repeat(MAX_NESTING) + 'x' + ')'.repeat(MAX_NESTING))).toBe('x');
  });

  it('MAX_TREE_DEPTH, for a chain of signs that nests without brackets', () => {
    const e = error('-'.repeat(60_000) + 'x');
    expect(e.code).toBe('limit');
    expect(e.message).toContain('MAX_TREE_DEPTH');
  });

  it('MAX_TREE_DEPTH, for chains that nest without brackets', () => {
    const e = error('x^'.repeat(MAX_TREE_DEPTH + 5) + 'x');
    expect(e.code).toBe('limit');
    expect(e.message).toContain('MAX_TREE_DEPTH');
  });

  it('MAX_NUMBER_DIGITS, for long literals and for huge exponents', () => {
    const long = error('x + ' + '9'.repeat(MAX_NUMBER_DIGITS + 1));
    expect(long).toMatchObject({ code: 'limit', offset: 4 });
    expect(long.message).toContain('MAX_NUMBER_DIGITS');
    const huge = error('2 * 1e99999999999');
    expect(huge).toMatchObject({ code: 'limit', offset: 4 });
    expect(huge.message).toContain('MAX_NUMBER_DIGITS');
    expect(error('0x' + 'F'.repeat(MAX_NUMBER_DIGITS + 1)).code).toBe('limit');
    expect(key('1e' + (MAX_NUMBER_DIGITS - 1))).toBe('1' + '0'.repeat(MAX_NUMBER_DIGITS - 1));
  });

  it('MAX_NODES, for long flat chains', () => {
    const text = Array.from({ length: MAX_NODES / 2 + 10 }, () => 'x').join('+');
    expect(text.length).toBeLessThan(MAX_EXPRESSION_CHARS);
    const e = error(text);
    expect(e.code).toBe('limit');
    expect(e.message).toContain('MAX_NODES');
  });

  it('a long flat chain below the limits reads as one n-ary sum', () => {
    const r = parseExpression(Array.from({ length: 10_000 }, (_, k) => `x${k}`).join(' + '), env);
    expect(r.ok && r.expr.kind === 'add' && r.expr.terms.length).toBe(10_000);
  });
});

describe('never throws', () => {
  const withinText = (text: string): boolean => {
    const r = parseExpression(text, env);
    return (
      r.ok ||
      (Number.isInteger(r.error.offset) &&
        r.error.offset >= 0 &&
        r.error.offset <= text.length &&
        r.error.message.length > 0)
    );
  };

  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), withinText), { numRuns: 200 });
  });

  it('for strings over the expression alphabet', () => {
    const unit = fc.constantFrom(
      ...'xyiksw0123.e+-*/^()[],; !?:=<>"\'{}%\n'.split(''),
      'sum',
      'diff',
      'delta',
      'exp',
      'pR',
      'a',
      '__proto__',
      ' ',
    );
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), withinText), { numRuns: 300 });
  });
});
