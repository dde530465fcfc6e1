/**
 * A light, local simplifier for explanations: one named rule at a time, so
 * a reader can follow each rewrite. It is untrusted; the explainer asks the
 * core to confirm the end result.
 */
import { type Expr, add, mul, num, pow, sum, children, withChildren, freeIndices } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { substitute } from '../ir/substitute.js';
import { isZero, isOne, rmul, radd, ONE, rsign } from '../ir/rational.js';
import { rangeOf, excludesZero } from '../core/sign.js';
import { Normalizer } from '../core/normal.js';
import { Meter } from '../core/budget.js';

interface Rewrite {
  readonly rule: string;
  readonly result: Expr;
  /** a side condition that was checked, in words */
  readonly condition?: string;
}

/** flatten nested sums/products, fold numbers, drop 0 terms and 1 factors: bookkeeping, not worth a step */
export function tidy(e: Expr): Expr {
  const cs = children(e);
  const x = cs.length ? withChildren(e, cs.map(tidy)) : e;
  if (x.kind === 'add') {
    const terms: Expr[] = [];
    let c = num(0).value;
    for (const t of x.terms.flatMap((t) => (t.kind === 'add' ? t.terms : [t]))) {
      if (t.kind === 'num') c = radd(c, t.value);
      else terms.push(t);
    }
    if (!isZero(c)) terms.unshift(num(c));
    return terms.length === 0 ? num(0) : add(terms);
  }
  if (x.kind === 'mul') {
    const factors: Expr[] = [];
    let c = ONE;
    for (const f of x.factors.flatMap((f) => (f.kind === 'mul' ? f.factors : [f]))) {
      if (f.kind === 'num') c = rmul(c, f.value);
      else factors.push(f);
    }
    if (isZero(c)) return num(0);
    // plain variables first, as people write s_j (1 - p_i)
    const simple = (f: Expr) => f.kind === 'sym' || f.kind === 'elem' || f.kind === 'const';
    factors.sort((a, b) => Number(simple(b)) - Number(simple(a)));
    if (!isOne(c)) factors.unshift(num(c));
    return factors.length === 0 ? num(1) : mul(factors);
  }
  if (x.kind === 'pow' && x.exp.kind === 'num' && isOne(x.exp.value)) return x.base;
  if (x.kind === 'sum' && x.body.kind === 'num' && isZero(x.body.value)) return num(0);
  return x;
}

/** the first rewrite of e (innermost, leftmost) by one of the named simplification rules, if any */
export function simplifyOnce(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): Rewrite | undefined {
  // innermost first: a delta becomes 1 before the sum around it collapses, before factors cancel
  const cs = children(e);
  for (let k = 0; k < cs.length; k++) {
    const r = simplifyOnce(cs[k]!, symbols);
    if (r) {
      const ns = [...cs];
      ns[k] = r.result;
      return { ...r, result: tidy(withChildren(e, ns)) };
    }
  }
  return rewriteHere(e, symbols);
}

function rewriteHere(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): Rewrite | undefined {
  if (e.kind === 'delta' && e.a.key === e.b.key) return { rule: 'nf.delta', result: num(1) };
  if (e.kind === 'delta' && e.a.kind === 'num' && e.b.kind === 'num') return { rule: 'nf.delta', result: num(0) };
  if (e.kind === 'sum') return sumRewrite(e.index, e.body);
  if (e.kind === 'call' && e.fn === 'log' && e.args[0]!.kind === 'const' && e.args[0]!.name === 'e')
    return { rule: 'simplify.log-e', result: num(1) };
  if (e.kind === 'mul') return cancel(e.factors, symbols) ?? constantDenominator(e.factors);
  if (e.kind === 'add') return expandPolynomial(e, symbols);
  return undefined;
}

/** e is a polynomial as written: numbers, plain variables, sums, products and whole nonnegative powers */
function isPolynomial(e: Expr): boolean {
  if (e.kind === 'num' || e.kind === 'sym') return true;
  if (e.kind === 'add' || e.kind === 'mul') return children(e).every(isPolynomial);
  return (
    e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value.d === 1n && e.exp.value.n >= 0n && isPolynomial(e.base)
  );
}

const size = (e: Expr): number => 1 + children(e).reduce((n, c) => n + size(c), 0);

/**
 * a sum of products of polynomials, expanded and its like terms collected, when that is shorter
 * (2 x (1 + x^2) - 2 x (-1 + x^2) = 4 x): the core's normal form of a polynomial is exactly that
 */
