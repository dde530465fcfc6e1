/**
 * Fuzzing the derivation loader (2000 cases; `npm run fuzz` runs 100000 on
 * dist/): random text and mutations of the files in derivations/. It must
 * never throw, and every error must carry a code, a place inside the file
 * (a line that exists, a column on it) and a message without stack-trace
 * text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDerivation } from '../../src/derivation/load.js';
import { checkLoad, fileCases, seedFiles, type Tally } from '../../scripts/fuzz-cases.mjs';

/** the suite's share; the script runs 100000 */
const RUNS = 2000;
const SEED = 6_2024;
/** why: 2000 files, each YAML parsed and every expression read; tens of seconds beside the rest of the suite */
const TIMEOUT_MS = 180_000;

describe('the derivation loader under fuzzing', () => {
  it(
    `returns a derivation or located, clean errors for ${RUNS} random and mutated files`,
    () => {
      const tally: Tally = {};
      fc.assert(
        fc.property(fileCases(seedFiles()), (c) => {
          const failure = checkLoad(loadDerivation, c, tally);
          if (failure)
            throw new Error(`${failure}\nfile (mutated from ${c.name}): ${JSON.stringify(c.text.slice(0, 3000))}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(tally.ok ?? 0).toBeGreaterThan(RUNS / 100);
      expect(Object.keys(tally).length).toBeGreaterThan(4);
    },
    TIMEOUT_MS,
  );
});
