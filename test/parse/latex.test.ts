/**
 * The LaTeX reader against the ASCII reader: each LaTeX formula must give
 * exactly the IR (same key) the ASCII reader gives for the equivalent ASCII
 * expression, and each problem the same kind of error, at its place.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpression, type ParseEnv } from '../../src/parse/expression.js';
import { parseLatex } from '../../src/parse/latex.js';
import { MAX_EXPRESSION_CHARS, MAX_NESTING, MAX_NUMBER_DIGITS } from '../../src/parse/limits.js';
import { SEED_SYMBOLS } from '../helpers/seed-symbols.js';
import { REAL } from '../../src/ir/symbols.js';
import { toLatex } from '../../src/ir/print.js';
import { runs } from '../helpers/runs.js';

/** the seed's declarations: indices i, j, k; s[k] binary; w[i,k]; pR opaque; a(u), p(u), h(x, y) defined; pN a defined constant */
const symbols = SEED_SYMBOLS;
const env: ParseEnv = {
  symbols,
  functions: new Map([
    ['a', 1],
    ['p', 1],
    ['pN', 0],
    ['h', 2],
  ]),
};

/** the key of the ASCII reading, failing the test if it does not parse */
function asciiKey(text: string): string {
  const r = parseExpression(text, env);
  if (!r.ok) throw new Error(`ASCII ${text}: ${r.error.code}: ${r.error.message}`);
  return r.expr.key;
}

/** the key of the LaTeX reading, failing the test with the error if it does not parse */
function latexKey(text: string): string {
  const r = parseLatex(text, env);
  if (!r.ok) throw new Error(`LaTeX ${text}: ${r.error.code} at ${r.error.offset}: ${r.error.message}`);
  return r.expr.key;
}

function latexError(text: string) {
  const r = parseLatex(text, env);
  if (r.ok) throw new Error(`${text} parsed as ${r.expr.key}`);
  return r.error;
}

/** the same IR as the ASCII text */
const sameAs = ([latex, ascii]: readonly [string, string]): void => {
  expect(latexKey(latex)).toBe(asciiKey(ascii));
};

const SUM = 'sum(k, w[i,k] * s[k])';

