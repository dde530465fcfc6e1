/**
 * The premises of a derivation: everything a verdict may rest on that the
 * checker does not prove. Every report lists them, so nothing proved rests on
 * an unlisted assumption: declared domains (x > 0 lets the core cancel x/x),
 * opaque quantities and their independence, definitions, and each case's
 * assumptions and definitions.
 */
import type { Expr, Variable } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { type SymbolDecl, domainText } from '../ir/symbols.js';
import type { LoadedAssumption, LoadedCase, LoadedDerivation } from './model.js';
import { intervalText } from './intervals.js';
import type { Premise } from '../verdict/result.js';

/** the premises of d, in the order a reader meets them */
export function premisesOf(d: LoadedDerivation): Premise[] {
  const out: Premise[] = [];
  for (const [name, decl] of d.symbols) {
    const text = declarationText(name, decl);
    if (text) out.push({ kind: 'declaration', text, line: d.symbolPlaces.get(name)?.line ?? 1 });
  }
  for (const a of d.assume ?? []) out.push({ kind: 'assumption', text: assumptionText(a), line: a.place.line });
  for (const x of d.definitions) out.push({ kind: 'definition', text: definitionText(x), line: x.place.line });
  d.cases?.list.forEach((c: LoadedCase) => {
    for (const a of c.when)
      out.push({
        kind: 'assumption',
        text: `${c.location}: ${toAscii(a.variable)} = ${toAscii(a.value)}`,
        line: a.place.line,
      });
    for (const a of c.assume ?? [])
      out.push({ kind: 'assumption', text: `${c.location}: ${assumptionText(a)}`, line: a.place.line });
    for (const a of c.intervals ?? [])
      out.push({
        kind: 'assumption',
        text: `${c.location}: ${a.name} in ${intervalText(a.interval)}`,
        line: a.place.line,
      });
    for (const x of c.definitions)
      out.push({ kind: 'case-definition', text: `${c.location}: ${definitionText(x)}`, line: x.place.line });
  });
  return out;
}

/** an assumed equation as the checker uses it; a solved one also as written */
function assumptionText(a: LoadedAssumption): string {
  if (a.kind === 'sum') return `${toAscii(a.sum)} = ${toAscii(a.value)}`;
  const used = `${toAscii(a.variable)} = ${toAscii(a.value)}`;
  return a.solved ? `${a.source.trim()} (used as ${used})` : used;
}

/** what a declaration assumes, or undefined when it assumes nothing (an index, a real variable or array) */
function declarationText(name: string, decl: SymbolDecl): string | undefined {
  if (decl.kind === 'index') return undefined;
  const domain = domainText(decl.domain);
  if (decl.kind === 'array') {
    // symmetric is an assumption like a domain: W[a, b] and W[b, a] are taken to be one quantity
    const parts = [
      ...(domain === 'real' ? [] : [`every element of ${name} is ${domainPhrase(domain)}`]),
      ...(decl.symmetric ? [`${name} is symmetric, ${name}[a, b] = ${name}[b, a]`] : []),
    ];
    return parts.length ? parts.join('; ') : undefined;
  }
  if (decl.opaque) {
    const indep = decl.independentOf.length
      ? `, independent of ${decl.independentOf.map((v: Variable) => toAscii(v)).join(', ')}`
      : '';
    return `${name} is an opaque quantity (domain ${domain})${indep}`;
  }
  return domain === 'real' ? undefined : `${name} is an independent variable, ${domainPhrase(domain)}`;
}

function domainPhrase(domain: string): string {
  return domain.startsWith('"') ? `in ${domain.slice(1, -1)}` : domain;
}

function definitionText(x: { name: string; params: readonly string[]; body: Expr }): string {
  return `${x.name}${x.params.length ? `(${x.params.join(', ')})` : ''} = ${toAscii(x.body)}`;
}
