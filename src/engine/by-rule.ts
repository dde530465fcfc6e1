/**
 * Checking `by`: when a step's justification names a known rule ("chain
 * rule", "product rule", "log of a product", "cancel", ...), does the step
 * actually use it? A true step whose `by` names a rule it does not use gets
 * a warning, never a failure: the verdict is the core's.
 */
import { type Expr, type Variable, children } from '../ir/expr.js';
import { DERIVATIVE_BY_FN } from '../core/rules.js';
import { mayDepend } from '../core/derivative.js';
import { UnfoldError } from '../ir/unfold.js';
import { BudgetExceeded } from '../core/budget.js';
import { unfoldDefinitions } from '../core/expand.js';
import type { Scope } from '../ir/symbols.js';
import { explainDerivative } from './explain.js';
import { decideEqual } from '../core/equal.js';

interface NamedRule {
  readonly name: string;
  /** how people write it in `by` */
  readonly pattern: RegExp;
  /** the step uses the rule when it uses any of these rule ids */
  readonly ids: readonly string[];
}

/** the rules `by` may name, with the rule ids that count as using them */
export const NAMED_RULES: readonly NamedRule[] = [
  // the power rule applied to (inner)^c multiplies by the inner derivative: people call that the chain rule too
  {
    name: 'chain rule',
    pattern: /\bchain rule\b/i,
    ids: [
      'd.chain',
      'd.power',
      'd.general-power',
      'd.exp-power',
      'd.log',
      'd.exp',
      'd.sqrt',
      'd.sin',
      'd.cos',
      'd.tan',
      'd.sinh',
      'd.cosh',
      'd.tanh',
      'd.asin',
      'd.acos',
      'd.atan',
      'd.sigma',
    ],
  },
  { name: 'product rule', pattern: /\bproduct rule\b/i, ids: ['d.product'] },
  { name: 'quotient rule', pattern: /\bquotient rule\b/i, ids: ['d.product', 'd.power'] },
  { name: 'power rule', pattern: /\bpower rule\b/i, ids: ['d.power', 'd.general-power'] },
  { name: 'sum rule', pattern: /\b(sum rule|linearity)\b/i, ids: ['d.sum-rule', 'd.sum-index'] },
  {
    name: 'log of a product',
    pattern: /\blog(arithm)? of (a|the) product\b/i,
    ids: ['nf.log-product', 'nf.binary-log'],
  },
  // "the two sigmoids cancel" (a common factor), not "the t y terms cancel" (terms adding to 0)
  { name: 'cancellation', pattern: /(?<!terms\s)\bcancel/i, ids: ['nf.cancel'] },
  { name: 'Kronecker delta', pattern: /\b(kronecker|delta)\b/i, ids: ['d.indexed', 'nf.delta', 'nf.delta-collapse'] },
];

/** the diff nodes of e, outermost only */
function diffs(e: Expr, out: Expr[] = []): Expr[] {
  if (e.kind === 'diff') out.push(e);
  else children(e).forEach((c) => diffs(c, out));
  return out;
}

/** the rule ids of the derivatives this step takes: those in prev that next no longer has */
function derivativeRules(prev: Expr, next: Expr, scope: Scope): Set<string> {
  const kept = new Set(diffs(next).map((d) => d.key));
  const out = new Set<string>();
  for (const d of diffs(prev)) {
    if (kept.has(d.key) || d.kind !== 'diff') continue;
    const rules = explainDerivative(d.body, d.wrt, scope).steps.map((s) => s.rule);
    let body: Expr;
    try {
      body = unfoldDefinitions(d.body, scope);
    } catch (err) {
      if (err instanceof UnfoldError || err instanceof BudgetExceeded) continue;
      throw err;
    }
    // f(v) itself needs no chain rule: only an inner function that is more than the variable does
    const chain = hasInnerFunction(body, d.wrt, scope);
    for (const r of rules) if (chain || !CHAIN_IDS.has(r)) out.add(r);
  }
  return out;
}

const CHAIN_IDS: ReadonlySet<string> = new Set([
  'd.chain',
  'd.power',
  'd.general-power',
  'd.exp-power',
  ...[...DERIVATIVE_BY_FN.values()].map((r) => r.id),
]);

/** true when e applies a function (or a power) to something that depends on v and is not v itself */
function hasInnerFunction(e: Expr, v: Variable, scope: Scope): boolean {
  const inner = e.kind === 'call' ? e.args[0] : e.kind === 'pow' ? e.base : undefined;
  if (
    inner &&
    inner.key !== v.key &&
    mayDepend(inner, v, scope.symbols) &&
    !(e.kind === 'call' && scope.definitions.has(e.fn))
  )
    return true;
  return children(e).some((c) => hasInnerFunction(c, v, scope));
}

/** a step that rewrites inside a derivative, diff(f, v) -> diff(g, v): the rules that take f to g */
function underDerivative(prev: Expr, next: Expr, scope: Scope): string[] {
  if (prev.kind !== 'diff' || next.kind !== 'diff' || prev.wrt.key !== next.wrt.key) return [];
  const d = decideEqual(prev.body, next.body, scope);
  return d.proved ? [...d.rules] : [];
}

/** a warning when `by` names a known rule that the step from prev to next does not use; `coreRules` are the ids the core used */
export function checkBy(
  by: string,
  prev: Expr,
  next: Expr,
  scope: Scope,
  coreRules: readonly string[],
): string | undefined {
  const named = NAMED_RULES.filter((r) => r.pattern.test(by));
  if (named.length === 0) return undefined;
  const used = new Set([
    ...coreRules.filter((r) => r.startsWith('nf.')),
    ...derivativeRules(prev, next, scope),
    ...underDerivative(prev, next, scope),
  ]);
  const missing = named.filter((r) => !r.ids.some((id) => used.has(id)));
  if (missing.length === 0) return undefined;
  const names = missing.map((r) => r.name).join(' and ');
  return `\`by\` names the ${names}, but this step does not use it${missing.length > 1 ? '' : ''}; the step is right, its reason may not be`;
}
