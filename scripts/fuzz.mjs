#!/usr/bin/env node
/**
 * `npm run fuzz`: the parser, LaTeX reader and loader fuzz targets (fuzz-cases.mjs) at
 * 100000 cases each, against the built dist/ (the test suite runs 2000 each
 * on src/). Prints the outcome counts per target and, for a failure, the
 * seed and path that replay it and the input; exits 1 on any failure.
 *
 *   node scripts/fuzz.mjs [--runs N] [--seed S] [--path P] [--target parser|latex|loader]
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { parseExpression } from '../dist/parse/expression.js';
import { parseLatex } from '../dist/parse/latex.js';
import { loadDerivation } from '../dist/derivation/load.js';
import {
  checkLoad,
  checkParse,
  expressionCases,
  fileCases,
  latexCases,
  seedExpressions,
  seedFiles,
  seedLatexExpressions,
} from './fuzz-cases.mjs';

/** the issue's number of cases per target */
const DEFAULT_RUNS = 100_000;

function option(name, fallback) {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

const runs = Number(option('runs', DEFAULT_RUNS));
// a fresh seed each run explores new inputs; the seed is printed so a failure replays
const seed = Number(option('seed', Math.floor(Math.random() * 2 ** 31)));
const path = option('path', undefined);
const only = option('target', undefined);

const files = seedFiles();
const targets = {
  parser: {
    cases: expressionCases(seedExpressions(files, loadDerivation)),
    check: (c, tally) => checkParse(parseExpression, c, tally),
  },
  latex: {
    cases: latexCases(seedLatexExpressions(files, loadDerivation)),
    check: (c, tally) => checkParse(parseLatex, c, tally),
  },
  loader: { cases: fileCases(files), check: (c, tally) => checkLoad(loadDerivation, c, tally) },
};

let failed = false;
for (const [name, target] of Object.entries(targets)) {
  if (only !== undefined && only !== name) continue;
  const tally = {};
  const start = performance.now();
  const result = fc.check(
    fc.property(target.cases, (c) => {
      const failure = target.check(c, tally);
      if (failure) throw new Error(failure);
    }),
    { numRuns: runs, seed, ...(path !== undefined ? { path } : {}), endOnFailure: true },
  );
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const counts = Object.entries(tally)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  process.stdout.write(`${name}: ${result.numRuns} cases in ${seconds} s (seed ${seed}); outcomes: ${counts}\n`);
  if (result.failed) {
    failed = true;
    const input = result.counterexample?.[0];
    process.stdout.write(
      `${name}: FAILED: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n`,
    );
    process.stdout.write(
      `  replay: node scripts/fuzz.mjs --target ${name} --seed ${seed} --path ${result.counterexamplePath}\n`,
    );
    process.stdout.write(`  input${input?.name ? ` (from ${input.name})` : ''}: ${JSON.stringify(input?.text)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
