import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALGEBRA_RULES, ALL_RULES, DERIVATIVE_RULES, type RuleId, STRUCTURAL_RULES } from '../../src/core/rules.js';
import { RULE_DOCS } from '../../src/explain/rule-docs.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** every quoted `d.xxx` or `nf.xxx` in the source, with where it is */
function quotedIds(): { id: string; where: string }[] {
  const out: { id: string; where: string }[] = [];
  for (const f of [...files('src'), ...files('tools')]) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, n) => {
      for (const m of line.matchAll(/['"`]((?:d|nf)\.[a-z0-9-]+)['"`]/g))
        out.push({ id: m[1]!, where: `${f}:${n + 1}` });
    });
  }
  return out;
}

describe('rule ids', () => {
  it('every id written in the source is a rule of rules.ts', () => {
    const found = quotedIds();
    expect(found.length).toBeGreaterThan(40);
    const unknown = found.filter((x) => !ALL_RULES.has(x.id as RuleId));
    expect(unknown).toEqual([]);
  });

  it('ids are unique across the three tables', () => {
    const ids = [...DERIVATIVE_RULES.map((r) => r.id), ...STRUCTURAL_RULES, ...ALGEBRA_RULES];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ALL_RULES.size).toBe(ids.length);
  });

  it('every rule is documented: a statement and a doc line (src/explain/rule-docs.ts), and no words for a rule that is not', () => {
    for (const id of ALL_RULES) {
      const r = RULE_DOCS[id];
      expect(r, id).toBeDefined();
      expect(r.statement.trim().length, id).toBeGreaterThan(3);
      expect(r.doc.trim().length, id).toBeGreaterThan(3);
    }
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...ALL_RULES].sort());
  });

  it('every side condition is stated in words', () => {
    for (const [id, r] of Object.entries(RULE_DOCS))
      if ('requires' in r) expect(r.requires?.trim().length, id).toBeGreaterThan(3);
    // the rules whose side condition the core checks (the trust list in src/core/README.md) state it
    for (const id of [
      'nf.cancel',
      'nf.exp-log',
      'nf.log-product',
      'nf.root',
      'nf.root-split',
      'nf.power-split',
    ] as const)
      expect(RULE_DOCS[id].requires, id).toBeDefined();
  });

  it('a misspelt id does not type check', () => {
    const ok: RuleId = 'nf.trig';
    // @ts-expect-error 'nf.trigg' is not a rule id
    const bad: RuleId = 'nf.trigg';
    expect([ok, bad]).toHaveLength(2);
  });
});