describe("the seed document's formulas", () => {
  // every formula of seeds/sigmoid-belief-net-gradient.md that is one expression; equations are split into their sides
  it.each([
    [String.raw`w_{ij}`, 'w[i,j]'],
    [String.raw`s_j`, 's[j]'],
    [String.raw`s_i`, 's[i]'],
    [String.raw`p(R)`, 'p(R)'],
    [String.raw`p(s_i)`, 'p(s[i])'],
    [String.raw`p(N)`, 'p(N)'],
    [String.raw`\log(p(N))`, 'log(p(N))'],
    [String.raw`\frac{d(\log(p(N)))}{dw_{ij}}`, 'diff(log(p(N)), w[i,j])'],
    [String.raw`\frac{d}{dw_{ij}}(\log(p(s_i)))`, 'diff(log(p(s[i])), w[i,j])'],
    [String.raw`\sigma(\sum w_{ik}s_k)`, `sigma(${SUM})`],
    [String.raw`\frac{d}{dw_{ij}}(\log(\sigma(\sum w_{ik}s_k)))`, `diff(log(sigma(${SUM})), w[i,j])`],
    [String.raw`\frac{d}{dw_{ij}}(\log(\sigma(\sum_k w_{ik}s_k)))`, `diff(log(sigma(${SUM})), w[i,j])`],
    [String.raw`\log x`, 'log(x)'],
    [String.raw`\frac{1}{x}`, '1/x'],
    [String.raw`\text{sigmoid}(x)`, 'sigma(x)'],
    [String.raw`\sigma(x)(1 - \sigma(x))`, 'sigma(x) * (1 - sigma(x))'],
    [String.raw`\sum w_{ik}s_k`, SUM],
    [
      String.raw`s_j \sigma(\sum w_{ik}s_k) (1 - \sigma(\sum w_{ik}s_k)) \frac{1}{\sigma(\sum w_{ik}s_k)}`,
      `s[j] * sigma(${SUM}) * (1 - sigma(${SUM})) * (1/sigma(${SUM}))`,
    ],
    [String.raw`s_j (1 - \sigma(\sum w_{ik}s_k))`, `s[j] * (1 - sigma(${SUM}))`],
    [String.raw`p_i`, 'p(i)'],
    [String.raw`(1 - \sigma(\sum w_{ik}s_k))`, `1 - sigma(${SUM})`],
    [String.raw`1 - p_i`, '1 - p(i)'],
    [String.raw`s_i - p_i`, 's[i] - p(i)'],
    [String.raw`s_j (s_i - p_i)`, 's[j] * (s[i] - p(i))'],
    [String.raw`s_j(s_i - p_i)`, 's[j] * (s[i] - p(i))'],
    [String.raw`1 - \sigma(\sum w_{ik}s_k)`, `1 - sigma(${SUM})`],
    [String.raw`\frac{d}{dw_{ij}}(\log(1 - \sigma(\sum w_{ik}s_k)))`, `diff(log(1 - sigma(${SUM})), w[i,j])`],
    [
      String.raw`s_j (-1) \sigma(\sum w_{ik}s_k) (1 - \sigma(\sum w_{ik}s_k)) \frac{1}{1 - \sigma(\sum w_{ik}s_k)}`,
      `s[j] * (-1) * sigma(${SUM}) * (1 - sigma(${SUM})) * (1/(1 - sigma(${SUM})))`,
    ],
    [String.raw`s_j (-\sigma(\sum w_{ik}s_k))`, `s[j] * (-sigma(${SUM}))`],
    [String.raw`s_j (0 - \sigma(\sum w_{ik}s_k))`, `s[j] * (0 - sigma(${SUM}))`],
    [String.raw`(0 - \sigma(\sum w_{ik}s_k))`, `0 - sigma(${SUM})`],
    [String.raw`0 - p_i`, '0 - p(i)'],
  ] as const)('%s', (latex, ascii) => sameAs([latex, ascii]));

  it('refuses the parts that are not one expression, at the offending place', () => {
    const whole = String.raw`\frac{d(\log(P(N)))}{dw_{ij}} = s_j (s_i - p_i) \text{ (when } s_i = 1)`;
    const undefinedP = latexError(whole);
    expect(undefinedP).toMatchObject({ code: 'unknown-function', offset: whole.indexOf('P(N)') });
    const equation = String.raw`\frac{d(\log(p(N)))}{dw_{ij}} = s_j (s_i - p_i)`;
    expect(latexError(equation)).toMatchObject({ code: 'unsupported-syntax', offset: equation.indexOf('=') });
    const remark = String.raw`s_j (s_i - p_i) \text{ (when } s_i = 1)`;
    expect(latexError(remark)).toMatchObject({ code: 'unsupported-syntax', offset: remark.indexOf('\\text') });
  });

  it('refuses the p(Pa) notation for a named probability, saying what to write instead', () => {
    const text = String.raw`\frac{d}{dw_{ij}}(\log(p(Pa)) + \log(p(R)) + \log(p(s_i)))`;
    const e = latexError(text);
    expect(e).toMatchObject({ code: 'unsupported-syntax', offset: text.indexOf('Pa') });
    expect(e.message).toContain('p(Pa) as a label for a quantity is not supported');
    expect(e.message).toContain('\\mathrm{pPa}');
    sameAs([
      String.raw`\frac{d}{dw_{ij}}(\log(\mathrm{pPa}) + \log(\mathrm{pR}) + \log(p(s_i)))`,
      'diff(log(pPa) + log(pR) + log(p(s[i])), w[i,j])',
    ]);
  });
});

