/**
 * Where two sides of a failed step first differ: descend through the parts
 * the two expressions share in shape, into the first pair of corresponding
 * sub-expressions that the numeric check tells apart. Untrusted and only for
 * explanation: the verdict was already given.
 */
import { type Expr, children } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { numericCompare } from '../numeric/compare.js';

/** why: each level costs a numeric comparison; deeper than this the answer is already specific */
const MAX_LOCATE_DEPTH = 12;

/** the same head: node kind, function, bound index and number of children */
function sameShape(a: Expr, b: Expr): boolean {
  // an element's indices are not values to compare: w[i,k] vs w[k,i] is the difference itself
  if (a.kind !== b.kind || a.kind === 'elem' || a.kind === 'delta') return false;
  if (a.kind === 'call' && b.kind === 'call' && a.fn !== b.fn) return false;
  if (a.kind === 'sum' && b.kind === 'sum' && a.index !== b.index) return false;
  return children(a).length === children(b).length && children(a).length > 0;
}

/** the deepest corresponding pair of sub-expressions that differ numerically, or the whole pair */
export function firstDifference(lhs: Expr, rhs: Expr, scope: Scope, seed: number, depth = 0): { lhs: Expr; rhs: Expr } {
  if (depth >= MAX_LOCATE_DEPTH || !sameShape(lhs, rhs)) return { lhs, rhs };
  const a = children(lhs);
  const b = children(rhs);
  for (let k = 0; k < a.length; k++) {
    if (a[k]!.key === b[k]!.key) continue;
    const v = numericCompare(a[k]!, b[k]!, scope, { seed, samples: 4 });
    if (v.kind === 'disagree') return firstDifference(a[k]!, b[k]!, scope, seed, depth + 1);
  }
  return { lhs, rhs };
}
