/**
 * Printers from the IR to the ASCII expression syntax and to LaTeX. What each
 * writes, its reader reads back to the same expression (up to flattening and
 * exact literal arithmetic, which the syntaxes cannot write: 1/2 is a
 * quotient, not a literal); test/parse/round-trip.test.ts checks both on
 * random expressions. So the LaTeX printer writes what the LaTeX reader
 * reads as written: `\sum_k` and `\frac{d}{dx}` take the following product,
 * so they are bracketed unless they end their product; a number after
 * another factor is joined with `\cdot` (`x 2` is refused as ambiguous).
 */
import { children, type Expr, type IndexTerm } from './expr.js';
import { GREEK } from './greek.js';
import { freeNames } from './substitute.js';
import { BUILTINS, PRECEDENCE } from './operators.js';
import { rationalToString, rsign, rneg, isInteger, type Rational } from './rational.js';

interface Spelling {
  num(v: Rational): string;
  sym(name: string): string;
  constant(name: 'pi' | 'e'): string;
  elem(name: string, idx: readonly string[]): string;
  frac(num: string, den: string): string | undefined;
  /** factors of a product written side by side (`exprs` are the factors the texts print) */
  join(factors: readonly string[], exprs: readonly Expr[]): string;
  /** sum and diff take the following product (LaTeX's \sum_k and \frac{d}{dx}), rather than being closed calls */
  operatorForms: boolean;
  pow(base: string, exp: string): string;
  call(fn: string, args: readonly string[]): string;
  sum(index: string, body: string): string;
  delta(a: string, b: string): string;
  diff(body: string, wrt: string): string;
  units: string;
  paren(s: string): string;
}

/** splits a product into numerator and denominator factors (negative integer powers go down) */
function splitFraction(factors: readonly Expr[]): { coeff: Rational | undefined; up: Expr[]; down: Expr[] } {
  let coeff: Rational | undefined;
  const up: Expr[] = [];
  const down: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'num' && coeff === undefined && up.length === 0) coeff = f.value;
    else if (f.kind === 'pow' && f.exp.kind === 'num' && rsign(f.exp.value) < 0 && isInteger(f.exp.value)) {
      const e = rneg(f.exp.value);
      down.push(e.n === 1n ? f.base : { ...f, exp: { ...f.exp, value: e, key: rationalToString(e) } });
    } else up.push(f);
  }
  return { coeff, up, down };
}

/** a product: its coefficient and sign in front, negative integer powers under a fraction bar */
function renderProduct(factors: readonly Expr[], sp: Spelling): { text: string; prec: number } {
  const wrap = (x: { text: string; prec: number }, min: number) => (x.prec < min ? sp.paren(x.text) : x.text);
  const { coeff, up, down } = splitFraction(factors);
  // an operator form may end its product unbracketed: nothing follows for it to take
  const factor = (f: Expr, k: number, all: readonly Expr[]): string =>
    sp.operatorForms && (f.kind === 'sum' || f.kind === 'diff') && k === all.length - 1
      ? render(f, sp).text
      : wrap(render(f, sp), PRECEDENCE.mul + 1);
  const upText = up.map(factor);
  const downText = down.map(factor);
  const upExprs: Expr[] = [...up];
  let sign = '';
  let c = coeff;
  if (c && rsign(c) < 0) {
    sign = '-';
    c = rneg(c);
  }
  if (c && !(c.n === 1n && c.d === 1n)) {
    upText.unshift(sp.num(c).replace(/^\((.*)\)$/, '$1'));
    upExprs.unshift({ kind: 'num', value: c, key: rationalToString(c) });
  }
  const numer = upText.length ? sp.join(upText, upExprs) : '1';
  if (downText.length === 0) return { text: sign + numer, prec: PRECEDENCE.mul };
  const f = sp.frac(numer, sp.join(downText, down));
  if (f) return { text: sign + f, prec: sign ? PRECEDENCE.mul : PRECEDENCE.atom };
  const den = downText.length > 1 ? sp.paren(sp.join(downText, down)) : downText[0]!;
  return { text: `${sign}${numer} / ${den}`, prec: PRECEDENCE.mul };
}

/** a rendering in parentheses when it binds less tightly than `min` */
const wrapped = (x: { text: string; prec: number }, min: number, sp: Spelling): string =>
  x.prec < min ? sp.paren(x.text) : x.text;

