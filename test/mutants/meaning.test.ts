/**
 * The oracle: an edit that changes a value is `changed`, one that does not is
 * `equivalent`, and a definition edit that every step follows consistently
 * is `equivalent` (the derivation is still right), whatever the checker says.
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import type { LoadedDerivation } from '../../src/derivation/model.js';
import { generateMutants } from '../../tools/mutants/generate.js';
import { judgeMeaning } from '../../tools/mutants/meaning.js';
import type { Mutant } from '../../tools/mutants/model.js';

function load(text: string): LoadedDerivation {
  const r = loadDerivation('test.yaml', text);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.derivation;
}

/** the mutant of d at `location` whose detail is `detail` */
function mutant(d: LoadedDerivation, location: string, detail: string): Mutant {
  const m = generateMutants(d).find((x) => x.location === location && x.detail === detail);
  if (!m)
    throw new Error(
      `no mutant ${location} ${detail}: ${generateMutants(d)
        .filter((x) => x.location === location)
        .map((x) => x.detail)
        .join(' | ')}`,
    );
  return m;
}

describe('the meaning oracle', () => {
  const byName = load('title: t\ndefine:\n  f(u): 2 * u\nsteps:\n  - expr: f(x) + f(x)\n  - expr: 2 * f(x)\n');
  const unfolded = load('title: t\ndefine:\n  f(u): 2 * u\nsteps:\n  - expr: f(x) + f(x)\n  - expr: 4 * x\n');

  it('a step edit that changes the value is changed', () => {
    expect(judgeMeaning(mutant(byName, 'steps[1]', '2 -> 3'), byName).kind).toBe('changed');
  });

  it('a step edit that keeps the value (x + x for 2x, written differently) is equivalent', () => {
    const d = load('title: t\nsteps:\n  - expr: 2 * x\n  - expr: x * 2 * 1\n');
    expect(judgeMeaning(mutant(d, 'steps[1]', 'drop 1 from x * 2 * 1'), d).kind).toBe('equivalent');
  });

  it('a definition edit that both sides of every equality follow is equivalent: the derivation still holds', () => {
    expect(judgeMeaning(mutant(byName, 'define.f', '2 -> 3'), byName).kind).toBe('equivalent');
  });

  it('a definition edit that a step written out in full does not follow is changed', () => {
    expect(judgeMeaning(mutant(unfolded, 'define.f', '2 -> 3'), unfolded).kind).toBe('changed');
  });

  it('a definition edit that makes the definitions circular is changed', () => {
    const d = load('title: t\ndefine:\n  f(u): 2 * g(u)\n  g(u): u\nsteps:\n  - expr: f(x)\n  - expr: 2 * x\n');
    const m = judgeMeaning(mutant(d, 'define.f', 'g -> f in g(u)'), d);
    expect(m).toMatchObject({ kind: 'changed' });
    expect(m.kind === 'changed' && m.why).toMatch(/cycle/);
  });

  it('structural edits are changed by construction', () => {
    const d = load(
      'title: t\nsymbols:\n  b: {domain: binary}\nsteps:\n  - expr: b\ncases:\n  - when: {b: 0}\n    steps: [{expr: "0"}]\n  - when: {b: 1}\n    steps: [{expr: "1"}]\n',
    );
    const structural = generateMutants(d).filter((m) => m.site === 'structure');
    expect(structural.map((m) => m.operator).sort()).toEqual([
      'delete-case',
      'delete-case',
      'flip-when',
      'flip-when',
      'swap-when',
    ]);
    for (const m of structural) expect(judgeMeaning(m, d).kind).toBe('changed');
  });
});
