/**
 * Positions inside an expression where a mutation can be applied. A value
 * position holds a sub-expression with a value of its own; index terms
 * (`w[i, k]`'s `i`, `delta`'s arguments, `p(i)`'s `i`, a summation index)
 * and `diff`'s variable are not value positions: replacing them by `0` or
 * `-x` does not make an expression.
 */
import { type Expr, children, withChildren } from '../../src/ir/expr.js';
import { type IndexRoles, NO_ROLES } from './index-roles.js';

/** a path of child numbers (as `children` orders them) from the root */
type Path = readonly number[];

/** one sub-expression and where it is */
interface Site {
  readonly path: Path;
  readonly node: Expr;
}

/** the child numbers of e that are value positions */
function valueChildren(e: Expr, roles: IndexRoles): readonly number[] {
  switch (e.kind) {
    case 'elem':
    case 'delta':
      return [];
    case 'diff':
      return [0]; // the body; child 1 is the variable
    case 'call': {
      const idx = roles.params.get(e.fn);
      return e.args.map((_, k) => k).filter((k) => !idx?.has(k));
    }
    default:
      return children(e).map((_, k) => k);
  }
}

/** every value position of e, the root first, in pre-order; `roles` says which names and arguments are indices */
export function valueSites(e: Expr, roles: IndexRoles = NO_ROLES): Site[] {
  const out: Site[] = [];
  const walk = (node: Expr, path: Path, bound: ReadonlySet<string>): void => {
    if (node.kind === 'sym' && (roles.names.has(node.name) || bound.has(node.name))) return;
    out.push({ path, node });
    const cs = children(node);
    const inner = node.kind === 'sum' ? new Set([...bound, node.index]) : bound;
    for (const k of valueChildren(node, roles)) walk(cs[k]!, [...path, k], inner);
  };
  walk(e, [], new Set());
  return out;
}

/** every node of e, index terms and `diff` variables included, in pre-order */
export function allSites(e: Expr): Site[] {
  const out: Site[] = [];
  const walk = (node: Expr, path: Path): void => {
    out.push({ path, node });
    children(node).forEach((c, k) => walk(c, [...path, k]));
  };
  walk(e, []);
  return out;
}

/** e with the node at `path` replaced by `replacement` */
export function replaceAt(e: Expr, path: Path, replacement: Expr): Expr {
  if (path.length === 0) return replacement;
  const cs = [...children(e)];
  const k = path[0]!;
  cs[k] = replaceAt(cs[k]!, path.slice(1), replacement);
  return withChildren(e, cs);
}
