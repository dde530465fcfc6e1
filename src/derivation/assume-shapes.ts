/**
 * The shapes of an assumed equation the checker can use (contract version 2,
 * `assume:`), from its two parsed sides:
 *
 * - a variable equal to an expression free of it: `p = 1/2`, `b = 1 - a`
 *   (put in for the variable, by the core and the numeric layer alike);
 * - an equation with a term c v (c a nonzero number) whose variable v occurs
 *   nowhere else: `a + b = 1` is solved for one such variable, `b = 1 - a`;
 * - a sum equal to something free of what it sums: `sum(k, t[k]) = 1` (the
 *   core replaces the sum wherever it arises).
 *
 * Anything else is refused with the shapes that are supported. A variable
 * that is put in must be a plain independent variable (not opaque: an opaque
 * quantity is said with `define`), and its value defined and inside its
 * domain at every point (assume-defined.ts), so that no premise silently
 * excludes points.
 */
import { type Expr, type Variable, add, children, mul, num } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { type Rational, ONE, rdiv, rsign } from '../ir/rational.js';
import { type SymbolDecl, domainText, inDomain } from '../ir/symbols.js';
import { constantRational } from './constant-value.js';
import { assumedValueProblem } from './assume-defined.js';

type Shape =
  | { readonly kind: 'value'; readonly variable: Variable; readonly value: Expr; readonly solved: boolean }
  | { readonly kind: 'sum'; readonly sum: Expr; readonly value: Expr };

interface ShapeEnv {
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  /** the names under `define` (a call of one may hide an opaque quantity) */
  readonly functions: ReadonlyMap<string, number>;
}

/** the usable shape of lhs = rhs, or a sentence saying why there is none */
export function shapeOf(lhs: Expr, rhs: Expr, env: ShapeEnv): Shape | string {
  const isVar = (e: Expr): e is Variable => e.kind === 'sym' || e.kind === 'elem';
  // a sum first: `sum(k, t[k]) = c` replaces the sum, as version 2 first did
  if (lhs.kind === 'sum' && !sharesVariables(lhs, rhs)) return sumShape(lhs, rhs, env);
  if (rhs.kind === 'sum' && !sharesVariables(rhs, lhs)) return sumShape(rhs, lhs, env);
  for (const [v, other] of [
    [lhs, rhs],
    [rhs, lhs],
  ] as const)
    if (isVar(v) && !mentionsVariable(other, v)) return valueShape(v, other, false, env);
  const solved = solveLinear(lhs, rhs, env) ?? solveLinear(rhs, lhs, env);
  if (solved) return valueShape(solved.variable, solved.value, true, env);
  return `the checker can use an assumption that gives one variable a value free of it ("p = 1/2", "b = 1 - a"), that can be solved for a variable occurring once as a term ("a + b = 1"), or whose one side is a sum and the other free of what it sums ("sum(k, t[k]) = 1"); '${toAscii(lhs)} = ${toAscii(rhs)}' is none of these: write it solved for one variable`;
}

/** a sum given a value: both defined everywhere, or the premise would exclude points silently */
function sumShape(sum: Expr, value: Expr, env: ShapeEnv): Shape | string {
  return (
    impossibleSum(sum, value, env.symbols) ??
    assumedValueProblem(toAscii(sum), value, undefined, env.symbols) ??
    assumedValueProblem(toAscii(value), sum, undefined, env.symbols) ?? { kind: 'sum', sum, value }
  );
}

/**
 * Why sum(k, a[...]) = c holds at no point: the sum has n >= 1 terms, each in
 * a's domain, so a domain of one sign gives the sum that sign and a binary one
 * a whole number >= 0. Such a premise would make every step vacuously true,
 * and a counterexample would violate it (x = x + 1 refuted at x = 0 under
 * sum(k, t[k]) = 0 with t positive); like contradicting premises
 * (assume-conflicts.ts), it is an input error.
 */
function impossibleSum(sum: Expr, value: Expr, symbols: ReadonlyMap<string, SymbolDecl>): string | undefined {
  const c = constantRational(value);
  const decl = sum.kind === 'sum' && sum.body.kind === 'elem' ? symbols.get(sum.body.name) : undefined;
  if (c === undefined || decl?.kind !== 'array') return undefined;
  const d = decl.domain;
  const s = rsign(c);
  let holds: string | undefined;
  if (d.kind === 'binary') holds = c.d !== 1n || s < 0 ? 'a whole number >= 0' : undefined;
  else if (d.kind === 'interval' && d.lo && rsign(d.lo) >= 0 && s <= 0)
    holds = rsign(d.lo) > 0 || d.loOpen ? '> 0' : s < 0 ? '>= 0' : undefined;
  else if (d.kind === 'interval' && d.hi && rsign(d.hi) <= 0 && s >= 0)
    holds = rsign(d.hi) < 0 || d.hiOpen ? '< 0' : s > 0 ? '<= 0' : undefined;
  if (holds === undefined) return undefined;
  return `${toAscii(sum)} = ${toAscii(value)} holds nowhere: each ${decl.name} element is ${domainText(d)} and a sum has at least one unit, so it is ${holds}; a premise that holds nowhere would make every step vacuously true`;
}

