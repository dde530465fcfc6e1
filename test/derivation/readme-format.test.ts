/**
 * The README's format section is self-contained (issue 10: a clone has no
 * ../shared): it names every key the loader accepts, explains early what a
 * declared symbol means, never sends the reader elsewhere for the format,
 * and its examples load as written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CASE_KEYS } from '../../src/derivation/load-cases.js';
import { STEP_KEYS } from '../../src/derivation/load-steps.js';
import { DECLARATION_KEYS } from '../../src/derivation/load-symbols.js';
import { CLAIM_KEYS, TOP_KEYS } from '../../src/derivation/load.js';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Writing a derivation'), readme.indexOf('## The command line'));
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("the README's format section", () => {
  it('does not send the reader to ../shared for the format', () => {
    expect(readme).not.toContain('shared/derivation-format');
  });

  it('explains what a declared symbol means within its first 60 lines', () => {
    const first = section.split('\n').slice(0, 60).join('\n');
    expect(first).toContain('What a declared symbol means');
    expect(first).toContain('independent variable');
    expect(first).toContain('opaque: true');
  });

  it('names every key the loader accepts, each in backquotes', () => {
    for (const key of [...TOP_KEYS, ...CASE_KEYS, ...STEP_KEYS, ...DECLARATION_KEYS, ...CLAIM_KEYS])
      expect(section, key).toContain(`\`${key}`);
  });

  it('every yaml example is YAML; the complete one verifies with --strict', () => {
    expect(blocks.length).toBeGreaterThan(5);
    for (const b of blocks) expect(() => parse(b)).not.toThrow();
    const r = verifyText('README.yaml', blocks[0]!, { seed: 1, strict: true });
    expect(r.ok).toBe(true);
  });

  it('the symbols, define and assume examples load together', () => {
    const pick = (key: string) => blocks.find((b) => b.startsWith(`${key}:`))!;
    const text = [
      'title: t',
      pick('symbols'),
      '  k: index',
      '  t: {indices: 1}',
      '  y: {indices: 1}',
      pick('define').replace('log(y(k))', 'log(y[k])'),
      pick('assume'),
      'steps:',
      '  - expr: q(i) + net(i) + b',
    ].join('\n');
    const r = loadDerivation('README.yaml', text);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
  });
});
