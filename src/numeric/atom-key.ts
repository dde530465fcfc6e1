/**
 * Naming the atoms of an instance: a scalar by its name, an array element by
 * its name and units (`w[2,1]`). Values, diff seeds, opaque models and
 * counterexamples all use these keys.
 */
import type { IndexTerm } from '../ir/expr.js';
import type { SymbolDecl } from '../ir/symbols.js';

/** `w[2,1]`: the key of an array element at the given units */
export function elementKey(name: string, units: readonly number[]): string {
  return `${name}[${units.join(',')}]`;
}

/** the key of an element, a symmetric array's two units in ascending order (`W[2,1]` is `W[1,2]`, one quantity) */
export function canonicalKey(name: string, units: readonly number[], symbols: ReadonlyMap<string, SymbolDecl>): string {
  const d = symbols.get(name);
  if (d?.kind === 'array' && d.symmetric && units.length === 2 && units[0]! > units[1]!)
    return elementKey(name, [units[1]!, units[0]!]);
  return elementKey(name, units);
}

/** the unit an index term denotes under the unit assignment */
export function instantiateIndex(t: IndexTerm, units: ReadonlyMap<string, number>): number {
  if (t.kind === 'num') return Number(t.value.n);
  const u = units.get(t.name);
  if (u === undefined) throw new Error(`index ${t.name} has no unit (prepare should have assigned one)`);
  return u;
}
