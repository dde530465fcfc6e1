/**
 * A corpus `domain` field (`x>0`, `-1<x<1`, `a>0, x>=0`) as symbol
 * declarations: each constrained name becomes an independent variable
 * (`opaque: false`) whose domain is the interval the constraint describes.
 */
import { REAL, type Domain, type SymbolDecl } from '../../src/ir/symbols.js';
import { parseDomain } from '../../src/parse/domain.js';

type ConstraintResult =
  | { readonly ok: true; readonly symbols: ReadonlyMap<string, SymbolDecl> }
  | { readonly ok: false; readonly message: string };

const NAME = '([A-Za-z_][A-Za-z_0-9]*)';
const NUMBER = '(-?[0-9]+(?:\\.[0-9]+)?)';
/** `x > 0`, `x>=0`, `x < 0`, `x <= 0` */
const ONE_SIDED = new RegExp(`^${NAME}\\s*(<=|>=|<|>)\\s*${NUMBER}$`);
/** `-1 < x < 1` (also with <=) */
const TWO_SIDED = new RegExp(`^${NUMBER}\\s*(<=|<)\\s*${NAME}\\s*(<=|<)\\s*${NUMBER}$`);

/** declarations for the names a `domain` field constrains; unconstrained names stay undeclared (real) */
export function constraintSymbols(domain: string | undefined): ConstraintResult {
  const symbols = new Map<string, SymbolDecl>();
  if (domain === undefined || domain.trim() === '') return { ok: true, symbols };
  for (const clause of domain.split(',').map((c) => c.trim())) {
    const interval = intervalText(clause);
    if (!interval) return { ok: false, message: `cannot read the domain constraint '${clause}'` };
    const parsed = parseDomain(interval.text);
    if (!parsed.ok) return { ok: false, message: `domain constraint '${clause}': ${parsed.message}` };
    const before = symbols.get(interval.name);
    if (before) return { ok: false, message: `the domain constrains ${interval.name} twice` };
    symbols.set(interval.name, scalar(interval.name, parsed.domain));
  }
  return { ok: true, symbols };
}

function scalar(name: string, domain: Domain = REAL): SymbolDecl {
  return { kind: 'scalar', name, domain, opaque: false, independentOf: [] };
}

/** the constrained name and the interval (in parseDomain's syntax) of one clause */
function intervalText(clause: string): { name: string; text: string } | undefined {
  const one = ONE_SIDED.exec(clause);
  if (one) {
    const [, name, op, value] = one as unknown as [string, string, string, string];
    if (op === '>') return { name, text: `(${value}, inf)` };
    if (op === '>=') return { name, text: `[${value}, inf)` };
    if (op === '<') return { name, text: `(-inf, ${value})` };
    return { name, text: `(-inf, ${value}]` };
  }
  const two = TWO_SIDED.exec(clause);
  if (two) {
    const [, lo, lop, name, hop, hi] = two as unknown as [string, string, string, string, string, string];
    return { name, text: `${lop === '<' ? '(' : '['}${lo}, ${hi}${hop === '<' ? ')' : ']'}` };
  }
  return undefined;
}
