/**
 * Symbolic differentiation, written once: structural rules here, the
 * function table in rules.ts. It lives in the trusted core because the core
 * must decide steps that contain `diff`; it is small on purpose.
 */
import {
  type Expr,
  type IndexTerm,
  type Variable,
  add,
  mul,
  num,
  pow,
  call,
  sum,
  delta,
  diff,
  sym,
  freeIndices,
  children,
  withChildren,
} from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { substitute, freshName, allNames } from '../ir/substitute.js';
import { boundIndicesOf, mayDepend } from '../ir/depend.js';
import { rsub, rsign, ONE } from '../ir/rational.js';
import { DERIVATIVE_BY_FN, type RuleId } from './rules.js';
import { BudgetExceeded, MAX_DEPTH, MAX_DERIVATIVE_SIZE } from './budget.js';

/** called for each rule application, for explanations */
export type Trace = (ruleId: RuleId, expr: Expr, result: Expr) => void;

/** true unless e is certainly constant with respect to v (the independence logic lives in the IR: ir/depend.ts) */
export { mayDepend };

/** the index names bound around a node, and those of the variable being differentiated by */
export interface DiffContext {
  /** index names bound by sums around the node being differentiated */
  readonly bound: ReadonlySet<string>;
  /** the indices of the variable that are bound where its derivative is taken: it matches no independent_of entry */
  readonly vBound: ReadonlySet<string>;
}

const TOP: DiffContext = { bound: new Set(), vBound: new Set() };

/** d e / d v, unsimplified; `diff` inside e is eliminated first (inner derivatives first) */
export function symbolicDerivative(
  e: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  trace?: Trace,
  depth = 0,
  ctx: DiffContext = TOP,
): Expr {
  if (depth > MAX_DEPTH) throw new BudgetExceeded('MAX_DEPTH');
  const d = (x: Expr, inner: DiffContext = ctx) => symbolicDerivative(x, v, symbols, trace, depth + 1, inner);
  const note = (id: RuleId, r: Expr): Expr => {
    trace?.(id, e, r);
    withinSize(r.key.length);
    return r;
  };
  if (e.kind === 'diff') {
    if (!isOpaqueDerivative(e, symbols)) return d(eliminateDiff(e, symbols, trace, depth + 1, ctx.bound));
    // a derivative of an opaque quantity is itself opaque: it may depend on what the quantity may depend on
    return mayDepend(e.body, v, symbols, ctx.vBound) ? note('d.opaque', diff(e, v)) : note('d.independent', num(0));
  }
  if (!mayDepend(e, v, symbols, ctx.vBound)) {
    const decl = e.kind === 'sym' ? symbols.get(e.name) : undefined;
    return note(decl && decl.kind === 'scalar' && decl.opaque ? 'd.independent' : 'd.const', num(0));
  }
  const { rule, result } = derivativeRule(e, v, symbols, d, ctx);
  return note(rule, result);
}

/**
 * d e / d v by the one rule for e's head, with `d` giving the derivatives of
 * the parts: the structural rules, written once. The core passes a `d` that
 * recurses; the explainer passes one that leaves diff(part, v) to show the
 * step. e must be a node that may depend on v, and not a `diff`.
 */
export function derivativeRule(
  e: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  d: (x: Expr, inner?: DiffContext) => Expr,
  ctx: DiffContext = TOP,
): { rule: RuleId; result: Expr } {
  const r = (rule: RuleId, result: Expr) => ({ rule, result });
  switch (e.kind) {
    case 'sym':
      if (v.kind === 'sym' && v.name === e.name) return r('d.var', num(1));
      return r('d.opaque', diff(e, v)); // an opaque symbol that may depend on v
    case 'elem': {
      const target = v as Extract<Variable, { kind: 'elem' }>;
      if (target.indices.length !== e.indices.length) return r('d.const', num(0));
      return elementRule(e, target, symbols);
    }
    case 'add':
      return r('d.sum-rule', add(e.terms.map((t) => d(t))));
    case 'mul': {
      // the product rule writes every factor once per factor: refuse before building k^2 copies
      withinSize(e.factors.length * e.key.length);
      return r(
        'd.product',
        add(e.factors.map((f, k) => mul([...e.factors.slice(0, k), d(f), ...e.factors.slice(k + 1)]))),
      );
    }
    case 'pow':
      return powerRule(e, v, symbols, d, ctx);
    case 'call': {
      // the chain rule, with f' from the table
      const rule = DERIVATIVE_BY_FN.get(e.fn);
      if (!rule) throw new Error(`no derivative rule for ${e.fn} (definitions must be unfolded first)`);
      const terms = rule.partials(e.args).map((p, k) => mul([p, d(e.args[k]!)]));
      return r(rule.id, terms.length === 1 ? terms[0]! : add(terms));
    }
    case 'sum': {
      // rename the bound index when v names it, so the sum's k is not the k of v
      const vNames = freeIndices(v);
      let index = e.index;
      let body = e.body;
      if (vNames.has(index)) {
        index = freshName(index, new Set([...allNames(e.body), ...vNames]));
        body = substitute(e.body, new Map([[e.index, sym(index)]]));
      }
      return r('d.sum-index', sum(index, d(body, { ...ctx, bound: new Set([...ctx.bound, index]) })));
    }
    default:
      return r('d.const', num(0));
  }
}

