// Bundles the CLI into one script (dist/verify.cjs) so that a cold `verify`
// loads one file instead of hundreds of modules (yaml, yargs, decimal.js and
// ours); mathjs, whose ESM tree alone took 0.6-1.9 s, is not in it (the
// parser is our own). CommonJS, because only a classic script can be
// loaded with V8's code cache (bin/load-cli.cjs, made by
// scripts/code-cache.mjs). What the CLI loads with `import()` only when asked
// for (the report formats but text, KaTeX with the HTML one, yargs,
// `explain`, `gradcheck`) is in the script, but its modules are evaluated
// only then. The pool's worker threads load the same script (src/cli/worker.ts
// is in it). See README "Startup".
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// what earlier layouts of dist/ left behind (the ESM bundle and its chunks)
for (const old of [
  'dist/chunks',
  'dist/verify.mjs',
  'dist/verify.mjs.LEGAL.txt',
  'dist/verify-worker.mjs',
  'dist/verify-worker.mjs.LEGAL.txt',
  'dist/verify.cache',
])
  rmSync(old, { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/verify.cjs',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // the modules read import.meta.url (the package's files, the worker's path): the bundle's own URL
  define: { 'import.meta.url': '__derivcheckUrl' },
  banner: { js: "var __derivcheckUrl = require('node:url').pathToFileURL(__filename).href;" },
});
