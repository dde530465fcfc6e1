// `verify derivations/sigmoid-belief-net.yaml` as a whole process, cold: a new
// node process each time (bin/verify.js, the built dist/), as a user or CI
// runs it, start-up included. Prints the median wall time of RUNS runs and,
// measured in the same run, the median of `node -e 0` (what any Node program
// costs to start here), and their ratio. A run that does not exit 0 fails the
// benchmark: timing a broken check is worthless.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** why 9: the median of nine damps a busy machine's outliers; each run is well under a second */
const RUNS = 9;

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = 'derivations/sigmoid-belief-net.yaml';

/** wall milliseconds of one process */
function once(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// warm the disk cache for both before timing; then interleave them, so load on the machine hits both alike
once(['bin/verify.js', seed]);
once(['-e', '0']);
const verify = [];
const baseline = [];
for (let r = 0; r < RUNS; r++) {
  verify.push(once(['bin/verify.js', seed]));
  baseline.push(once(['-e', '0']));
}
const v = median(verify);
const b = median(baseline);
console.log(`verify ${seed}, cold process, median of ${RUNS} (node ${process.version})`);
const label = `node bin/verify.js ${seed}`;
console.log(
  `  ${label}  ${v.toFixed(0).padStart(5)} ms  (min ${Math.min(...verify).toFixed(0)}, max ${Math.max(...verify).toFixed(0)})`,
);
console.log(
  `  ${'node -e 0 (baseline)'.padEnd(label.length)}  ${b.toFixed(0).padStart(5)} ms  (min ${Math.min(...baseline).toFixed(0)}, max ${Math.max(...baseline).toFixed(0)})`,
);
console.log(`  ratio verify / baseline ${(v / b).toFixed(1)}x; verify minus baseline ${(v - b).toFixed(0)} ms`);