function valueShape(variable: Variable, value: Expr, solved: boolean, env: ShapeEnv): Shape | string {
  const decl = env.symbols.get(variable.name);
  const name = toAscii(variable);
  // an index is refused by the parser already (it has no value outside brackets)
  if (decl?.kind === 'scalar' && decl.opaque)
    return `'${variable.name}' is an opaque quantity; to say what it is, use define (or a case's define), not assume`;
  const domain = decl && decl.kind !== 'index' ? decl.domain : undefined;
  const c = constantRational(value);
  if (c !== undefined && domain && !inDomain(c, domain))
    return `${name} = ${toAscii(value)} is outside the declared domain of ${variable.name}, ${domainText(domain)}`;
  const hidden = opaqueIn(value, env);
  if (hidden)
    return `the value of ${name} uses ${hidden}, which may depend on the variables while ${name} is an independent variable; say what such a quantity is with define, not assume`;
  const problem = c !== undefined ? undefined : assumedValueProblem(name, value, domain, env.symbols);
  if (problem) return problem;
  return { kind: 'value', variable, value, solved };
}

/** side = other with a term c v of side (v occurring nowhere else): v = (other - the rest) / c */
function solveLinear(side: Expr, other: Expr, env: ShapeEnv): { variable: Variable; value: Expr } | undefined {
  const terms = side.kind === 'add' ? side.terms : [side];
  for (let k = 0; k < terms.length; k++) {
    const t = scaledVariable(terms[k]!);
    if (!t) continue;
    const rest = terms.filter((_, j) => j !== k);
    if (mentionsVariable(other, t.variable) || rest.some((r) => mentionsVariable(r, t.variable))) continue;
    const decl = env.symbols.get(t.variable.name);
    if (decl?.kind === 'scalar' && decl.opaque) continue;
    const moved = add([other, ...rest.map((r) => mul([num(-1), r]))]);
    const value =
      t.coefficient.n === 1n && t.coefficient.d === 1n ? moved : mul([num(rdiv(ONE, t.coefficient)), moved]);
    return { variable: t.variable, value };
  }
  return undefined;
}

/** c v with c a nonzero number, as (v, c) */
function scaledVariable(e: Expr): { variable: Variable; coefficient: Rational } | undefined {
  if (e.kind === 'sym' || e.kind === 'elem') return { variable: e, coefficient: ONE };
  if (e.kind !== 'mul') return undefined;
  const vars = e.factors.filter((f) => f.kind === 'sym' || f.kind === 'elem');
  if (vars.length !== 1) return undefined;
  const rest = e.factors.filter((f) => f !== vars[0]);
  const c = rest.length ? constantRational(mul(rest)) : ONE;
  if (!c || c.n === 0n) return undefined;
  return { variable: vars[0] as Variable, coefficient: rest.length ? c : ONE };
}

/** does e mention v's scalar or array (any element of it: w[1] and w[j] may be one element) */
function mentionsVariable(e: Expr, v: Variable): boolean {
  if ((e.kind === 'sym' || e.kind === 'elem') && e.name === v.name) return true;
  if (e.kind === 'diff') return true;
  return children(e).some((c) => mentionsVariable(c, v));
}

/** true when the two sides mention a common scalar or array */
function sharesVariables(a: Expr, b: Expr): boolean {
  const names = (e: Expr, out: Set<string>): Set<string> => {
    if (e.kind === 'sym' || e.kind === 'elem') out.add(e.name);
    if (e.kind === 'call') out.add(`${e.fn}()`);
    for (const c of children(e)) names(c, out);
    return out;
  };
  const an = names(a, new Set());
  return [...names(b, new Set())].some((x) => an.has(x));
}

/** an opaque quantity, a definition's call or a derivative in e, as a person reads it, or undefined */
function opaqueIn(e: Expr, env: ShapeEnv): string | undefined {
  if (e.kind === 'sym') {
    const d = env.symbols.get(e.name);
    if (d?.kind === 'scalar' && d.opaque) return `the opaque quantity ${e.name}`;
  }
  if (e.kind === 'call' && env.functions.has(e.fn)) return `the definition ${e.fn}`;
  if (e.kind === 'diff') return `the derivative ${toAscii(e)}`;
  for (const c of children(e)) {
    const found = opaqueIn(c, env);
    if (found) return found;
  }
  return undefined;
}
