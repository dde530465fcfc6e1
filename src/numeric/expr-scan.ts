/**
 * Facts about an expression that compiling and evaluating it on a big
 * network needs again and again, computed once per node and cached (nodes
 * are immutable): which names it uses, and whether it is worth memoizing.
 */
import type { Expr } from '../ir/expr.js';

const usedNames = new WeakMap<Expr, readonly string[]>();

/** the names e uses (as symbols, arrays or index terms) that are not bound inside e, sorted; cached per node */
export function namesOf(e: Expr): readonly string[] {
  let names = usedNames.get(e);
  if (names) return names;
  const out = new Set<string>();
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'sym') {
      if (!bound.has(x.name)) out.add(x.name);
      return;
    }
    if (x.kind === 'elem' || x.kind === 'delta') {
      if (x.kind === 'elem') out.add(x.name);
      for (const t of x.kind === 'elem' ? x.indices : [x.a, x.b])
        if (t.kind === 'sym' && !bound.has(t.name)) out.add(t.name);
      return;
    }
    if (x.kind === 'sum') return walk(x.body, new Set([...bound, x.index]));
    for (const c of childrenOf(x)) walk(c, bound);
  };
  walk(e, new Set());
  names = [...out].sort();
  usedNames.set(e, names);
  return names;
}

/** the operands of an arithmetic, call or diff node; [] for the rest (leaves, and sums, which bind an index and are walked by the callers) */
function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'pow':
      return [e.base, e.exp];
    case 'call':
      return e.args;
    case 'diff':
      return [e.body, e.wrt];
    default:
      return [];
  }
}

const heavyCache = new WeakMap<Expr, boolean>();

/** whether e contains a sum or a call: worth computing once per assignment of the indices it uses */
export function heavy(e: Expr): boolean {
  // leaves first, without the cache: they are most of the nodes of a big network
  if (
    e.kind === 'elem' ||
    e.kind === 'sym' ||
    e.kind === 'num' ||
    e.kind === 'delta' ||
    e.kind === 'const' ||
    e.kind === 'units'
  )
    return false;
  let h = heavyCache.get(e);
  if (h === undefined) {
    h = e.kind === 'sum' || e.kind === 'call' || childrenOf(e).some(heavy);
    heavyCache.set(e, h);
  }
  return h;
}
