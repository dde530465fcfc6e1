// Loads the bundled command (dist/verify.cjs) with V8's code cache
// (dist/verify.cache): the bytecode of every function a training run of
// the checker compiled (scripts/code-cache.mjs, run by `npm run build`), so
// a cold `verify` neither parses the bundle nor compiles those functions
// again (about a quarter of its CPU time; README, "Startup"). The cache is
// only an optimization: V8 checks that it was made by this V8, with these
// flags, for this very source, and ignores it otherwise (the command then
// compiles as usual). Nothing here writes the cache except `makeCache`.
// Before compiling, it sets how soon V8 optimizes a function (tuneV8).
// The pool's worker threads start this file too: they load the same
// bundle with the same cache (src/cli/worker.ts serves there).
'use strict';
const { isAscii } = require('node:buffer');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');

/**
 * why 2000000: how much bytecode a function runs before V8 hands it to
 * TurboFan (V8 11's default is 67584). The checker's functions are large
 * and see many shapes (expression nodes, decimals, polynomials), and a
 * command runs them for a second or two: with the default, TurboFan
 * compiled about 420 functions (150 deoptimized and compiled again) while
 * checking 100 files, and those compilations took more CPU time (2.3 s,
 * on V8's background threads) than the checking itself (1.5 s on the main
 * thread). At 600000 they took 0.5 to 0.7 s, so `--jobs 1` still kept
 * about 1.3 cores busy and a second thread had little core left to use;
 * at 2000000 they take 0.15 s. Measured on the idle 2-core machine
 * (2026-12-07, 100 files, medians of 9 interleaved runs, two rounds):
 * `--jobs 1` 2.2 s of CPU instead of 2.5 to 2.8, the default `--jobs` 1.32
 * to 1.37 s of wall time instead of 1.40 to 1.64, a cold `verify` of the
 * seed alike (818 to 822 million instructions at 600000 and 6000000,
 * callgrind). Later still (6000000) made `--jobs 1` slower (2.5 s of
 * CPU): too little of the checking ran optimized (README, "Startup").
 */
const INTERRUPT_BUDGET = 2000000;

/**
 * Sets V8's tiering for the command, before the bundle is compiled: the
 * flags are part of what V8 checks a code cache against, so the build
 * (makeCache) and every run set them alike. Only on the V8 versions known
 * to have the flag (Node 20 to 24): elsewhere V8 would print an error for
 * an unknown flag, and the defaults are kept.
 */
function tuneV8() {
  const major = Number(process.versions.v8.split('.')[0]);
  if (major >= 11 && major <= 13) require('node:v8').setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * the bundle's exports ({ main }), its compiled script, and whether V8
 * refused the cache; `useCache` false ignores any cache; `dist` is where
 * verify.cjs and verify.cache are (tests)
 */
function load(useCache = true, dist = DIST) {
  tuneV8();
  const bundle = join(dist, 'verify.cjs');
  const cacheFile = join(dist, 'verify.cache');
  // the bundle is ASCII (scripts/bundle.mjs checks it): Latin-1 makes the same one-byte string without decoding UTF-8
  const bytes = readFileSync(bundle);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache (not built yet, or removed): compile as usual
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  const localRequire = Module.createRequire(bundle);
  script.runInThisContext()(module.exports, localRequire, module, bundle, dist);
  return { exports: module.exports, script, rejected: cachedData !== undefined && script.cachedDataRejected === true };
}

/** the command's main(argv), loaded with the code cache when it fits */
function loadCli() {
  return load().exports;
}

/** runs `train` (given main) on a freshly compiled bundle, then writes the code cache of what it compiled */
async function makeCache(train) {
  const { exports, script } = load(false);
  await train(exports.main);
  const data = script.createCachedData();
  writeFileSync(join(DIST, 'verify.cache'), data);
  return data.length;
}

module.exports = { loadCli, makeCache, load };

// started by the pool as a worker thread (src/cli/pool.ts): the bundle's worker.ts serves the files
// (require.main first: the command's own thread does not load node:worker_threads)
if (require.main === module && !require('node:worker_threads').isMainThread) load().exports.serveWorker();
