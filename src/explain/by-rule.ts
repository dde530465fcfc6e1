/**
 * Checking `by`: when a step's justification names a known rule ("chain
 * rule", "product rule", "log of a product", "cancel", ...), does the step
 * actually use it? A true step whose `by` names a rule it does not use gets
 * a warning, never a failure: the verdict is the core's.
 */
import { type Expr, type Variable, children } from '../ir/expr.js';
import { mayDepend } from '../core/derivative.js';
import { UnfoldError } from '../ir/unfold.js';
import { BudgetExceeded } from '../core/budget.js';
import { unfoldDefinitions } from '../core/expand.js';
import type { Scope } from '../ir/symbols.js';
import { explainDerivative } from './derivative-steps.js';
import { decideEqual } from '../core/equal.js';

interface NamedRule {
  readonly name: string;
  /** how people write it in `by` */
  readonly pattern: RegExp;
  /** the step uses the rule when it uses any of these rule ids */
  readonly ids: readonly string[];
}

/** the rules `by` may name, with the rule ids that count as using them */
const NAMED_RULES: readonly NamedRule[] = [
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
  { name: 'quotient rule', pattern: /\bquotient rule\b/i, ids: ['d.quotient', 'd.product', 'd.power'] },
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

/**
 * The rule ids of the derivatives this step takes (those in prev that next no
 * longer has), and whether any of them has an inner function, which the chain
 * rule needs: f(v) itself needs no chain rule.
 */
function derivativeRules(prev: Expr, next: Expr, scope: Scope): { rules: Set<string>; chain: boolean } {
  const kept = new Set(diffs(next).map((d) => d.key));
  const rules = new Set<string>();
  let chain = false;
  for (const d of diffs(prev)) {
    if (kept.has(d.key) || d.kind !== 'diff') continue;
    let body: Expr;
    try {
      body = unfoldDefinitions(d.body, scope);
    } catch (err) {
      if (err instanceof UnfoldError || err instanceof BudgetExceeded) continue;
      throw err;
    }
    for (const s of explainDerivative(d.body, d.wrt, scope).steps) rules.add(s.rule);
    chain ||= hasInnerFunction(body, d.wrt, scope);
  }
  return { rules, chain };
}

/** true when e applies a function (or a power) to something that depends on v and is not v itself */
function hasInnerFunction(e: Expr, v: Variable, scope: Scope): boolean {
  // the inner parts: a function's argument, a power's base and (e^(g(x)), 2^(g(x))) its exponent
  const inner = e.kind === 'call' ? [e.args[0]!] : e.kind === 'pow' ? [e.base, e.exp] : [];
  const innerFunction = (u: Expr) => u.key !== v.key && u.kind !== 'num' && mayDepend(u, v, scope.symbols);
  if (inner.some(innerFunction) && !(e.kind === 'call' && scope.definitions.has(e.fn))) return true;
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
  // the chain rule's ids are also those of f(v) itself: they count only where there is an inner function
  const uses = (used: ReadonlySet<string>, chainUsed: boolean) => (r: NamedRule) =>
    r.name === 'chain rule' ? chainUsed && r.ids.some((id) => used.has(id)) : r.ids.some((id) => used.has(id));
  // the core's own rules often settle it: then the explanations below (the costly part) are not needed
  const coreChain = coreRules.some((r) => r === 'd.chain');
  if (named.every(uses(new Set(coreRules), coreChain))) return undefined;
  const taken = derivativeRules(prev, next, scope);
  // a warning only when the named rule provably cannot have produced the step: every rule the core used counts
  const used = new Set([...coreRules, ...taken.rules, ...underDerivative(prev, next, scope)]);
  const missing = named.filter((r) => !uses(used, taken.chain || coreChain)(r));
  if (missing.length === 0) return undefined;
  const names = missing.map((r) => r.name).join(' and ');
  return `\`by\` names the ${names}, but this step does not use ${missing.length > 1 ? 'them' : 'it'}; the step is right, its reason may not be`;
}
