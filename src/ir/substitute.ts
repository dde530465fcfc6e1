/**
 * Capture-avoiding substitution and unfolding of definitions: pure tree
 * operations on the IR, shared by the core and the numeric checker.
 */
import {
  type Expr,
  type IndexTerm,
  call,
  children,
  elem,
  freeIndices,
  sum,
  sym,
  withChildren,
  delta,
  diff,
  type Variable,
} from './expr.js';
import type { Definition } from './symbols.js';

/** a name not in `taken`, derived from `base` */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  for (let k = 1; ; k++) {
    const candidate = `${base}${k}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** every name (symbol, array, index, bound index) that occurs in e */
export function allNames(e: Expr, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'sym' || e.kind === 'elem') out.add(e.name);
  if (e.kind === 'sum') out.add(e.index);
  for (const c of children(e)) allNames(c, out);
  return out;
}

/**
 * e with every free occurrence of the names in `map` replaced: a scalar symbol
 * by any expression, an index variable (inside `w[...]`, `delta`) by an index
 * term. Bound indices are renamed when they would capture a free name of a
 * replacement.
 */
export function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
  if (map.size === 0) return e;
  switch (e.kind) {
    case 'sym':
      return map.get(e.name) ?? e;
    case 'elem': {
      const idx = e.indices.map((i) => (i.kind === 'sym' ? (asIndex(map.get(i.name)) ?? i) : i));
      return elem(e.name, idx);
    }
    case 'delta': {
      const f = (i: IndexTerm): IndexTerm => (i.kind === 'sym' ? (asIndex(map.get(i.name)) ?? i) : i);
      return delta(f(e.a), f(e.b));
    }
    case 'sum': {
      const inner = new Map(map);
      inner.delete(e.index);
      if (inner.size === 0) return e;
      const captured = [...inner.values()].some(
        (r) => freeIndices(r).has(e.index) || (r.kind === 'sym' && r.name === e.index),
      );
      if (!captured) return sum(e.index, substitute(e.body, inner));
      const taken = new Set<string>([
        ...allNames(e.body),
        ...[...inner.values()].flatMap((r) => [...allNames(r)]),
        ...inner.keys(),
      ]);
      const fresh = freshName(e.index, taken);
      const renamed = substitute(e.body, new Map([[e.index, sym(fresh)]]));
      return sum(fresh, substitute(renamed, inner));
    }
    case 'diff': {
      const body = substitute(e.body, map);
      const wrt = substitute(e.wrt, map);
      if (wrt.kind !== 'sym' && wrt.kind !== 'elem') return diff(body, e.wrt);
      return diff(body, wrt as Variable);
    }
    default: {
      const cs = children(e);
      const ns = cs.map((c) => substitute(c, map));
      return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
    }
  }
}

function asIndex(r: Expr | undefined): IndexTerm | undefined {
  if (!r) return undefined;
  return r.kind === 'sym' || r.kind === 'num' ? r : undefined;
}

/** thrown when definitions refer to each other in a cycle or unfold past MAX_UNFOLD_DEPTH */
export class UnfoldError extends Error {}

/** why: a chain of definitions deeper than this is almost surely a cycle, and deep recursion risks the stack */
export const MAX_UNFOLD_DEPTH = 64;

/**
 * e with every defined name and call of a defined function replaced by its
 * body, recursively; the result mentions no defined name.
 */
export function unfold(e: Expr, defs: ReadonlyMap<string, Definition>, depth = 0, stack: readonly string[] = []): Expr {
  if (defs.size === 0) return e;
  if (depth > MAX_UNFOLD_DEPTH)
    throw new UnfoldError(`definitions nest deeper than ${MAX_UNFOLD_DEPTH} levels (${stack.join(' -> ')})`);
  if (e.kind === 'sym') {
    const d = defs.get(e.name);
    if (!d || d.params.length > 0) return e;
    if (stack.includes(d.name)) throw new UnfoldError(`definition cycle: ${[...stack, d.name].join(' -> ')}`);
    return unfold(d.body, defs, depth + 1, [...stack, d.name]);
  }
  if (e.kind === 'call') {
    const args = e.args.map((a) => unfold(a, defs, depth, stack));
    const d = defs.get(e.fn);
    if (!d) return call(e.fn, args);
    if (stack.includes(d.name)) throw new UnfoldError(`definition cycle: ${[...stack, d.name].join(' -> ')}`);
    const map = new Map<string, Expr>();
    d.params.forEach((p, k) => map.set(p, args[k]!));
    return unfold(substitute(d.body, map), defs, depth + 1, [...stack, d.name]);
  }
  const cs = children(e);
  if (cs.length === 0) return e;
  const ns = cs.map((c) => unfold(c, defs, depth, stack));
  return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
}

/** e with each assumed variable (scalar `x` or element `s[i]`) replaced by its value */
export function applyAssumptions(e: Expr, assumptions: readonly { variable: Variable; value: Expr }[]): Expr {
  if (assumptions.length === 0) return e;
  const byKey = new Map(assumptions.map((a) => [a.variable.key, a.value]));
  const go = (x: Expr): Expr => {
    if (x.kind === 'sym' || x.kind === 'elem') {
      const v = byKey.get(x.key);
      if (v) return v;
    }
    if (
      x.kind === 'sum' &&
      assumptions.some(
        (a) => a.variable.kind === 'elem' && a.variable.indices.some((i) => i.kind === 'sym' && i.name === x.index),
      )
    ) {
      // an assumption about s[k] says nothing about the bound k of this sum
      const filtered = assumptions.filter(
        (a) => !(a.variable.kind === 'elem' && a.variable.indices.some((i) => i.kind === 'sym' && i.name === x.index)),
      );
      return sum(x.index, applyAssumptions(x.body, filtered));
    }
    const cs = children(x);
    if (cs.length === 0) return x;
    const ns = cs.map(go);
    return ns.every((n, k) => n === cs[k]) ? x : withChildren(x, ns);
  };
  return go(e);
}
