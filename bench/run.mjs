// `npm run bench`: runs every bench/*.bench.mjs in turn (sorted by name), each
// as its own process so one benchmark's warm-up or memory cannot skew the
// next. A benchmark prints its own numbers, each next to its peer's measured
// in the same run (or "peer not installed"); a failing one fails the run.
// The machine and its load are printed before and after: on a busy machine
// every figure is slower, and the ratios (measured side by side) are what
// to compare.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineLine } from './machine.mjs';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
console.log(machineLine());
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`${file} failed (exit ${r.status ?? r.signal})\n`);
    failed += 1;
  }
}
console.log(`\n${machineLine()}`);
process.exitCode = failed > 0 ? 1 : 0;
