/**
 * Why a step that fails may only fail because of a declaration: an opaque
 * quantity may depend on the variable of a derivative, so its derivative is
 * unknown. When declaring it independent of that variable would let the core
 * prove the step, the message says so and names the declaration to write.
 */
import type { Expr, Variable } from '../ir/expr.js';
import { children } from '../ir/expr.js';
import { boundIndicesOf } from '../ir/depend.js';
import { toAscii } from '../ir/print.js';
import { type Scope, type SymbolDecl, domainText } from '../ir/symbols.js';
import { UnfoldError } from '../ir/unfold.js';
import { BudgetExceeded } from '../core/budget.js';
import { eliminateDiff, isOpaqueDerivative } from '../core/derivative.js';
import { decideEqual } from '../core/equal.js';
import { unfoldDefinitions } from '../core/expand.js';

/** an opaque quantity whose derivative by a variable stays unknown in a step */
interface Dependence {
  readonly name: string;
  readonly variable: Variable;
}

/**
 * the sentence that explains a failed `prev = next` by the opaque quantities
 * it differentiates, with the declarations that would make the core prove it;
 * undefined when no such declaration would
 */
export function opaqueDependenceHint(prev: Expr, next: Expr, scope: Scope, deadline?: number): string | undefined {
  let found: Dependence[];
  try {
    found = [...dependences(prev, scope), ...dependences(next, scope)];
  } catch (err) {
    if (err instanceof UnfoldError || err instanceof BudgetExceeded) return undefined;
    throw err;
  }
  const unique = [...new Map(found.map((d) => [`${d.name} ${d.variable.key}`, d])).values()];
  if (unique.length === 0 || unique.length > MAX_HINT_DEPENDENCES) return undefined;
  // the fewest declarations that make it provable: one at a time first, then all of them together
  const tries = [...unique.map((d) => [d]), ...(unique.length > 1 ? [unique] : [])];
  for (const set of tries) {
    const symbols = declaredIndependent(scope.symbols, set);
    const decision = decideEqual(prev, next, { ...scope, symbols }, deadline !== undefined ? { deadline } : {});
    if (decision.proved) return sentence(set, symbols);
  }
  return undefined;
}

/** why: each candidate costs one more decision of a step that already failed; a handful covers real derivations */
const MAX_HINT_DEPENDENCES = 6;

function declaredIndependent(
  symbols: ReadonlyMap<string, SymbolDecl>,
  set: readonly Dependence[],
): Map<string, SymbolDecl> {
  const out = new Map(symbols);
  for (const d of set) {
    const decl = out.get(d.name) as Scalar;
    out.set(d.name, { ...decl, independentOf: [...decl.independentOf, d.variable] });
  }
  return out;
}

function sentence(set: readonly Dependence[], symbols: ReadonlyMap<string, SymbolDecl>): string {
  const names = [...new Set(set.map((d) => d.name))];
  const what = set.map((d) => `${d.name} may depend on ${toAscii(d.variable)}`).join(', and ');
  const fixes = names.map((n) => `\`${n}: ${declaration(symbols.get(n) as Scalar)}\``);
  const them = set.length > 1 ? 'they do' : 'it does';
  return (
    `${what}: an opaque quantity may depend on every variable it is not declared independent of, so its derivative is unknown here, not 0. ` +
    `If ${them} not, declare ${fixes.join(' and ')}; with that declaration the step is proved`
  );
}

type Scalar = Extract<SymbolDecl, { kind: 'scalar' }>;

/** the declaration as it would be written under symbols */
function declaration(d: Scalar): string {
  const domain = domainText(d.domain);
  const list = d.independentOf.map((v) => JSON.stringify(toAscii(v).replace(/\s+/g, ''))).join(', ');
  return `{${domain === 'real' ? '' : `domain: ${domain}, `}independent_of: [${list}]}`;
}

/** the opaque derivatives diff(q, v) left in e once definitions are unfolded and derivatives taken, v written with free indices only */
function dependences(e: Expr, scope: Scope): Dependence[] {
  const expr = eliminateDiff(unfoldDefinitions(e, scope), scope.symbols);
  const out: Dependence[] = [];
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'diff' && isOpaqueDerivative(x, scope.symbols)) {
      let q: Expr = x;
      while (q.kind === 'diff') q = q.body;
      if (q.kind === 'sym' && boundIndicesOf(x.wrt, bound).size === 0) out.push({ name: q.name, variable: x.wrt });
      return;
    }
    const inner = x.kind === 'sum' ? new Set([...bound, x.index]) : bound;
    for (const c of children(x)) walk(c, inner);
  };
  walk(expr, new Set());
  return out;
}