describe('arithmetic', () => {
  it.each([
    ['0.5 x + 1.25 + .5', '0.5 x + 1.25 + 0.5'],
    ['2x', '2x'],
    ['x^2 + 2x - 1', 'x^2 + 2x - 1'],
    ['-x^2', '-x^2'],
    ['-(3)', '-(3)'],
    ['--x', '--x'],
    ['u - v + c', 'u - v + c'],
    ['(u + v) + c', '(u + v) + c'],
    ['u \\cdot v \\times c * d', 'u * v * c * d'],
    ['u v \\cdot c d', 'u v * c d'],
    ['-u v', '-u v'],
    ['u - 2 v', 'u - 2 v'],
    ['\\frac{u v}{c}', '(u v)/(c)'],
    ['\\frac{1}{2}', '1/2'],
    ['x^{-1}', 'x^-1'],
    ['x^{\\frac{1}{2}}', 'x^(1/2)'],
    ['\\sqrt{x}^2 + \\sqrt x', 'sqrt(x)^2 + sqrt(x)'],
    ['e^{x} + \\pi + \\mathrm{e}', 'e^x + pi + e'],
    ['\\left(u + v\\right) \\left[c\\right] \\{d\\} {x}', '(u + v) * c * d * x'],
    ['\\left. x \\right.', 'x'],
    ['x \\, y \\; z \\! u \\quad v ~ c', 'x * y * z * u * v * c'],
    ['\\displaystyle \\Big( x \\Big)', 'x'],
    ['$$x + 1$$', 'x + 1'],
    ['\\(x + 1\\)', 'x + 1'],
  ] as [string, string][])('%s', (latex, ascii) => sameAs([latex, ascii]));
});

describe('functions', () => {
  it.each([
    ['\\log x + \\ln x + \\exp(x)', 'log(x) + log(x) + exp(x)'],
    ['\\log x^2', 'log(x^2)'],
    ['\\log(x)^2', 'log(x)^2'],
    ['\\sin x \\cos x', 'sin(x) cos(x)'],
    ['\\tan x + \\sinh x + \\cosh x + \\tanh x', 'tan(x) + sinh(x) + cosh(x) + tanh(x)'],
    ['\\arcsin x + \\arccos x + \\arctan x', 'asin(x) + acos(x) + atan(x)'],
    ['\\sigma\\left(x\\right) + \\sigma x + \\sigma{x}', 'sigma(x) + sigma(x) + sigma(x)'],
    ['\\operatorname{sigmoid}(x) + \\text{sigmoid}(x) + \\mathrm{sigmoid}(x)', 'sigma(x) + sigma(x) + sigma(x)'],
    ['\\log \\sigma(x)', 'log(sigma(x))'],
    ['\\log \\log x', 'log(log(x))'],
    ['\\sigma \\sum_k w_{ik} s_k', `sigma(${SUM})`],
    ['\\operatorname{a}\\left(i\\right) + \\mathrm{p}(i) + a(k) + a_k', 'a(i) + p(i) + a(k) + a(k)'],
    ['h(i, x + 1) + h_{ij}', 'h(i, x + 1) + h(i, j)'],
    ['p(u) + p(s_j) + p_{R}', 'p(u) + p(s[j]) + p(R)'],
    ['\\mathrm{pN} + \\mathit{pN}(2)', 'pN + pN (2)'],
    ['\\mathrm{pR}(1 - x)', 'pR (1 - x)'],
    ['e(x) + \\pi(x)', 'e (x) + pi (x)'],
    ['p(i)^2 + p_i^2', 'p(i)^2 + p(i)^2'],
  ] as [string, string][])('%s', (latex, ascii) => sameAs([latex, ascii]));
});

describe('names and subscripts', () => {
  it.each([
    ['w_{ij} + w_{i,j} + w_{12} + w_{1,10}', 'w[i,j] + w[i,j] + w[1,2] + w[1,10]'],
    ['s_{j} + s_{10} + s_1', 's[j] + s[10] + s[1]'],
    ['s_k^2 + s^2_k', 's[k]^2 + s[k]^2'],
    ['x_1 + x_{R} + \\mathrm{x1} + u_{ab}', 'x_1 + x_R + x1 + u_ab'],
    ['\\alpha + \\beta_1 + \\Omega', 'alpha + beta_1 + Omega'],
    ['s_m \\delta_{mn}', 's[m] * delta(m, n)'],
    ['\\delta_{ij} + \\delta_{i1} + \\delta_{i,10}', 'delta(i, j) + delta(i, 1) + delta(i, 10)'],
  ] as [string, string][])('%s', (latex, ascii) => sameAs([latex, ascii]));

  it('reads a subscripted name that is declared as that name', () => {
    const declared: ParseEnv = {
      symbols: new Map([
        ...symbols,
        ['x_i', { kind: 'scalar', name: 'x_i', domain: REAL, opaque: false, independentOf: [] }],
      ]),
      functions: env.functions,
    };
    const r = parseLatex('x_i + 1', declared);
    expect(r.ok && r.expr.key).toBe('(+ x_i 1)');
  });
});

