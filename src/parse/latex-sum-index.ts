/**
 * The index of a `\sum` written without one, as the seed writes
 * `\sigma(\sum w_{ik}s_k)`. It is inferred only when the formula leaves no
 * doubt; otherwise the step is refused (`bad-sum`) and the writer is asked
 * for `\sum_k`, because a wrong guess would silently check another claim.
 *
 * The rule, for each such sum (innermost first):
 * 1. candidates: the index variables free in its body that are neither free
 *    anywhere else in the formula (outside every index-less sum) nor bound
 *    by an enclosing sum -- in `\frac{d}{dw_{ij}} \log \sigma(\sum w_{ik}s_k)`
 *    that leaves k, since i and j also occur outside;
 * 2. if several remain, those written at least twice in the body, the
 *    contracted index of Einstein's convention: in `\sum w_{ik}s_k` on its
 *    own, i and k are candidates but only k repeats;
 * 3. exactly one must remain.
 */
import { type Expr, type IndexTerm, children, freeIndices, num, sum, withChildren } from '../ir/expr.js';
import { PENDING_INDEX_PREFIX } from './latex-calculus.js';
import { fail } from './problem.js';

/** root with every placeholder sum index replaced by the inferred index; `pending` maps placeholder -> offset of its `\sum` */
export function resolveSumIndices(root: Expr, pending: ReadonlyMap<string, number>): Expr {
  if (pending.size === 0) return root;
  const outside = freeIndices(masked(root, pending));
  const walk = (e: Expr, bound: ReadonlySet<string>): Expr => {
    if (e.kind !== 'sum')
      return withChildren(
        e,
        children(e).map((c) => walk(c, bound)),
      );
    const at = pending.get(e.index);
    if (at === undefined) return sum(e.index, walk(e.body, new Set([...bound, e.index])));
    const body = walk(e.body, bound);
    let candidates = [...freeIndices(body)].filter(
      (k) => !outside.has(k) && !bound.has(k) && !k.startsWith(PENDING_INDEX_PREFIX),
    );
    if (candidates.length > 1) {
      const repeated = candidates.filter((k) => occurrences(body, k) >= 2);
      if (repeated.length === 1) candidates = repeated;
    }
    if (candidates.length !== 1) {
      const which =
        candidates.length === 0 ? 'its body has no index of its own' : `it could run over ${candidates.join(' or ')}`;
      fail('bad-sum', `cannot tell which index this \\sum runs over (${which}); write the index, as in \\sum_k`, at);
    }
    return sum(candidates[0]!, body);
  };
  return walk(root, new Set());
}

/** e with every placeholder sum replaced by 0, so that what remains is "the rest of the formula" */
function masked(e: Expr, pending: ReadonlyMap<string, number>): Expr {
  if (e.kind === 'sum' && pending.has(e.index)) return num(0);
  return withChildren(
    e,
    children(e).map((c) => masked(c, pending)),
  );
}

/** how many index positions (array subscripts, delta arguments) hold the free index k */
function occurrences(e: Expr, k: string): number {
  const at = (terms: readonly IndexTerm[]): number => terms.filter((t) => t.kind === 'sym' && t.name === k).length;
  if (e.kind === 'elem') return at(e.indices);
  if (e.kind === 'delta') return at([e.a, e.b]);
  if (e.kind === 'sum' && e.index === k) return 0;
  return children(e).reduce((n, c) => n + occurrences(c, k), 0);
}
