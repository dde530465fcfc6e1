/**
 * Every mutant of a loaded derivation: each expression operator at every
 * applicable position of one step, claim side or definition (one edit per
 * mutant), and the structural edits of the case split.
 */
import type { LoadedDerivation } from '../../src/derivation/model.js';
import type { Definition } from '../../src/ir/symbols.js';
import { indexParameters, rolesFor } from './index-roles.js';
import type { Mutant } from './model.js';
import { expressionSites } from './derivation-sites.js';
import { expressionEdits } from './operators.js';
import { structuralMutants } from './structural.js';

/** the user-defined functions of d (base and case definitions) with their arities */
function definedFunctions(defs: readonly Definition[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of defs) if (x.params.length > 0) out.set(x.name, x.params.length);
  return out;
}

/** all single-edit mutants of d, in file order, structural ones last */
export function generateMutants(d: LoadedDerivation): Mutant[] {
  const defs = [...d.definitions, ...(d.cases?.list.flatMap((c) => c.definitions) ?? [])];
  const functions = definedFunctions(defs);
  const params = indexParameters(defs);
  const out: Mutant[] = [];
  for (const site of expressionSites(d)) {
    const ctx = { symbols: d.symbols, functions, roles: rolesFor(d.symbols, params, site.definition) };
    for (const edit of expressionEdits(site.expr, ctx)) {
      out.push({
        location: site.location,
        site: site.kind,
        operator: edit.operator,
        detail: edit.detail,
        original: site.expr,
        mutated: edit.mutated,
        scopes: site.scopes,
        derivation: site.rebuild(edit.mutated),
      });
    }
  }
  return [...out, ...structuralMutants(d)];
}
