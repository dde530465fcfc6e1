/**
 * The mutation engine on the seed derivation, with a small cap: every mutant
 * that changes the meaning of a step is rejected by the checker, and every
 * operator produced meaning-changing mutants, so the test cannot pass by
 * generating nothing (`npm run mutants` runs the same engine on every file).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDerivation } from '../../src/derivation/load.js';
import { mutateDerivation } from '../../tools/mutants/run.js';
import { OPERATORS, type FileMutationReport } from '../../tools/mutants/model.js';
import { countOutcomes, perOperator, survivors, type MutationCounts } from '../../tools/mutants/summary.js';
import { survivorText } from '../../tools/mutants/report.js';

const FILE = 'derivations/sigmoid-belief-net.yaml';
/** why: 6 per operator, enough to reach every kind while the test stays a few seconds */
const CAP = 60;
/** why: 60 full checks take about 8 s alone, and over vitest's default 10 s hook limit on a loaded 2-core machine */
const HOOK_TIMEOUT_MS = 120_000;

describe(`mutation testing of ${FILE}`, () => {
  let report: FileMutationReport;
  let counts: MutationCounts;
  beforeAll(() => {
    const loaded = loadDerivation(FILE, readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error(`${FILE} does not load`);
    report = mutateDerivation(loaded.derivation, { cap: CAP });
    counts = countOutcomes(report.outcomes);
  }, HOOK_TIMEOUT_MS);

  it('generates the capped number of mutants, most of them meaning-changing', () => {
    expect(counts.generated).toBe(CAP);
    expect(report.candidates).toBeGreaterThan(CAP);
    expect(counts.changed).toBeGreaterThan(CAP / 2);
  });

  it('kills every meaning-changing mutant', () => {
    expect(survivors(report.outcomes).map((x) => survivorText(FILE, x))).toEqual([]);
    expect(counts.killed).toBe(counts.changed);
    expect(counts.crashes).toBe(0);
  });

  it('has meaning-changing mutants of every operator', () => {
    const ops = perOperator(report.outcomes);
    expect(OPERATORS.filter((op) => ops.get(op)!.changed === 0)).toEqual([]);
  });

  it('never rejects a mutant the oracle found equivalent (the checker is not rejecting everything)', () => {
    expect(counts.equivalentRejected).toBe(0);
  });
});
