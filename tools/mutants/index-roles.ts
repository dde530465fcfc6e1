/**
 * Which names and argument positions stand for an index rather than a value.
 * An index has no value of its own (`i` in `p(i)` names a unit), so putting
 * 0 or -i in its place makes no expression and would only test the loader.
 */
import type { Expr } from '../../src/ir/expr.js';
import type { Definition, SymbolDecl } from '../../src/ir/symbols.js';

/** what the value-position walk needs to tell indices from values */
export interface IndexRoles {
  /** declared index names, and the parameters of the edited definition that are indices */
  readonly names: ReadonlySet<string>;
  /** per defined function, the argument positions that are indices */
  readonly params: ReadonlyMap<string, ReadonlySet<number>>;
}

/** no index names or parameters: every sub-expression outside brackets is a value */
export const NO_ROLES: IndexRoles = { names: new Set(), params: new Map() };

/** true when `name` is used free in an index position of e: inside `w[...]`, `delta`, or as an index argument of a call */
function usedAsIndex(e: Expr, name: string, params: ReadonlyMap<string, ReadonlySet<number>>): boolean {
  switch (e.kind) {
    case 'elem':
      return e.indices.some((t) => t.kind === 'sym' && t.name === name);
    case 'delta':
      return [e.a, e.b].some((t) => t.kind === 'sym' && t.name === name);
    case 'sum':
      return e.index !== name && usedAsIndex(e.body, name, params);
    case 'diff':
      return usedAsIndex(e.body, name, params) || usedAsIndex(e.wrt, name, params);
    case 'call': {
      const idx = params.get(e.fn);
      return e.args.some(
        (a, k) => (idx?.has(k) && a.kind === 'sym' && a.name === name) || usedAsIndex(a, name, params),
      );
    }
    case 'add':
      return e.terms.some((t) => usedAsIndex(t, name, params));
    case 'mul':
      return e.factors.some((t) => usedAsIndex(t, name, params));
    case 'pow':
      return usedAsIndex(e.base, name, params) || usedAsIndex(e.exp, name, params);
    default:
      return false;
  }
}

/** per definition, the parameter positions used as indices, directly or by passing them on to another definition's index parameter (a fixpoint) */
export function indexParameters(defs: readonly Definition[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>(defs.map((d) => [d.name, new Set<number>()]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of defs) {
      const mine = out.get(d.name)!;
      d.params.forEach((p, k) => {
        if (!mine.has(k) && usedAsIndex(d.body, p, out)) {
          mine.add(k);
          changed = true;
        }
      });
    }
  }
  return out;
}

/** the roles inside an expression of a derivation; `editing` is the definition whose body it is, if any */
export function rolesFor(
  symbols: ReadonlyMap<string, SymbolDecl>,
  params: ReadonlyMap<string, ReadonlySet<number>>,
  editing?: Definition,
): IndexRoles {
  const names = new Set([...symbols.values()].filter((s) => s.kind === 'index').map((s) => s.name));
  const mine = editing ? params.get(editing.name) : undefined;
  editing?.params.forEach((p, k) => {
    if (mine?.has(k)) names.add(p);
  });
  return { names, params };
}
