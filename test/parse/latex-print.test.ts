/**
 * LaTeX that prints what was written (issue 12, item 4): a factor 1 kept
 * visible with a dot (`x^2 * 1` is x²·1, not x²1), d/dx for an expression in
 * one variable and ∂/∂x otherwise, Greek names as Greek letters (`alpha(i)`
 * as α(i)). Each printed form is read back by the LaTeX reader to the same
 * expression, and KaTeX renders it as a reader expects.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { loadContextOrThrow } from '../../src/index.js';
import { toLatex } from '../../src/ir/print.js';
import { parseExpression } from '../../src/parse/expression.js';
import { parseLatex } from '../../src/parse/latex.js';

const context = loadContextOrThrow({
  symbols: { w: { indices: 2 } },
  define: { 'alpha(u)': 'u^2', 'Lambda(u)': 'exp(u)' },
});

/** the LaTeX the reports show for the ASCII `text`, checked to read back to the same expression */
function latexOf(text: string): string {
  const r = parseExpression(text, context.env);
  if (!r.ok) throw new Error(r.error.message);
  const latex = toLatex(r.expr);
  const back = parseLatex(latex, context.env);
  if (!back.ok) throw new Error(`${latex} does not read back: ${back.error.message}`);
  expect(back.expr.key, latex).toBe(r.expr.key);
  return latex;
}

/** what KaTeX shows for `latex`, as text (its MathML, without the TeX annotation) */
function shown(latex: string): string {
  const mathml = katex.renderToString(latex, { output: 'mathml' });
  return mathml
    .replace(/<annotation[\s\S]*?<\/annotation>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\u2061/g, '');
}

describe('LaTeX as written', () => {
  it('keeps a factor 1 visible, with a dot before it', () => {
    expect(latexOf('x^2 * 1')).toBe('x^{2} \\cdot 1');
    expect(shown(latexOf('x^2 * 1'))).toBe('x2⋅1');
    expect(shown(latexOf('2 * x * 3'))).toBe('2x⋅3');
  });

  it('writes d/dx when the expression has one variable, ∂/∂x when it has more', () => {
    expect(latexOf('diff(x^2, x)')).toBe('\\frac{d}{d x}\\left(x^{2}\\right)');
    expect(latexOf('diff(sin(x) * x^2, x) + x')).toContain('\\frac{d}{d x}');
    expect(latexOf('diff(x * y, x)')).toContain('\\frac{\\partial}{\\partial x}');
    expect(latexOf('diff(x^2, x) + y')).toContain('\\frac{\\partial}{\\partial x}');
    expect(latexOf('diff(w[i, j] * x, x)')).toContain('\\frac{\\partial}{\\partial x}');
    expect(latexOf('diff(x^2, x) + diff(y^2, y)')).not.toContain('\\frac{d}');
    expect(shown(latexOf('diff(x^2, x)'))).toBe('ddx(x2)');
  });

  it('writes Greek names as Greek letters, values and calls alike', () => {
    expect(latexOf('gamma * beta + theta_1')).toBe('\\gamma \\beta + \\theta_{1}');
    expect(latexOf('alpha(x) + Lambda(x)')).toBe('\\alpha\\left(x\\right) + \\Lambda\\left(x\\right)');
    expect(shown(latexOf('alpha(x) * lambda'))).toBe('α(x)λ');
    expect(latexOf('diff(alpha(x), x)')).toBe('\\frac{d}{d x}\\left(\\alpha\\left(x\\right)\\right)');
    // not Greek: a name that only starts like one, pi the constant, sigma the logistic function
    expect(latexOf('alphabet + pi + sigma(x)')).toBe('\\mathit{alphabet} + \\pi + \\sigma\\left(x\\right)');
  });
});

describe('a step written in LaTeX', () => {
  it('is reported as written, not reprinted from the expression read', async () => {
    const { verifyDerivation } = await import('../../src/index.js');
    const written = '\\frac{d}{dx} \\log(1 + e^x)';
    const r = verifyDerivation(
      `title: t\nsteps:\n  - latex: '${written}'\n  - latex: '\\frac{e^x}{1 + e^x}'\n  - expr: sigma(x)\n`,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved', 'proved']);
    expect(r.steps[0]!.latex).toBe(written);
    expect(r.steps[1]!.latex).toBe('\\frac{e^x}{1 + e^x}');
    // a step written in ASCII is printed from what was read
    expect(r.steps[2]!.latex).toBe('\\sigma\\left(x\\right)');
  });

  it('and so is a claim side written in LaTeX', async () => {
    const { verifyDerivation } = await import('../../src/index.js');
    const r = verifyDerivation(
      "title: t\nclaim:\n  lhs: diff(log(1 + exp(x)), x)\n  rhs: {latex: '\\sigma(x)'}\nsteps:\n  - expr: diff(log(1 + exp(x)), x)\n  - expr: sigma(x)\n",
    );
    const rhs = r.steps.find((s) => s.location === 'claim.rhs')!;
    expect(rhs.status).toBe('proved');
    expect(rhs.latex).toBe('\\sigma(x)');
  });
});
