/**
 * A case's `define` of a declared opaque quantity (the seed's `ps: sigma(a(i))`)
 * is a premise: inside the case the quantity equals the value. The value
 * must then be defined and inside the quantity's declared domain at every
 * point of the case (its `when` values and intervals applied), or the premise
 * would silently exclude points: with `ps: {domain: positive, opaque: true}`
 * and `define: {ps: x - 1}`, a step true for x > 1 would be refuted at x = 0.
 */
import type { Definition, SymbolDecl } from '../ir/symbols.js';
import { assumedValueProblem } from './assume-defined.js';
import type { DefineHead } from './load-define.js';
import type { LoadContext } from './load-context.js';
import type { Assumption, LoadedDefinition } from './model.js';

export function checkCaseDefinitionsInDomain(
  ctx: LoadContext,
  defined: readonly LoadedDefinition[],
  heads: readonly DefineHead[],
  symbols: ReadonlyMap<string, SymbolDecl>,
  fileDefinitions: ReadonlyMap<string, Definition>,
  when: readonly Assumption[],
): void {
  const definitions = new Map<string, Definition>(fileDefinitions);
  for (const x of defined) definitions.set(x.name, x);
  const assumptions = when.map((a) => ({ variable: a.variable, value: a.value }));
  for (const x of defined) {
    const decl = symbols.get(x.name);
    if (decl?.kind !== 'scalar' || !decl.opaque || x.params.length > 0) continue;
    const others = new Map(definitions);
    others.delete(x.name);
    const problem = assumedValueProblem(x.name, x.body, decl.domain, symbols, { definitions: others, assumptions });
    if (!problem) continue;
    const head = heads.find((h) => h.name === x.name);
    ctx.error('case-define', head?.keyNode, `in this case ${problem}`, head?.location);
  }
}
