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

type Diff = Extract<Expr, { kind: 'diff' }>;

/**
 * The derivatives this step takes (those in prev that next no longer has),
 * each with its body's definitions unfolded; one whose definitions cannot be
 * unfolded is left out.
 */
function takenDerivatives(prev: Expr, next: Expr, scope: Scope): { d: Diff; body: Expr }[] {
  const kept = new Set(diffs(next).map((d) => d.key));
  const taken: { d: Diff; body: Expr }[] = [];
  for (const d of diffs(prev)) {
    if (kept.has(d.key) || d.kind !== 'diff') continue;
    try {
      taken.push({ d, body: unfoldDefinitions(d.body, scope) });
    } catch (err) {
      if (err instanceof UnfoldError || err instanceof BudgetExceeded) continue;
      throw err;
    }
  }
  return taken;
}

/** whether any derivative taken has an inner function, which the chain rule needs: f(v) itself needs no chain rule */
const takesChain = (taken: readonly { d: Diff; body: Expr }[], scope: Scope): boolean =>
  taken.some(({ d, body }) => hasInnerFunction(body, d.wrt, scope));

/** the rule ids of the derivatives taken, step by step (explainDerivative: the costly part of checking `by`) */
function derivativeRules(taken: readonly { d: Diff; body: Expr }[], scope: Scope): string[] {
  return taken.flatMap(({ d }) => explainDerivative(d.body, d.wrt, scope).steps.map((s) => s.rule));
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
  // a warning only when the named rule provably cannot have produced the step: every rule the core used counts,
  // and those of the rewriting under a derivative and of the derivatives taken; the costliest are computed last,
  // only while some named rule is still missing (adding rules or the chain only ever settles more of them)
  const coreChain = coreRules.some((r) => r === 'd.chain');
  const used = new Set(coreRules);
  if (named.every(uses(used, coreChain))) return undefined;
  const taken = takenDerivatives(prev, next, scope);
  const chain = coreChain || takesChain(taken, scope);
  if (named.every(uses(used, chain))) return undefined;
  for (const r of underDerivative(prev, next, scope)) used.add(r);
  if (named.every(uses(used, chain))) return undefined;
  for (const r of derivativeRules(taken, scope)) used.add(r);
  const missing = named.filter((r) => !uses(used, chain)(r));
  if (missing.length === 0) return undefined;
  const names = missing.map((r) => r.name).join(' and ');
  return `\`by\` names the ${names}, but this step does not use ${missing.length > 1 ? 'them' : 'it'}; the step is right, its reason may not be`;
}
