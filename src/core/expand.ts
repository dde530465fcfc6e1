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
import { boundIndicesOf } from '../ir/depend.js';
import { type Trace, symbolicDerivative } from './derivative.js';

/** e with every definition of scope unfolded, derivatives inside definitions taken where substitution would change them */
export function unfoldDefinitions(e: Expr, scope: Scope, trace?: Trace): Expr {
  return unfold(e, scope.definitions, {
    symbols: scope.symbols,
    differentiate: (x, bound) => derivativesOf(x, scope.symbols, bound, trace),
  });
}

/**
 * x with every diff replaced by its derivative, with x's value and
 * definedness: diff(body, v) is defined where its body is and where the
 * derivative is, so each becomes `derivative + 0 * body` (body with its own
 * diffs replaced the same way) unless the body is defined everywhere
 */
function derivativesOf(
  x: Expr,
  symbols: ReadonlyMap<string, SymbolDecl>,
  bound: ReadonlySet<string>,
  trace?: Trace,
): Expr {
  if (x.kind === 'diff') {
    const body = derivativesOf(x.body, symbols, bound, trace);
    const derivative = symbolicDerivative(body, x.wrt, symbols, trace, 0, {
      bound,
      vBound: boundIndicesOf(x.wrt, bound),
    });
    return isTotal(body) ? derivative : add([derivative, mul([num(0), body])]);
  }
  const cs = children(x);
  if (cs.length === 0) return x;
  const inner = x.kind === 'sum' ? new Set([...bound, x.index]) : bound;
  const ns = cs.map((c) => derivativesOf(c, symbols, inner, trace));
  return ns.every((n, k) => n === cs[k]) ? x : withChildren(x, ns);
}
