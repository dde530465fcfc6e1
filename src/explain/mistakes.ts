/**
 * Mistaken differentiators: the core's structural rules with one rule
 * applied the way a student gets it wrong (issue 12). Each mistake is
 * applied at one site (the k-th place where it could apply) or at every
 * site; a site records a sentence saying what went wrong there. Untrusted:
 * diagnose.ts only names a mistake when the core (or the numeric layer)
 * finds the student's step equal to a variant's result.
 */
import { type Expr, type Variable, add, mul, num, pow, neg, call, children } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { toAscii } from '../ir/print.js';
import { rsub, ONE } from '../ir/rational.js';
import { DERIVATIVE_BY_FN } from '../core/rules.js';
import { type DiffContext, symbolicDerivative, derivativeRule, mayDepend } from '../core/derivative.js';
import type { MistakeKind } from '../verdict/result.js';

/** which site a variant gets wrong: its number in the order the differentiator meets them, or all of them */
type Site = number | 'all';

interface State {
  readonly kind: MistakeKind;
  readonly site: Site;
  count: number;
  /** what was done wrong, one sentence per site that was applied */
  readonly notes: string[];
}

const TOP: DiffContext = { bound: new Set(), vBound: new Set() };

const txt = (e: Expr) => toAscii(e);

/** the d/dv as a student writes it, for messages */
const dd = (v: Variable) => `d/d${txt(v)}`;

/** a correct derivative of e (used inside a variant for the parts it does not get wrong) */
function right(e: Expr, v: Variable, symbols: ReadonlyMap<string, SymbolDecl>, ctx: DiffContext): Expr {
  return symbolicDerivative(e, v, symbols, undefined, 0, ctx);
}

/** d e / d v with state.kind applied wrong at state.site */
function mistakenDerivative(
  e: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  state: State,
  ctx: DiffContext = TOP,
): Expr {
  const d = (x: Expr, inner: DiffContext = ctx) => mistakenDerivative(x, v, symbols, state, inner);
  if (e.kind === 'diff') return right(e, v, symbols, ctx);
  if (!mayDepend(e, v, symbols, ctx.vBound)) return num(0);
  const take = (note: string): boolean => {
    const k = state.count++;
    const hit = state.site === 'all' || state.site === k;
    if (hit) state.notes.push(note);
    return hit;
  };
  const wrong = siteRule(e, v, symbols, state.kind, ctx, d, take);
  if (wrong) return wrong;
  return derivativeRule(e, v, symbols, d, ctx).result;
}

type Take = (note: string) => boolean;
type D = (x: Expr, inner?: DiffContext) => Expr;

/** the wrong local derivative at e when e is a site of `kind` and the variant takes it; undefined: the right rule */
function siteRule(
  e: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  kind: MistakeKind,
  ctx: DiffContext,
  d: D,
  take: Take,
): Expr | undefined {
  const isV = (u: Expr) => u.key === v.key;
  const dep = (u: Expr) => mayDepend(u, v, symbols, ctx.vBound);
  switch (kind) {
    case 'missing-inner-derivative':
      return missingInner(e, v, isV, dep, take);
    case 'log-without-inner-derivative':
      if (e.kind === 'call' && e.fn === 'log' && !isV(e.args[0]!))
        if (take(`${dd(v)} log(u) is 1/u times u', and u' = ${dd(v)} ${txt(e.args[0]!)} is missing`))
          return pow(e.args[0]!, num(-1));
      return undefined;
    case 'sign-slip':
      if (e.kind === 'call' || e.kind === 'pow' || e.kind === 'mul')
        if (take(`the sign of ${dd(v)} ${txt(e)} is wrong`)) return neg(derivativeRule(e, v, symbols, d, ctx).result);
      return undefined;
    case 'product-rule-term-missing':
      return productTermMissing(e, v, dep, d, take);
    case 'quotient-rule-reversed':
      return quotientReversed(e, v, symbols, dep, d, ctx, take);
    case 'power-not-lowered':
      if (e.kind === 'pow' && !dep(e.exp))
        if (take(`the power rule lowers the exponent: ${dd(v)} u^n = n u^(n-1) u', not n u^n u' (at ${txt(e)})`))
          return mul([e.exp, e, d(e.base)]);
      return undefined;
    case 'variable-treated-as-constant':
      if (e.kind === 'pow' && dep(e.exp)) {
        const lowered = e.exp.kind === 'num' ? num(rsub(e.exp.value, ONE)) : add([e.exp, num(-1)]);
        if (
          take(
            `the exponent ${txt(e.exp)} depends on ${txt(v)} but was treated as a constant (power rule on ${txt(e)})`,
          )
        )
          return mul([e.exp, pow(e.base, lowered), ...(dep(e.base) && !isV(e.base) ? [d(e.base)] : [])]);
      }
      return undefined;
    default:
      return undefined;
  }
}

