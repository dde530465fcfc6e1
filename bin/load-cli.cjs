// Loads the bundled command (dist/verify.cjs) with V8's code cache
// (dist/verify.cache): the bytecode of every function a training run of
// the checker compiled (scripts/code-cache.mjs, run by `npm run build`), so
// a cold `verify` neither parses the bundle nor compiles those functions
// again (about a quarter of its CPU time; README, "Startup"). The cache is
// only an optimization: V8 checks that it was made by this V8, with these
// flags, for this very source, and ignores it otherwise (the command then
// compiles as usual). Nothing here writes the cache except `makeCache`.
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
 * the bundle's exports ({ main }), its compiled script, and whether V8
 * refused the cache; `useCache` false ignores any cache; `dist` is where
 * verify.cjs and verify.cache are (tests)
 */
function load(useCache = true, dist = DIST) {
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