describe('sums', () => {
  it.each([
    ['\\sum_k w_{ik} s_k', SUM],
    ['\\sum_{k} w_{ik} \\cdot s_k', 'sum(k, w[i,k] * s[k])'],
    ['\\sum_{k=1}^{n} w_{ik} s_k', SUM],
    ['\\sum_{k=1}^n w_{ik} s_k', SUM],
    ['\\sum\\limits_{k=1}^{n} s_k', 'sum(k, s[k])'],
    ['\\sum_k s_k + 1', 'sum(k, s[k]) + 1'],
    ['x \\sum_k s_k', 'x sum(k, s[k])'],
    ['\\sum_k (s_k - 1)', 'sum(k, s[k] - 1)'],
    ['\\sum_m s_m', 'sum(m, s[m])'],
    ['\\sum_{i} \\sum_{k} w_{ik}', 'sum(i, sum(k, w[i,k]))'],
  ] as [string, string][])('%s', (latex, ascii) => sameAs([latex, ascii]));

  it.each([
    // the index occurs outside the sum: w_{ij} in the variable, s_i beside it
    ['\\frac{d}{dw_{ij}} \\sigma(\\sum w_{ik}s_k)', `diff(sigma(${SUM}), w[i,j])`],
    ['s_i \\sum w_{ik}', 's[i] sum(k, w[i,k])'],
    // only k repeats in the body (Einstein's convention)
    ['\\sum w_{ik}s_k', SUM],
    ['\\sigma(\\sum w_{ik}s_k)(1 - \\sigma(\\sum w_{ik}s_k))', `sigma(${SUM}) (1 - sigma(${SUM}))`],
    // bound by an enclosing sum
    ['\\sum_i \\sum w_{ik}', 'sum(i, sum(k, w[i,k]))'],
    ['\\sum s_k', 'sum(k, s[k])'],
  ] as [string, string][])('infers the index of %s', (latex, ascii) => sameAs([latex, ascii]));

  it.each([
    ['\\sum x', 0, 'no index of its own'],
    ['\\sum w_{ik} s_k s_i', 0, 'i or k'],
    ['x + \\sum \\sum w_{ik}', 9, 'i or k'], // the inner sum, which is resolved first
  ])('refuses to guess the index of %s', (text, offset, detail) => {
    const e = latexError(text);
    expect(e).toMatchObject({ code: 'bad-sum', offset });
    expect(e.message).toContain(detail);
    expect(e.message).toContain('\\sum_k');
  });
});

describe('derivatives', () => {
  it.each([
    ['\\frac{d}{dx} x^2 + 1', 'diff(x^2, x) + 1'],
    ['\\frac{\\partial}{\\partial x} x^2 y', 'diff(x^2 * y, x)'],
    ['\\frac{\\mathrm{d}}{\\mathrm{d}x} x', 'diff(x, x)'],
    ['\\frac{dy}{dx}', 'diff(y, x)'],
    ['\\frac{d f}{d x}', 'diff(f, x)'],
    ['\\frac{d \\log x}{d x}', 'diff(log(x), x)'],
    ['\\frac{d}{dw_{ij}} w_{ij} + \\frac{d}{dw_{i,j}} s_j', 'diff(w[i,j], w[i,j]) + diff(s[j], w[i,j])'],
    ['\\frac{d}{d\\alpha} \\alpha', 'diff(alpha, alpha)'],
    ['\\frac{d}{dx_1} x_1', 'diff(x_1, x_1)'],
    ['\\frac{d}{dx} \\frac{d}{dx} x^3', 'diff(diff(x^3, x), x)'],
    ['\\frac{d}{2}', 'd/2'],
    ['\\dfrac{1}{x}', '1/x'],
  ] as [string, string][])('%s', (latex, ascii) => sameAs([latex, ascii]));
});

