/**
 * Assumed values that meet at one atom. A case's `when: {"s[i]": 1, "s[j]":
 * 0}` holds only where i and j are different units; in an instance that puts
 * them on one unit the premises contradict each other, so no point of it is a
 * counterexample (nor evidence). Such a point is undefined by the premises,
 * and skipped like a point outside the domains.
 */
import type { Expr, Variable } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';
import { variableKey } from './atom-key.js';
import { NotDefined } from './undefined.js';

/** a NotDefined when two assumptions give one atom of this unit assignment different values, else undefined */
export function contradictingAssumptions(
  assumptions: readonly { readonly variable: Variable; readonly value: Expr }[],
  units: ReadonlyMap<string, number>,
  symbols: ReadonlyMap<string, SymbolDecl>,
): NotDefined | undefined {
  if (assumptions.length < 2) return undefined;
  const given = new Map<string, string>();
  for (const a of assumptions) {
    const key = variableKey(a.variable, units, symbols);
    const before = given.get(key);
    // why the key: the values a case assumes are numbers, equal exactly when their keys are
    if (before !== undefined && before !== a.value.key)
      return new NotDefined(`the assumptions give ${key} two values at these units`, 'domain');
    given.set(key, a.value.key);
  }
  return undefined;
}