/** a sum, a negative term written as a subtraction */
function renderSum(terms: readonly Expr[], sp: Spelling): { text: string; prec: number } {
  const wrap = (x: { text: string; prec: number }, min: number) => wrapped(x, min, sp);
  let text = '';
  terms.forEach((t, k) => {
    const negated = negatedTerm(t);
    if (k === 0)
      text = negated ? '-' + wrap(render(negated, sp), PRECEDENCE.mul + 1) : wrap(render(t, sp), PRECEDENCE.add + 1);
    else if (negated) text += ' - ' + wrap(render(negated, sp), PRECEDENCE.mul);
    else text += ' + ' + wrap(render(t, sp), PRECEDENCE.add + 1);
  });
  return { text, prec: PRECEDENCE.add };
}

/** base^exp, a nonnegative integer exponent without parentheses */
function renderPower(b: Expr, exp: Expr, sp: Spelling): { text: string; prec: number } {
  const base = wrapped(render(b, sp), PRECEDENCE.pow + 1, sp);
  // rendered once: rendering it per use made a tower x^x^...^x cost 2^depth
  const ex = render(exp, sp);
  return {
    text: sp.pow(
      base,
      ex.text.length && exp.kind === 'num' && rsign(exp.value) >= 0 && exp.value.d === 1n
        ? ex.text
        : wrapped(ex, PRECEDENCE.atom, sp),
    ),
    prec: PRECEDENCE.pow,
  };
}

function render(e: Expr, sp: Spelling): { text: string; prec: number } {
  switch (e.kind) {
    case 'num': {
      const text = sp.num(e.value);
      const selfContained = text.startsWith('(') || (rsign(e.value) >= 0 && e.value.d === 1n);
      return { text, prec: selfContained ? PRECEDENCE.atom : PRECEDENCE.mul };
    }
    case 'sym':
      return { text: sp.sym(e.name), prec: PRECEDENCE.atom };
    case 'const':
      return { text: sp.constant(e.name), prec: PRECEDENCE.atom };
    case 'units':
      return { text: sp.units, prec: PRECEDENCE.atom };
    case 'elem':
      return {
        text: sp.elem(
          e.name,
          e.indices.map((i: IndexTerm) => render(i, sp).text),
        ),
        prec: PRECEDENCE.atom,
      };
    case 'add':
      return renderSum(e.terms, sp);
    case 'mul':
      return renderProduct(e.factors, sp);
    case 'pow':
      return renderPower(e.base, e.exp, sp);
    case 'call':
      return {
        text: sp.call(
          e.fn,
          e.args.map((a) => argumentText(a, sp)),
        ),
        prec: PRECEDENCE.atom,
      };
    case 'sum':
      return { text: sp.sum(e.index, render(e.body, sp).text), prec: operatorPrec(sp) };
    case 'delta':
      return { text: sp.delta(render(e.a, sp).text, render(e.b, sp).text), prec: PRECEDENCE.atom };
    case 'diff':
      return { text: sp.diff(render(e.body, sp).text, render(e.wrt, sp).text), prec: operatorPrec(sp) };
  }
}

/** an argument between a call's parentheses and commas: a number needs no parentheses of its own there (sqrt(-8), not sqrt((-8))) */
function argumentText(a: Expr, sp: Spelling): string {
  const text = render(a, sp).text;
  return a.kind === 'num' && text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
}

/** how tightly sum and diff bind: a closed call in ASCII; in LaTeX they take the following product, like a product */
const operatorPrec = (sp: Spelling): number => (sp.operatorForms ? PRECEDENCE.mul : PRECEDENCE.atom);

/** t without its leading minus sign, when t is a product with a negative coefficient */
function negatedTerm(t: Expr): Expr | undefined {
  if (t.kind === 'num' && rsign(t.value) < 0)
    return { ...t, value: rneg(t.value), key: rationalToString(rneg(t.value)) };
  if (t.kind !== 'mul') return undefined;
  const first = t.factors[0];
  if (first?.kind !== 'num' || rsign(first.value) >= 0) return undefined;
  const c = rneg(first.value);
  const rest = t.factors.slice(1);
  const factors = c.n === 1n && c.d === 1n ? rest : [{ ...first, value: c, key: rationalToString(c) }, ...rest];
  if (factors.length === 1) return factors[0];
  return { ...t, factors };
}