describe('errors say what is wrong and where', () => {
  it.each([
    // [text, code, offset]
    ['', 'syntax', 0],
    ['   ', 'syntax', 0],
    ['x +', 'syntax', 3],
    ['(x', 'syntax', 0],
    ['(x]', 'syntax', 2],
    ['x}', 'syntax', 1],
    ['\\frac{1}{x', 'syntax', 8],
    ['\\frac12', 'syntax', 0],
    ['x^23', 'syntax', 2],
    ['s_12', 'syntax', 2],
    ['x^2^3', 'syntax', 3],
    ['x_1_2', 'syntax', 3],
    ['x^-1', 'syntax', 2],
    ['x 2', 'syntax', 2],
    ['\\log 2x', 'syntax', 5],
    // a bare argument followed by another factor: `\sin \omega t` is sin(omega t) to most readers, sin(omega) t by the single-atom rule
    ['\\sin x y', 'ambiguous', 7],
    ['\\sin \\omega t', 'ambiguous', 12],
    ['\\log \\sigma(x) y', 'ambiguous', 15],
    ['\\cos x \\frac{1}{2}', 'ambiguous', 7],
    ['\\sigma', 'syntax', 0],
    ['\\sum_k', 'syntax', 0],
    ['\\frac{d}{dx}', 'syntax', 0],
    ['\\frac{d}{dx} + 1', 'syntax', 0],
    ['x \\', 'syntax', 2],
    ['x # y', 'syntax', 2],
    ['x $ y', 'unsupported-syntax', 2],
    ['x % y', 'unsupported-syntax', 2],
    ['xy', 'unsupported-syntax', 0],
    ['2 s_jk', 'unsupported-syntax', 4],
    ['p(Pa)', 'unsupported-syntax', 2],
    ['x = 1', 'unsupported-syntax', 2],
    ['x < 1', 'unsupported-syntax', 2],
    ['1/2 x', 'unsupported-syntax', 1],
    ["y'", 'unsupported-syntax', 1],
    ['|x|', 'unsupported-syntax', 0],
    ['\\left| x \\right|', 'unsupported-syntax', 0],
    ['x!', 'unsupported-syntax', 1],
    ['\\text{foo}', 'unsupported-syntax', 0],
    ['\\int x', 'unsupported-syntax', 0],
    ['\\infty', 'unsupported-syntax', 0],
    ['\\sin^2 x', 'unsupported-syntax', 4],
    ['\\log_2 x', 'unsupported-syntax', 4],
    ['\\sqrt[3]{x}', 'unsupported-syntax', 5],
    ['\\frac{d^2 y}{dx^2}', 'unsupported-syntax', 7],
    ['w_{i+1,j}', 'unsupported-syntax', 4],
    ['\\partial x', 'unsupported-syntax', 0],
    ['x + g(x)', 'unknown-function', 4],
    ['x(1 - x)', 'unknown-function', 0],
    ['\\operatorname{sgima}(x)', 'unknown-function', 0],
    ['q_{i,j}', 'undeclared-array', 0],
    ['x + q_{ij}', 'undeclared-array', 4],
    ['w_{i10}', 'index-arity', 0],
    ['s_{ij}', 'index-arity', 0],
    ['s_{\\mathrm{pR}}', 'unsupported-syntax', 3],
    ['s_{a}', 'bad-index', 3],
    ['\\sum_{k=0}^{n} s_k', 'bad-sum', 0],
    ['\\sum_{k=1}^{N} s_k', 'bad-sum', 0],
    ['\\sum^{n} s_k', 'bad-sum', 0],
    ['x + \\sum_{w} s_k', 'bad-sum', 10],
    ['\\sum_{k \\in Pa} s_k', 'bad-sum', 0],
    ['\\frac{d}{dw} x', 'bad-diff', 10],
    ['\\frac{d}{di} x', 'bad-diff', 10],
    ['\\frac{d}{dp_i} x', 'bad-diff', 10],
    ['\\frac{d}{d} x', 'bad-diff', 9],
    ['\\delta', 'bad-delta', 0],
    ['\\delta_{i}', 'bad-delta', 0],
    ['\\delta_{ia}', 'bad-delta', 9],
    ['p', 'arity', 0],
    ['p_{ij}', 'arity', 0],
    ['\\log(x, y)', 'arity', 0],
    ['h(x)', 'arity', 0],
    ['x + w', 'array-as-scalar', 4],
    ['s(x)', 'array-as-scalar', 0],
    ['x + i', 'index-as-scalar', 4],
    ['\\sum_k k', 'index-as-scalar', 7],
    ['s_m + m', 'index-as-scalar', 2],
    ['\\mathrm{constructor}', 'reserved-name', 0],
  ] as [string, string, number][])('%j is %s at offset %d', (text, code, offset) => {
    expect(latexError(text)).toMatchObject({ code, offset });
  });

  it('explains adjacent letters and the undeclared array with what to write', () => {
    expect(latexError('xy').message).toBe(
      "adjacent letters 'xy' are ambiguous (a product in LaTeX, one name in the expression syntax); write x y or x \\cdot y for a product, or \\mathrm{xy} for one name",
    );
    expect(latexError('q_{ij}').message).toContain('declare it under symbols as `q: {indices: 2}`');
    expect(latexError('\\operatorname{sgima}(x)').message).toContain("(did you mean 'sigma'?)");
  });
});

