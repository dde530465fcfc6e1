/**
 * Capture-avoiding substitution and case assumptions: pure tree operations on
 * the IR, shared by the core and the numeric checker (the core trusts them).
 *
 * Binders: `sum(k, body)` binds the index k in body. `diff(body, v)` binds v
 * in body and evaluates the derivative at v's current value, so its variable
 * is a binding position: substitution never replaces it (an index inside an
 * element variable `w[i, k]` is an ordinary free index and is replaced).
 * Definitions are unfolded in unfold.ts, on top of these operations.
 */
import {
  type Expr,
  type IndexTerm,
  type Variable,
  children,
  delta,
  diff,
  elem,
  sum,
  sym,
  withChildren,
} from './expr.js';

/** thrown when a substitution would have to change a binding position or capture a free name */
export class SubstitutionError extends Error {}

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
 * the names free in e: scalar symbols and index variables not bound by an
 * enclosing sum (array names are not included: they are never bound or
 * replaced). A diff's scalar variable is free (the point the derivative is
 * taken at).
 */
export function freeNames(e: Expr, out: Set<string> = new Set(), bound: ReadonlySet<string> = new Set()): Set<string> {
  switch (e.kind) {
    case 'sym':
      if (!bound.has(e.name)) out.add(e.name);
      return out;
    case 'sum':
      return freeNames(e.body, out, new Set([...bound, e.index]));
    default:
      for (const c of children(e)) freeNames(c, out, bound);
      return out;
  }
}

/** true when the name occurs free in e */
export function occursFree(e: Expr, name: string): boolean {
  switch (e.kind) {
    case 'sym':
      return e.name === name;
    case 'sum':
      return e.index !== name && occursFree(e.body, name);
    default:
      return children(e).some((c) => occursFree(c, name));
  }
}

/**
 * e with every free occurrence of the names in `map` replaced: a scalar symbol
 * by any expression, an index variable (inside `w[...]`, `delta`) by an index
 * term (anything else there is a SubstitutionError). A bound index is renamed
 * when it would capture a free name of a replacement. A diff's variable is a
 * binding position: mapping it, or putting a replacement that mentions it
 * into its body, is a SubstitutionError (a derivative has to be taken first).
 */
export function substitute(e: Expr, map: ReadonlyMap<string, Expr>): Expr {
  if (map.size === 0) return e;
  switch (e.kind) {
    case 'sym':
      return map.get(e.name) ?? e;
    case 'elem': {
      const idx = e.indices.map((i) => indexTerm(i, map));
      return idx.every((t, k) => t === e.indices[k]) ? e : elem(e.name, idx);
    }
    case 'delta': {
      const a = indexTerm(e.a, map);
      const b = indexTerm(e.b, map);
      return a === e.a && b === e.b ? e : delta(a, b);
    }
    case 'sum':
      return substituteSum(e.index, e.body, map);
    case 'diff':
      return substituteDiff(e.body, e.wrt, map, e);
    default: {
      const cs = children(e);
      const ns = cs.map((c) => substitute(c, map));
      return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
    }
  }
}

/** the index term that replaces t under map (t itself when map does not name it) */
function indexTerm(t: IndexTerm, map: ReadonlyMap<string, Expr>): IndexTerm {
  if (t.kind !== 'sym') return t;
  const r = map.get(t.name);
  if (r === undefined) return t;
  if (r.kind === 'sym' || r.kind === 'num') return r;
  throw new SubstitutionError(
    `cannot put ${r.key} in the index position of ${t.name}: an index takes an index or a unit`,
  );
}

/** the entries of map whose names occur free in body (the only ones that act there) */
function acting(body: Expr, map: ReadonlyMap<string, Expr>, except?: string): Map<string, Expr> {
  const free = freeNames(body);
  const out = new Map<string, Expr>();
  for (const [k, r] of map) if (k !== except && free.has(k)) out.set(k, r);
  return out;
}

function substituteSum(index: string, body: Expr, map: ReadonlyMap<string, Expr>): Expr {
  const inner = acting(body, map, index);
  if (inner.size === 0) return sum(index, body);
  const captured = [...inner.values()].some((r) => freeNames(r).has(index));
  if (!captured) return sum(index, substitute(body, inner));
  // rename the bound index away from every name around, so nothing free is captured
  const taken = new Set<string>([
    ...allNames(body),
    ...[...inner.values()].flatMap((r) => [...allNames(r)]),
    ...inner.keys(),
  ]);
  const fresh = freshName(index, taken);
  const renamed = substitute(body, new Map([[index, sym(fresh)]]));
  return sum(fresh, substitute(renamed, inner));
}

