/**
 * Fuzzing the expression parser (2000 cases; `npm run fuzz` runs 100000 on
 * dist/): random text and mutations of every expression in derivations/.
 * It must never throw, and every error must carry a code, an offset inside
 * the text and a message without stack-trace text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpression } from '../../src/parse/expression.js';
import { loadDerivation } from '../../src/derivation/load.js';
import { parseLatex } from '../../src/parse/latex.js';
import {
  checkParse,
  expressionCases,
  latexCases,
  seedExpressions,
  seedFiles,
  seedLatexExpressions,
  type Tally,
} from '../../scripts/fuzz-cases.mjs';

/** the suite's share; the script runs 100000 */
const RUNS = 2000;
const SEED = 6_2024;
/** why: 2000 parses, a second or two alone, more beside the rest of the suite on 2 cores */
const TIMEOUT_MS = 120_000;

describe('the expression parser under fuzzing', () => {
  it(
    `returns a located, clean error or an expression for ${RUNS} random and mutated inputs`,
    () => {
      const seeds = seedExpressions(seedFiles(), loadDerivation);
      expect(seeds.length).toBeGreaterThan(50);
      const tally: Tally = {};
      fc.assert(
        fc.property(expressionCases(seeds), (c) => {
          const failure = checkParse(parseExpression, c, tally);
          if (failure) throw new Error(`${failure}\ninput: ${JSON.stringify(c.text)}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // the inputs reach both outcomes and several kinds of error, so the contract was exercised
      expect(tally.ok ?? 0).toBeGreaterThan(RUNS / 50);
      expect(Object.keys(tally).length).toBeGreaterThan(4);
    },
    TIMEOUT_MS,
  );
});

describe('the LaTeX reader under fuzzing', () => {
  it(
    `returns a located, clean error or an expression for ${RUNS} random and mutated formulas`,
    () => {
      const seeds = seedLatexExpressions(seedFiles(), loadDerivation);
      expect(seeds.length).toBeGreaterThan(5);
      const tally: Tally = {};
      fc.assert(
        fc.property(latexCases(seeds), (c) => {
          const failure = checkParse(parseLatex, c, tally);
          if (failure) throw new Error(`${failure}\ninput: ${JSON.stringify(c.text)}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(tally.ok ?? 0).toBeGreaterThan(RUNS / 50);
      expect(Object.keys(tally).length).toBeGreaterThan(4);
    },
    TIMEOUT_MS,
  );
});
