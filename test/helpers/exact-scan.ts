/**
 * The exactness scanner used by test/core/exact-arithmetic.test.ts: finds the
 * operations that wrap (32-bit), round or truncate a JS number, or convert an
 * unbounded value to one, on lines that do not justify them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const srcRoot = new URL('../../src/', import.meta.url).pathname;

/** the operations that wrap (32-bit), round or truncate a number, or convert an unbounded value to one */
const RISKY: readonly { name: string; re: RegExp }[] = [
  { name: 'Number(', re: /\bNumber\s*\(/ },
  { name: 'parseInt', re: /\bparseInt\b/ },
  { name: 'parseFloat', re: /\bparseFloat\b/ },
  // a shift operator; TypeScript's nested generics (Map<string, Set<string>>) are not one: the formatter
  // puts spaces around operators, so a shift has whitespace or `=` or a digit after it
  { name: '>>', re: />>>?=|\s>>>?\s|>>>?\s*\d/ },
  { name: '<<', re: /<</ },
  { name: '| 0', re: /(?<!\|)\|\s*0(?![\d.xXbBoO])/ },
  { name: '& 1', re: /(?<!&)&\s*1(?![\d.])/ },
  { name: '~~', re: /~~/ },
  { name: 'Math.floor', re: /\bMath\.floor\b/ },
  { name: 'Math.round', re: /\bMath\.round\b/ },
  { name: 'Math.trunc', re: /\bMath\.trunc\b/ },
  { name: 'Math.ceil', re: /\bMath\.ceil\b/ },
  { name: 'toFixed', re: /\btoFixed\b/ },
];

export interface Finding {
  readonly line: number;
  readonly op: string;
  readonly text: string;
  readonly why: string;
}

/** the budget names a marker may cite: the constants exported by src/core/budget.ts (re-exports included) */
export function budgetNames(): Set<string> {
  const text = readFileSync(join(srcRoot, 'core/budget.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/export const ([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/export \{([^}]*)\}/g))
    for (const n of m[1]!.split(',')) if (/^\s*[A-Z][A-Z0-9_]+\s*$/.test(n)) names.add(n.trim());
  return names;
}

/**
 * Every risky operation in source that its line does not justify. Whole-line
 * comments are skipped (prose may name an operation); code lines are scanned
 * whole, trailing comments included, so a marker cannot hide code.
 */
export function scanSource(source: string, options: { core: boolean; budgets: ReadonlySet<string> }): Finding[] {
  const out: Finding[] = [];
  const lines = source.split('\n');
  lines.forEach((text, n) => {
    const trimmed = text.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
    const hits = RISKY.filter((r) => r.re.test(text));
    if (hits.length === 0) return;
    const exact = /\/\/\s*exact:(.*)$/.exec(text);
    const approximate = /\/\/\s*approximate:\s*\S/.test(text);
    const cited = exact ? [...(exact[1] ?? '').matchAll(/[A-Z][A-Z0-9_]{2,}/g)].map((m) => m[0]) : [];
    let why: string | undefined;
    if (exact && cited.some((c) => options.budgets.has(c))) return;
    if (approximate && !options.core) return;
    if (exact)
      why = `its // exact: comment names no budget of src/core/budget.ts (found: ${cited.join(', ') || 'none'})`;
    else if (approximate) why = 'an approximate float is never allowed in the trusted core';
    else why = 'unmarked: bound it by a budget and say so with // exact: <why>, bounded by <BUDGET>';
    for (const h of hits) out.push({ line: n + 1, op: h.name, text: trimmed, why });
  });
  return out;
}
