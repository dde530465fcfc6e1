// `npm run bench`: runs every bench/*.bench.mjs in turn (sorted by name), each
// as its own process so one benchmark's warm-up or memory cannot skew the
// next. A benchmark prints its own numbers; a failing one fails the run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`${file} failed (exit ${r.status ?? r.signal})\n`);
    failed += 1;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