function expandPolynomial(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): Rewrite | undefined {
  if (!isPolynomial(e) || !children(e).some((t) => t.kind === 'mul' && t.factors.some((f) => f.kind === 'add')))
    return undefined;
  try {
    const N = new Normalizer(symbols, new Meter());
    const expanded = tidy(N.toExpr(N.nf(e)));
    return size(expanded) < size(e) ? { rule: 'simplify.expand', result: expanded } : undefined;
  } catch {
    // a budget: no simplification (the explanation stays as it is)
    return undefined;
  }
}

/** u / (c v) = (1/c) u / v for a number c: the numbers meet and fold (2 x / (2 sqrt(...)) = x / sqrt(...)) */
function constantDenominator(factors: readonly Expr[]): Rewrite | undefined {
  const k = factors.findIndex(
    (f) =>
      f.kind === 'pow' && f.exp.kind === 'num' && f.base.kind === 'mul' && f.base.factors.some((g) => g.kind === 'num'),
  );
  if (k < 0) return undefined;
  const f = factors[k] as Extract<Expr, { kind: 'pow' }>;
  const base = f.base as Extract<Expr, { kind: 'mul' }>;
  const nums = base.factors.filter((g) => g.kind === 'num');
  const rest = base.factors.filter((g) => g.kind !== 'num');
  const out = [...factors];
  out[k] = mul([...nums.map((c) => pow(c, f.exp)), pow(mul(rest), f.exp)]);
  return { rule: 'simplify.constant-denominator', result: tidy(mul(out)) };
}

/** sum(k, delta(k, t) f) = f with k := t; sum(k, c f) = c sum(k, f) for c free of k */
function sumRewrite(k: string, body: Expr): Rewrite | undefined {
  const factors = body.kind === 'mul' ? body.factors : [body];
  const d = factors.findIndex(
    (f) => f.kind === 'delta' && (f.a.kind === 'sym' && f.a.name === k) !== (f.b.kind === 'sym' && f.b.name === k),
  );
  if (d >= 0) {
    const dl = factors[d] as Extract<Expr, { kind: 'delta' }>;
    const other = dl.a.kind === 'sym' && dl.a.name === k ? dl.b : dl.a;
    const rest = factors.filter((_, n) => n !== d);
    return { rule: 'nf.delta-collapse', result: tidy(substitute(mul(rest), new Map([[k, other]]))) };
  }
  const outside = factors.filter((f) => !freeIndices(f).has(k) && !mentionsName(f, k));
  if (outside.length > 0 && outside.length < factors.length) {
    const inside = factors.filter((f) => !outside.includes(f));
    return { rule: 'nf.sum-split', result: tidy(mul([...outside, sum(k, mul(inside))])) };
  }
  return undefined;
}

function mentionsName(e: Expr, k: string): boolean {
  if (e.kind === 'sym' && e.name === k) return true;
  return children(e).some((c) => mentionsName(c, k));
}

/** x * x^-1 = 1 when x is nonzero on the whole domain (interval analysis says so) */
function cancel(factors: readonly Expr[], symbols: ReadonlyMap<string, SymbolDecl>): Rewrite | undefined {
  for (let a = 0; a < factors.length; a++) {
    const f = factors[a]!;
    const inverse = (g: Expr) =>
      g.kind === 'pow' &&
      g.exp.kind === 'num' &&
      rsign(g.exp.value) < 0 &&
      isOne({ n: -g.exp.value.n, d: g.exp.value.d })
        ? g.base
        : undefined;
    const fInv = inverse(f);
    for (let b = 0; b < factors.length; b++) {
      if (a === b) continue;
      const g = factors[b]!;
      const base = fInv && fInv.key === g.key ? g : undefined;
      if (!base) continue;
      if (!excludesZero(rangeOf(base, symbols))) continue;
      const rest = factors.filter((_, n) => n !== a && n !== b);
      return {
        rule: 'nf.cancel',
        result: tidy(mul(rest)),
        condition: `${describe(base)} is never 0 on the declared domains`,
      };
    }
  }
  return undefined;
}

function describe(e: Expr): string {
  return toAscii(e);
}

/** for printing: a lone negative power (x^(-1), not a factor of a product) as 1 times it, which the printers write 1 / x */
export function asFraction(e: Expr): Expr {
  if (e.kind === 'pow' && e.exp.kind === 'num' && rsign(e.exp.value) < 0) return mul([num(1), e]);
  if (e.kind === 'add') return add(e.terms.map(asFraction));
  return e;
}