describe('limits', () => {
  it('refuses text longer than MAX_EXPRESSION_CHARS', () => {
    expect(latexError('x+'.repeat(MAX_EXPRESSION_CHARS / 2) + 'x')).toMatchObject({
      code: 'limit',
      offset: MAX_EXPRESSION_CHARS,
    });
  });
  it('refuses brackets nested deeper than MAX_NESTING', () => {
    const deep = '('.repeat(MAX_NESTING + 1) + 'x' + ')'.repeat(MAX_NESTING + 1);
    expect(latexError(deep)).toMatchObject({ code: 'limit' });
    expect(latexError(deep).message).toContain('MAX_NESTING');
  });
  it('counts nesting without brackets too (signs, bare function arguments, sums)', () => {
    for (const text of [
      '-'.repeat(5000) + 'x',
      '\\log '.repeat(5000) + 'x',
      '\\sum_k '.repeat(3000) + 's_k',
      '\\sqrt '.repeat(5000) + 'x',
    ]) {
      const e = latexError(text);
      expect(e.code).toBe('limit');
      expect(e.message).toContain('MAX_NESTING');
    }
  });
  it('accepts nesting up to the limit', () => {
    const ok = '('.repeat(MAX_NESTING) + 'x' + ')'.repeat(MAX_NESTING);
    expect(latexKey(ok)).toBe('x');
  });
  it('refuses a number with more than MAX_NUMBER_DIGITS digits', () => {
    expect(latexError('x + ' + '9'.repeat(MAX_NUMBER_DIGITS + 1))).toMatchObject({ code: 'limit', offset: 4 });
  });
});