/** the chain rule without the inner derivative: at a function call or a power of something other than v itself */
function missingInner(e: Expr, v: Variable, isV: (u: Expr) => boolean, dep: (u: Expr) => boolean, take: Take) {
  if (e.kind === 'call' && e.fn !== 'log' && e.args.length === 1) {
    const rule = DERIVATIVE_BY_FN.get(e.fn);
    const u = e.args[0]!;
    if (rule && !isV(u) && take(`the chain rule's inner derivative ${dd(v)} ${txt(u)} is missing (at ${txt(e)})`))
      return rule.partials([u])[0]!;
  }
  if (e.kind === 'pow' && !dep(e.exp) && !isV(e.base)) {
    const lowered = e.exp.kind === 'num' ? num(rsub(e.exp.value, ONE)) : add([e.exp, num(-1)]);
    if (take(`the chain rule's inner derivative ${dd(v)} ${txt(e.base)} is missing (at ${txt(e)})`))
      return mul([e.exp, pow(e.base, lowered)]);
  }
  if (e.kind === 'pow' && !dep(e.base) && dep(e.exp) && !isV(e.exp)) {
    if (take(`the chain rule's inner derivative ${dd(v)} ${txt(e.exp)} is missing (at ${txt(e)})`))
      return e.base.kind === 'const' && e.base.name === 'e' ? e : mul([e, call('log', [e.base])]);
  }
  return undefined;
}

/** the product rule with one term left out: one site per factor that depends on v */
function productTermMissing(e: Expr, v: Variable, dep: (u: Expr) => boolean, d: D, take: Take): Expr | undefined {
  if (e.kind !== 'mul') return undefined;
  const moving = e.factors.map((f, k) => (dep(f) ? k : -1)).filter((k) => k >= 0);
  if (moving.length < 2) return undefined;
  for (const k of moving)
    if (take(`the product rule has a term per factor; the term with ${dd(v)} ${txt(e.factors[k]!)} is missing`))
      return add(
        moving
          .filter((j) => j !== k)
          .map((j) => mul([...e.factors.slice(0, j), d(e.factors[j]!), ...e.factors.slice(j + 1)])),
      );
  return undefined;
}

/** (u/w)' = (u'w - uw')/w^2 written as (uw' - u'w)/w^2: a quotient whose numerator and denominator both depend on v */
function quotientReversed(
  e: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  dep: (u: Expr) => boolean,
  d: D,
  ctx: DiffContext,
  take: Take,
): Expr | undefined {
  if (e.kind !== 'mul') return undefined;
  const isDen = (f: Expr) => f.kind === 'pow' && f.exp.kind === 'num' && f.exp.value.n < 0n && dep(f.base);
  const den = e.factors.filter(isDen);
  const top = e.factors.filter((f) => !isDen(f));
  if (den.length === 0 || !top.some(dep)) return undefined;
  if (!take(`the quotient rule's numerator is reversed: it is u'v - uv', not uv' - u'v (at ${txt(e)})`))
    return undefined;
  return neg(derivativeRule(e, v, symbols, d, ctx).result);
}

/** the variants of one kind: every site, then each site alone (at most maxSites); each with its notes */
export function variantsOf(
  body: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  kind: MistakeKind,
  maxSites: number,
): { result: Expr; notes: string[] }[] {
  const probe: State = { kind, site: -1, count: 0, notes: [] };
  mistakenDerivative(body, v, symbols, probe);
  if (probe.count === 0) return [];
  const sites: Site[] = [];
  for (let k = 0; k < Math.min(probe.count, maxSites); k++) sites.push(k);
  if (probe.count > 1 && kind !== 'product-rule-term-missing') sites.push('all');
  return sites.map((site) => {
    const s: State = { kind, site, count: 0, notes: [] };
    return { result: mistakenDerivative(body, v, symbols, s), notes: s.notes };
  });
}

/** the symbols of e that are constant with respect to v: declared scalars other than v */
export function constantSymbols(e: Expr, v: Variable, symbols: ReadonlyMap<string, SymbolDecl>): string[] {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    if (x.kind === 'sym' && x.key !== v.key) {
      const decl = symbols.get(x.name);
      if (decl && decl.kind === 'scalar' && !mayDepend(x, v, symbols)) out.add(x.name);
    }
    children(x).forEach(walk);
  };
  walk(e);
  return [...out];
}
