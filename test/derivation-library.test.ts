/**
 * The library of classic derivations in derivations/ (issue 5): at least 12,
 * each naming its source, written as steps with reasons, and every step
 * proved by the core, except the steps listed in KNOWN_NUMERIC, which the
 * core cannot yet normalize (they may become proved; they must not fail).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDerivation } from '../src/derivation/load.js';
import { verifyFile } from '../src/index.js';

const dir = new URL('../derivations/', import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** the library issue 5 asks for (other files in derivations/ are checked by derivations.test.ts) */
const LIBRARY = [
  'sigmoid-belief-net.yaml',
  'sigmoid-belief-net-bernoulli.yaml',
  'logistic-regression.yaml',
  'softmax-cross-entropy.yaml',
  'log-sum-exp-gradient.yaml',
  'logistic-sigmoid-derivative.yaml',
  'tanh-derivative.yaml',
  'tanh-sigmoid-relation.yaml',
  'softplus.yaml',
  'softplus-reflection.yaml',
  'two-layer-backprop.yaml',
  'gaussian-log-likelihood-mean.yaml',
  'gaussian-log-likelihood-variance.yaml',
  'rbm-free-energy.yaml',
  'boltzmann-learning-rule.yaml',
  'relu-derivative.yaml',
  'hinge-loss-derivative.yaml',
  'boltzmann-symmetric-weights.yaml',
];

/** file -> steps the core leaves to the numeric check, and why (none today: add an entry with its reason) */
const KNOWN_NUMERIC: Readonly<Record<string, readonly string[]>> = {};

describe('the derivation library', () => {
  it('has at least 12 derivations, among them the required topics', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(LIBRARY.filter((f) => !files.includes(f))).toEqual([]);
  });
  for (const f of LIBRARY) {
    it(`${f}: names its source, states a claim, gives reasons; every step proved except the known numeric ones`, async () => {
      const loaded = loadDerivation(f, readFileSync(join(dir, f), 'utf8'));
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      const d = loaded.derivation;
      expect(d.source?.length ?? 0).toBeGreaterThan(10);
      expect(d.claim).toBeDefined();
      const steps = [...d.steps, ...(d.cases?.list.flatMap((c) => c.steps) ?? [])];
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.slice(1).every((s) => s.by !== undefined)).toBe(true);
      const r = await verifyFile(join(dir, f));
      const allowed = KNOWN_NUMERIC[f] ?? [];
      const unexpected = r.steps.filter(
        (s) => s.status !== 'proved' && !(s.status === 'numeric' && allowed.includes(s.location)),
      );
      expect(unexpected.map((s) => `${s.location}: ${s.status} ${s.message}`)).toEqual([]);
    });
  }
});
