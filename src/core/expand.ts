/**
 * What the core decides on: a step with its definitions unfolded as functions
 * (ir/unfold.ts). Where a definition's body has to be differentiated before
 * its arguments are put in (`f(x): diff(x^2, x)` applied to 3), or a diff is
 * taken with respect to a quantity a case defines, the core's differentiator
 * takes the derivative first.
 */
import { type Expr, add, children, mul, num, withChildren } from '../ir/expr.js';
import type { Scope, SymbolDecl } from '../ir/symbols.js';
import { isTotal, unfold } from '../ir/unfold.js';
import { type Trace, eliminateDiff } from './derivative.js';

/** e with every definition of scope unfolded, derivatives inside definitions taken where substitution would change them */
export function unfoldDefinitions(e: Expr, scope: Scope, trace?: Trace): Expr {
  return unfold(e, scope.definitions, {
    symbols: scope.symbols,
    differentiate: (x, bound) => derivativesOf(x, scope.symbols, bound, trace),
  });
}

/**
 * x with every diff replaced by its derivative, with x's value and
 * definedness: a diff is defined where its body is and where the derivative
 * is, so the bodies' definedness is kept as `0 * (x without its diffs)`
 */
function derivativesOf(
  x: Expr,
  symbols: ReadonlyMap<string, SymbolDecl>,
  bound: ReadonlySet<string>,
  trace?: Trace,
): Expr {
  const derived = eliminateDiff(x, symbols, trace, 0, bound);
  const carrier = withoutDiffs(x);
  return isTotal(carrier) ? derived : add([derived, mul([num(0), carrier])]);
}

/** x with each diff(body, v) replaced by body: the same definedness conditions as x's own (definedness.ts reads a diff's body) */
function withoutDiffs(x: Expr): Expr {
  if (x.kind === 'diff') return withoutDiffs(x.body);
  const cs = children(x);
  if (cs.length === 0) return x;
  const ns = cs.map(withoutDiffs);
  return ns.every((n, k) => n === cs[k]) ? x : withChildren(x, ns);
}