function substituteDiff(body: Expr, wrt: Variable, map: ReadonlyMap<string, Expr>, original: Expr): Expr {
  const newWrt = wrt.kind === 'elem' ? (substitute(wrt, map) as Variable) : wrt;
  if (wrt.kind === 'sym' && map.has(wrt.name) && occursFree(original, wrt.name))
    throw new SubstitutionError(
      `cannot replace ${wrt.name} in ${original.key}: it is the variable of the derivative (differentiate first)`,
    );
  const inner = acting(body, map);
  for (const r of inner.values()) {
    if (mentionsVariable(r, newWrt))
      throw new SubstitutionError(
        `cannot put ${r.key} into ${original.key}: it mentions ${newWrt.key}, the variable of the derivative (differentiate first)`,
      );
  }
  const newBody = substitute(body, inner);
  return newBody === body && newWrt === wrt ? original : diff(newBody, newWrt);
}

/** syntactically: r mentions v (the same scalar, or an element of the same array) */
function mentionsVariable(r: Expr, v: Variable): boolean {
  if (v.kind === 'sym') return occursFree(r, v.name);
  const walk = (x: Expr): boolean => (x.kind === 'elem' && x.name === v.name) || children(x).some(walk);
  return walk(r);
}

/**
 * e with the free names in `map` renamed to fresh names, binding positions
 * included: alpha-renaming the parameters of a function. The new names must
 * occur nowhere in e (then nothing can be captured).
 */
export function renameFree(e: Expr, map: ReadonlyMap<string, string>): Expr {
  if (map.size === 0) return e;
  switch (e.kind) {
    case 'sym': {
      const to = map.get(e.name);
      return to === undefined ? e : sym(to);
    }
    case 'sum': {
      if (!map.has(e.index)) return sum(e.index, renameFree(e.body, map));
      const inner = new Map(map);
      inner.delete(e.index);
      return sum(e.index, renameFree(e.body, inner));
    }
    default: {
      const cs = children(e);
      const ns = cs.map((c) => renameFree(c, map));
      return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
    }
  }
}

/** a case assumption: a variable (scalar `x` or element `s[i]`) fixed to a value */
interface AssumedValue {
  readonly variable: Variable;
  readonly value: Expr;
}

/**
 * e with each assumed variable replaced by its value where it occurs free.
 * `bound`: index names bound around e (the "for every k" of a definedness
 * condition): an element written with such an index is another element, not
 * the assumed one. A diff is left as it is: the core puts values in after
 * taking derivatives, so what remains of a diff is an opaque derivative.
 */
export function applyAssumptions(
  e: Expr,
  assumptions: readonly AssumedValue[],
  bound: ReadonlySet<string> = new Set(),
): Expr {
  if (assumptions.length === 0) return e;
  const usable = assumptions.filter((a) => !indexNamesOf(a.variable).some((n) => bound.has(n)));
  if (usable.length === 0) return e;
  const byKey = new Map(usable.map((a) => [a.variable.key, a.value]));
  const go = (x: Expr): Expr => {
    if (x.kind === 'sym' || x.kind === 'elem') return byKey.get(x.key) ?? x;
    // after differentiation a diff is an opaque derivative, an unknown: the values were put in after the derivative
    if (x.kind === 'diff') return x;
    if (x.kind === 'sum') {
      let { index, body } = x;
      if (usable.some((a) => occursFree(a.value, index))) {
        const taken = new Set([...allNames(body), ...usable.flatMap((a) => [...allNames(a.value)])]);
        const fresh = freshName(index, taken);
        body = substitute(body, new Map([[index, sym(fresh)]]));
        index = fresh;
      }
      // an assumption about s[k] says nothing about the bound k of this sum
      const next = applyAssumptions(body, usable, new Set([index]));
      return next === x.body && index === x.index ? x : sum(index, next);
    }
    const cs = children(x);
    if (cs.length === 0) return x;
    const ns = cs.map(go);
    return ns.every((n, k) => n === cs[k]) ? x : withChildren(x, ns);
  };
  return go(e);
}

/** the index variable names in a variable (`s[i]` -> i) */
function indexNamesOf(v: Variable): string[] {
  return v.kind === 'elem' ? v.indices.flatMap((t) => (t.kind === 'sym' ? [t.name] : [])) : [];
}
