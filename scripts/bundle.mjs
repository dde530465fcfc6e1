// Bundles the CLI into one file (dist/verify.mjs) so that a cold `verify`
// loads one module instead of hundreds (yaml, yargs, decimal.js and ours);
// mathjs, whose ESM tree alone took 0.6-1.9 s, is no longer in it (the
// parser is our own). What the CLI loads with `import()` only when asked
// for (the report formats but text, KaTeX with the HTML one, `explain`,
// `gradcheck`) goes into chunks of its own under dist/chunks/, so a cold
// `verify` of files does not load it. See README "Startup".
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: { verify: 'dist/cli/main.js' },
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // some CommonJS dependencies call require(); give the ESM bundle one
  banner: {
    js: "import { createRequire as __derivcheckRequire } from 'node:module'; const require = __derivcheckRequire(import.meta.url);",
  },
});

// The pool's worker thread (src/cli/worker.ts) on its own: the checker
// without the command line, the report formats or KaTeX, so each worker
// loads about half of what the CLI does (src/cli/pool.ts).
await build({
  entryPoints: ['dist/cli/worker.js'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile: 'dist/verify-worker.mjs',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __derivcheckRequire } from 'node:module'; const require = __derivcheckRequire(import.meta.url);",
  },
});