const ascii: Spelling = {
  num: (v) => (v.d === 1n ? (v.n < 0n ? `(${v.n})` : v.n.toString()) : `(${v.n}/${v.d})`),
  sym: (n) => n,
  constant: (n) => n,
  elem: (n, idx) => `${n}[${idx.join(', ')}]`,
  frac: () => undefined,
  join: (factors) => factors.join(' * '),
  operatorForms: false,
  pow: (b, x) => `${b}^${x}`,
  call: (fn, args) => `${fn}(${args.join(', ')})`,
  sum: (i, body) => `sum(${i}, ${body})`,
  delta: (a, b) => `delta(${a}, ${b})`,
  diff: (body, wrt) => `diff(${body}, ${wrt})`,
  // why: the number of units is what sum(k, 1) reads as; a bare `n` would read back as a variable
  units: 'sum(k, 1)',
  paren: (s) => `(${s})`,
};

/** Greek names printed as letters: not `pi` (the constant) nor `delta` (the Kronecker delta), which the reader reads as those */
const greekName = (head: string): boolean => GREEK.has(head) && head !== 'pi' && head !== 'delta';

/** LaTeX for a name, written so the LaTeX reader reads it back: `w_ij` -> `w_{ij}`, `pN` -> `\mathit{pN}`, `x1` -> `\mathit{x1}`, `alpha` -> `\alpha` */
function latexName(name: string): string {
  const [head, ...rest] = name.split('_');
  const base = head!.length === 1 ? head! : greekName(head!) ? `\\${head}` : `\\mathit{${head}}`;
  return rest.length ? `${base}_{${rest.join('')}}` : base;
}

const latex: Spelling = {
  num: (v) => (v.d === 1n ? v.n.toString() : `${v.n < 0n ? '-' : ''}\\frac{${v.n < 0n ? -v.n : v.n}}{${v.d}}`),
  sym: latexName,
  constant: (n) => (n === 'pi' ? '\\pi' : 'e'),
  elem: (n, idx) => `${latexName(n)}_{${idx.join(idx.some((i) => i.length > 1) ? ',' : '')}}`,
  frac: (a, b) => `\\frac{${a}}{${b}}`,
  // why: the reader refuses a number right after a factor (`x 2`), and reads a name before a bracket
  // as a call (`p_R (x)`, which it refuses unless p_R is a declared value); \cdot separates both
  join: (factors, exprs) =>
    factors
      .map((f, k) =>
        k > 0 && (/^\d/.test(f) || (exprs[k - 1]?.kind === 'sym' && f.startsWith('\\left('))) ? `\\cdot ${f}` : f,
      )
      .join(' '),
  operatorForms: true,
  pow: (b, x) => `${b}^{${x.replace(/^\((.*)\)$/, '$1')}}`,
  call: (fn, args) => {
    const b = BUILTINS.get(fn);
    if (fn === 'sqrt') return `\\sqrt{${args[0]}}`;
    const name = b ? b.latex : greekName(fn) ? `\\${fn}` : `\\operatorname{${fn}}`;
    return `${name}\\left(${args.join(', ')}\\right)`;
  },
  sum: (i, body) => `\\sum_{${i}} \\left(${body}\\right)`,
  delta: (a, b) => `\\delta_{${a}${a.length > 1 || b.length > 1 ? ',' : ''}${b}}`,
  diff: (body, wrt) => `\\frac{\\partial}{\\partial ${wrt}}\\left(${body}\\right)`,
  units: '\\left(\\sum_{k} 1\\right)',
  paren: (s) => `\\left(${s}\\right)`,
};

/** e in the ASCII expression syntax */
export function toAscii(e: Expr): string {
  return argumentText(e, ascii);
}

/** LaTeX for an expression in one variable: its derivatives are ordinary, d/dx rather than ∂/∂x */
const latexOneVariable: Spelling = { ...latex, diff: (body, wrt) => `\\frac{d}{d ${wrt}}\\left(${body}\\right)` };

/** true when e mentions an array element */
function hasElement(e: Expr): boolean {
  return e.kind === 'elem' || children(e).some(hasElement);
}

/** e in LaTeX (KaTeX-compatible); derivatives as d/dx when e has one variable (no other free name, no array), else ∂/∂x */
export function toLatex(e: Expr): string {
  const oneVariable = freeNames(e).size === 1 && !hasElement(e);
  return render(e, oneVariable ? latexOneVariable : latex).text;
}
