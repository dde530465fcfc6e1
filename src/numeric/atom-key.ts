/**
 * Naming the atoms of an instance: a scalar by its name, an array element by
 * its name and units (`w[2,1]`). Values, diff seeds, opaque models and
 * counterexamples all use these keys.
 */
import type { IndexTerm, Variable } from '../ir/expr.js';

/** `w[2,1]`: the key of an array element at the given units */
export function elementKey(name: string, units: readonly number[]): string {
  return `${name}[${units.join(',')}]`;
}

/** the unit an index term denotes under the unit assignment */
export function instantiateIndex(t: IndexTerm, units: ReadonlyMap<string, number>): number {
  if (t.kind === 'num') return Number(t.value.n);
  const u = units.get(t.name);
  if (u === undefined) throw new Error(`index ${t.name} has no unit (prepare should have assigned one)`);
  return u;
}

/** the key of an assumed (or any) variable under the unit assignment */
export function variableKey(v: Variable, units: ReadonlyMap<string, number>): string {
  if (v.kind === 'elem')
    return elementKey(
      v.name,
      v.indices.map((t) => instantiateIndex(t, units)),
    );
  return v.name;
}
