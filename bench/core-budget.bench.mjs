// Issue 11's budget (no proved case over 50 ms in the core): bundles
// core-budget.ts with the core, the parser and the conformance tool's corpus
// reader into build/core-budget/ (beside the built conformance tool, so its
// path to ../shared/corpora/ holds) and runs it (see core-budget.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const file = join(here, '..', 'build', 'core-budget', 'main.mjs');
await build({
  entryPoints: [join(here, 'core-budget.ts')],
  outfile: file,
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
