/**
 * Mutants of the case structure: a case deleted, two cases' `when` maps
 * exchanged, one case's binary `when` value flipped. Each changes what the
 * derivation asserts by construction (a case split that no longer covers
 * every value, or a chain now claimed under the wrong assumption).
 */
import { num } from '../../src/ir/expr.js';
import { toAscii } from '../../src/ir/print.js';
import type { Assumption, LoadedCase, LoadedDerivation } from '../../src/derivation/model.js';
import type { Mutant } from './model.js';

const whenText = (when: readonly Assumption[]) =>
  `{${when.map((a) => `${toAscii(a.variable)}: ${toAscii(a.value)}`).join(', ')}}`;
const whenKey = (when: readonly Assumption[]) => when.map((a) => `${a.variable.key}=${a.value.key}`).join(';');

/** every structural mutant of d (none without cases) */
export function structuralMutants(d: LoadedDerivation): Mutant[] {
  const cases = d.cases;
  if (!cases) return [];
  const out: Mutant[] = [];
  const withList = (list: readonly LoadedCase[]): LoadedDerivation => ({ ...d, cases: { ...cases, list } });
  const list = cases.list;
  list.forEach((c, k) => {
    out.push({
      location: c.location,
      site: 'structure',
      scopes: [],
      operator: 'delete-case',
      detail: `delete ${c.location} (when ${whenText(c.when)})`,
      derivation: withList(list.filter((_, m) => m !== k)),
    });
  });
  for (let a = 0; a < list.length; a++) {
    for (let b = a + 1; b < list.length; b++) {
      if (whenKey(list[a]!.when) === whenKey(list[b]!.when)) continue;
      const swapped = list.map((c, m) =>
        m === a ? { ...c, when: list[b]!.when } : m === b ? { ...c, when: list[a]!.when } : c,
      );
      out.push({
        location: 'cases',
        site: 'structure',
        scopes: [],
        operator: 'swap-when',
        detail: `${list[a]!.location} and ${list[b]!.location} exchange ${whenText(list[a]!.when)} and ${whenText(list[b]!.when)}`,
        derivation: withList(swapped),
      });
    }
  }
  list.forEach((c, k) => {
    c.when.forEach((a, m) => {
      if (a.value.kind !== 'num' || (a.value.key !== '0' && a.value.key !== '1')) return;
      const flipped = { ...a, value: num(a.value.key === '0' ? 1 : 0) };
      const when = c.when.map((x, n) => (n === m ? flipped : x));
      out.push({
        location: c.location,
        site: 'structure',
        scopes: [],
        operator: 'flip-when',
        detail: `${c.location}: ${toAscii(a.variable)} = ${toAscii(a.value)} -> ${toAscii(flipped.value)}`,
        derivation: withList(list.map((x, n) => (n === k ? { ...x, when } : x))),
      });
    });
  });
  return out;
}
