import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALGEBRA_RULES, ALL_RULES, DERIVATIVE_RULES, type RuleId, STRUCTURAL_RULES } from '../../src/core/rules.js';

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
    const ids = [
      ...DERIVATIVE_RULES.map((r) => r.id),
      ...Object.keys(STRUCTURAL_RULES),
      ...ALGEBRA_RULES.map((r) => r.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ALL_RULES.size).toBe(ids.length);
  });

  it('every rule is documented: a statement and a doc line', () => {
    for (const [id, r] of ALL_RULES) {
      expect(r.statement.trim().length, id).toBeGreaterThan(3);
      expect(r.doc.trim().length, id).toBeGreaterThan(3);
    }
  });

  it('every algebra rule with a side condition states it', () => {
    for (const r of ALGEBRA_RULES) if ('requires' in r) expect(r.requires?.trim().length, r.id).toBeGreaterThan(3);
  });

  it('a misspelt id does not type check', () => {
    const ok: RuleId = 'nf.trig';
    // @ts-expect-error 'nf.trigg' is not a rule id
    const bad: RuleId = 'nf.trigg';
    expect([ok, bad]).toHaveLength(2);
  });
});