/** d base^exp / d v: the power rule, the exponential rule, or the general rule when both may depend on v */
function powerRule(
  e: Extract<Expr, { kind: 'pow' }>,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  d: (x: Expr) => Expr,
  ctx: DiffContext,
): { rule: RuleId; result: Expr } {
  const { base, exp } = e;
  // x^0 is 1 everywhere (0^0 = 1): its derivative is 0, not the power rule's 0 x^(-1), undefined at x = 0
  if (exp.kind === 'num' && rsign(exp.value) === 0) return { rule: 'd.const', result: num(0) };
  if (!mayDepend(exp, v, symbols, ctx.vBound)) {
    const lowered = exp.kind === 'num' ? num(rsub(exp.value, ONE)) : add([exp, num(-1)]);
    return { rule: 'd.power', result: mul([exp, pow(base, lowered), d(base)]) };
  }
  if (!mayDepend(base, v, symbols, ctx.vBound))
    return { rule: 'd.exp-power', result: mul([e, call('log', [base]), d(exp)]) };
  return {
    rule: 'd.general-power',
    result: mul([e, add([mul([d(exp), call('log', [base])]), mul([exp, d(base), pow(base, num(-1))])])]),
  };
}

/** d e / d target for two elements of one array: Kronecker deltas, both positions for a symmetric array */
function elementRule(
  e: Extract<Expr, { kind: 'elem' }>,
  target: Extract<Variable, { kind: 'elem' }>,
  symbols: ReadonlyMap<string, SymbolDecl>,
): { rule: RuleId; result: Expr } {
  const decl = symbols.get(e.name);
  if (decl?.kind !== 'array' || !decl.symmetric || e.indices.length !== 2)
    return { rule: 'd.indexed', result: mul(e.indices.map((ix, k) => delta(ix, target.indices[k]!))) };
  // w[m,k] is w[i,j] when (m,k) = (i,j) or (j,i); on the diagonal i = j the two are one position
  const [m, k] = e.indices as [IndexTerm, IndexTerm];
  const [i, j] = target.indices as [IndexTerm, IndexTerm];
  const straight = mul([delta(m, i), delta(k, j)]);
  const swapped = mul([delta(m, j), delta(k, i)]);
  return { rule: 'd.symmetric', result: add([straight, swapped, mul([num(-1), straight, delta(i, j)])]) };
}

/** throws BudgetExceeded when a derivative of `chars` key characters would pass MAX_DERIVATIVE_SIZE */
function withinSize(chars: number): void {
  if (chars > MAX_DERIVATIVE_SIZE) throw new BudgetExceeded('MAX_DERIVATIVE_SIZE');
}

/** true for `diff(q, v)` with q an opaque symbol or itself such a derivative: an atom, not a derivative to take */
export function isOpaqueDerivative(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  if (e.kind !== 'diff') return false;
  if (e.body.kind === 'sym') {
    const d = symbols.get(e.body.name);
    return d !== undefined && d.kind === 'scalar' && d.opaque && e.wrt.key !== e.body.key;
  }
  return isOpaqueDerivative(e.body, symbols);
}

/**
 * e with every `diff(body, v)` replaced by the derivative, innermost first;
 * opaque derivatives stay `diff` atoms. `bound`: the index names bound by sums
 * around e (a variable written with one of them is not the free one an
 * `independent_of` entry names).
 */
export function eliminateDiff(
  e: Expr,
  symbols: ReadonlyMap<string, SymbolDecl>,
  trace?: Trace,
  depth = 0,
  bound: ReadonlySet<string> = TOP.bound,
): Expr {
  if (depth > MAX_DEPTH) throw new BudgetExceeded('MAX_DEPTH');
  if (e.kind === 'diff') {
    const inner = eliminateDiff(e.body, symbols, trace, depth + 1, bound);
    return symbolicDerivative(inner, e.wrt, symbols, trace, depth + 1, { bound, vBound: boundIndicesOf(e.wrt, bound) });
  }
  const cs = children(e);
  if (cs.length === 0) return e;
  const inner = e.kind === 'sum' ? new Set([...bound, e.index]) : bound;
  const ns = cs.map((c) => eliminateDiff(c, symbols, trace, depth + 1, inner));
  return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
}
