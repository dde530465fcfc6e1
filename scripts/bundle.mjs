// Bundles the CLI into one script (dist/verify.cjs) so that a cold `verify`
// loads one file instead of hundreds of modules (yaml, yargs, decimal.js and
// ours); mathjs, whose ESM tree alone took 0.6-1.9 s, is not in it (the
// parser is our own). CommonJS, because only a classic script can be
// loaded with V8's code cache (bin/load-cli.cjs, made by
// scripts/code-cache.mjs). What the CLI loads with `import()` only when asked
// for (the report formats but text, yargs, `explain`, `gradcheck`) is in
// the script, but its modules are evaluated only then; KaTeX (270 KB, for
// the HTML report only) stays outside it and is required from node_modules
// when that report is made, so a cold start does not read it. The script is
// pure ASCII (checked here), so bin/load-cli.cjs reads it as Latin-1 into a
// one-byte string, without decoding UTF-8. The pool's worker threads load
// the same script (src/cli/worker.ts is in it). See README "Startup".
import { readFileSync, rmSync } from 'node:fs';
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
  // a dependency of the package (installed with it), used by `--format html` alone
  external: ['katex'],
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // the modules read import.meta.url (the package's files, the worker's path): the bundle's own URL
  define: { 'import.meta.url': '__derivcheckUrl' },
  banner: { js: "var __derivcheckUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// V8 keeps a source with any non-ASCII character as a two-byte string, twice the memory, decoded from UTF-8 at
// every start: esbuild escapes non-ASCII in strings (charset ascii), but not in regular expression literals
const bytes = readFileSync('dist/verify.cjs');
const at = bytes.findIndex((b) => b > 0x7f);
if (at >= 0) {
  const text = bytes.toString('latin1');
  const line = text.slice(0, at).split('\n').length;
  process.stderr.write(
    `scripts/bundle.mjs: dist/verify.cjs is not pure ASCII (line ${line}): ${JSON.stringify(text.slice(at - 60, at + 20))}\n`,
  );
  process.exitCode = 1;
}
