/**
 * The key of a variable a case splits on, one per quantity: a symmetric
 * array's `W[j, i]` is `W[i, j]` (its index terms in key order), so the
 * exhaustiveness check never asks for a case where W[i, j] and W[j, i]
 * differ, an assignment that cannot happen; and the assumed values of such
 * an element, put in at both positions.
 */
import { type Expr, type Variable, elem } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';

export function splitKey(v: Expr, symbols: ReadonlyMap<string, SymbolDecl>): string {
  if (v.kind !== 'elem' || v.indices.length !== 2) return v.key;
  const d = symbols.get(v.name);
  if (d?.kind !== 'array' || !d.symmetric) return v.key;
  const [a, b] = v.indices as [Expr, Expr];
  return a.key <= b.key ? v.key : `${v.name}[${b.key},${a.key}]`;
}

/** the assumptions with each symmetric element's value also given to its mirror (W[j, i] for W[i, j]) */
export function withMirrors<A extends { readonly variable: Variable; readonly value: Expr }>(
  assumptions: readonly A[],
  symbols: ReadonlyMap<string, SymbolDecl>,
): A[] {
  const out = [...assumptions];
  const given = new Set(assumptions.map((a) => a.variable.key));
  for (const a of assumptions) {
    const v = a.variable;
    if (v.kind !== 'elem' || v.indices.length !== 2) continue;
    const d = symbols.get(v.name);
    if (d?.kind !== 'array' || !d.symmetric) continue;
    const mirror = elem(v.name, [v.indices[1]!, v.indices[0]!]);
    if (!given.has(mirror.key)) {
      out.push({ ...a, variable: mirror });
      given.add(mirror.key);
    }
  }
  return out;
}

/** independent_of with each symmetric element's mirror added: independent of W[i, j] is independent of W[j, i] */
export function withMirrorVariables(list: readonly Variable[], symbols: ReadonlyMap<string, SymbolDecl>): Variable[] {
  return withMirrors(
    list.map((variable) => ({ variable, value: variable })),
    symbols,
  ).map((a) => a.variable);
}