describe('robustness', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = parseLatex(text, env);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: runs(500) },
    );
  });

  const pieces = [
    '\\frac',
    '\\sum',
    '_',
    '^',
    '{',
    '}',
    '(',
    ')',
    '\\left(',
    '\\right)',
    'x',
    'd',
    'k',
    's',
    'w',
    'p',
    'i',
    '1',
    '2',
    '-',
    '+',
    '\\cdot',
    '\\log',
    '\\sigma',
    '\\delta',
    '\\partial',
    ',',
    '=',
    ' ',
    '\\mathrm{d}',
    '\\text{a}',
    '\\,',
    '\\{',
    '\\}',
    '[',
    ']',
    '.',
    'e',
    '\\pi',
    '\\alpha',
  ];
  it('never throws on LaTeX-like token soup, and reports offsets inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const r = parseLatex(text, env);
        if (!r.ok) {
          expect(r.error.offset).toBeGreaterThanOrEqual(0);
          expect(r.error.offset).toBeLessThanOrEqual(text.length);
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

/** one expression spelled both ways */
interface Spelled {
  readonly l: string;
  readonly a: string;
}
const spelled = (l: string, a: string): Spelled => ({ l, a });

/**
 * random expressions in both spellings: juxtaposition in LaTeX is `*` in
 * ASCII, `\cdot` between juxtaposed runs is `*` around a bracketed product
 * (mathjs nests those), `\frac{a}{b}` is ((a)/(b)); brackets in LaTeX are
 * square so that `x [..]` stays a product (`x (..)` would be a call, as in ASCII)
 */
const expressions = fc.letrec<{
  atom: Spelled;
  factor: Spelled;
  run: Spelled & { n: number };
  term: Spelled;
  expr: Spelled;
}>((tie) => ({
  atom: fc.constantFrom(
    spelled('x', 'x'),
    spelled('y', 'y'),
    spelled('s_k', 's[k]'),
    spelled('w_{ij}', 'w[i,j]'),
    spelled('w_{1,k}', 'w[1,k]'),
    spelled('p_i', 'p(i)'),
    spelled('\\pi', 'pi'),
    spelled('e', 'e'),
    spelled('\\mathrm{pR}', 'pR'),
    spelled('\\alpha', 'alpha'),
    spelled('\\delta_{ik}', 'delta(i, k)'),
  ),
  factor: fc.oneof(
    { maxDepth: 2, depthSize: 'small' },
    tie('atom'),
    tie('expr').map((e) => spelled(`\\left[${e.l}\\right]`, `(${e.a})`)),
    tie('expr').map((e) => spelled(`\\log(${e.l})`, `log(${e.a})`)),
    tie('expr').map((e) => spelled(`\\sigma\\left(${e.l}\\right)`, `sigma(${e.a})`)),
    tie('expr').map((e) => spelled(`\\sqrt{${e.l}}`, `sqrt(${e.a})`)),
    tie('expr').map((e) => spelled(`a(${e.l})`, `a(${e.a})`)),
    fc.tuple(tie('expr'), tie('expr')).map(([n, d]) => spelled(`\\frac{${n.l}}{${d.l}}`, `((${n.a})/(${d.a}))`)),
    fc.tuple(tie('atom'), tie('expr')).map(([b, x]) => spelled(`${b.l}^{${x.l}}`, `${b.a}^(${x.a})`)),
    fc.tuple(tie('atom'), fc.constantFrom('2', '3')).map(([b, d]) => spelled(`${b.l}^${d}`, `${b.a}^${d}`)),
    tie('expr').map((e) => spelled(`{\\sum_k [${e.l}]}`, `sum(k, ${e.a})`)),
    tie('expr').map((e) => spelled(`{\\frac{\\partial}{\\partial x} [${e.l}]}`, `diff(${e.a}, x)`)),
  ),
  run: fc
    .tuple(fc.option(fc.constantFrom('2', '0.5', '3')), fc.array(tie('factor'), { minLength: 1, maxLength: 2 }))
    .map(([n, fs]) => {
      const all = n === null ? fs : [spelled(n, n), ...fs];
      return { l: all.map((f) => f.l).join(' '), a: all.map((f) => f.a).join(' * '), n: all.length };
    }),
  term: fc.tuple(fc.boolean(), fc.array(tie('run'), { minLength: 1, maxLength: 2 })).map(([minus, runs]) => {
    const l = runs.map((r) => r.l).join(' \\cdot ');
    const a = runs.map((r, n) => (n > 0 && r.n > 1 ? `(${r.a})` : r.a)).join(' * ');
    return minus ? spelled(`-${l}`, `-${a}`) : spelled(l, a);
  }),
  expr: fc
    .tuple(tie('term'), fc.array(fc.tuple(fc.constantFrom('+', '-'), tie('term')), { maxLength: 2 }))
    .map(([first, rest]) =>
      spelled(
        first.l + rest.map(([op, t]) => ` ${op} ${t.l}`).join(''),
        first.a + rest.map(([op, t]) => ` ${op} ${t.a}`).join(''),
      ),
    ),
}));

describe('LaTeX and ASCII spellings of random expressions', () => {
  it('read to the same IR', () => {
    fc.assert(
      fc.property(expressions.expr, (e) => {
        expect(latexKey(e.l)).toBe(asciiKey(e.a));
      }),
      { numRuns: runs(200) },
    );
  }, 60_000); // why: mathjs reads a few hundred expressions of ~1000 characters; slow on a loaded machine
});

describe("reads the report's LaTeX (toLatex) back to the same tree", () => {
  it.each([
    `diff(log(sigma(${SUM})), w[i,j])`,
    `s[j] * (1 - sigma(${SUM}))`,
    's[j] * (s[i] - p(i))',
    'a(i) * p(R) + delta(i, j) + sum(k, s[k])',
    'exp(x) + sqrt(x) + x^2 + pR',
  ])('%s', (ascii) => {
    const r = parseExpression(ascii, env);
    if (!r.ok) throw new Error(r.error.message);
    expect(latexKey(toLatex(r.expr))).toBe(r.expr.key);
  });
});
