// Cold start: `verify derivations/sigmoid-belief-net.yaml` as a whole
// process (bin/verify.js, the built dist/), as a user or CI runs it, with the
// full default verdicts (the numeric cross-checks included). Next to it, in
// the same run and interleaved so the machine's load hits all alike:
//   - `node -e 0`, what any Node program costs to start here (the baseline);
//   - Maxima checking the same derivation's two cases concretely
//     (bench/peers/seed-cases.mac: n = 3, the data fixed, every step of each
//     case by ratsimp/radcan), the peer; "peer not installed" without it.
// (Files per second of the whole derivations/ folder: throughput.bench.mjs.)
// Prints medians of RUNS runs; a run that does not exit 0 (or a
// Maxima run that does not print both cases ok) fails the benchmark.
import { fileURLToPath } from 'node:url';
import { load1, median, peerAvailable, runTimed } from './machine.mjs';

/** why 9: the median of nine damps a busy machine's outliers; each run is well under a second */
const RUNS = 9;

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = 'derivations/sigmoid-belief-net.yaml';
const maximaScript = 'bench/peers/seed-cases.mac';

/** { wall, cpu } milliseconds of one process; `check` validates its output */
function once(cmd, args, check = () => true) {
  const r = runTimed(cmd, args, { cwd: root });
  if (r.status !== 0 || !check(r.stdout))
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 2000)}`);
  return r;
}

const contenders = [
  { label: `node bin/verify.js ${seed}`, cmd: process.execPath, args: ['bin/verify.js', seed] },
  { label: 'node -e 0 (baseline)', cmd: process.execPath, args: ['-e', '0'] },
];
const maxima = peerAvailable(['maxima', '--version']);
if (maxima.ok)
  contenders.push({
    label: `maxima ${maximaScript} (peer)`,
    cmd: 'maxima',
    args: ['--very-quiet', `--batch-string=batchload("${maximaScript}")$`],
    // both cases shown equal, step by step
    check: (out) => (out.match(/^case s\[i\] = [01] ok/gm) ?? []).length === 2 && !/not shown equal/.test(out),
  });

// warm the disk cache for all before timing; then interleave them
for (const c of contenders) once(c.cmd, c.args, c.check);
const times = contenders.map(() => []);
for (let r = 0; r < RUNS; r++) contenders.forEach((c, k) => times[k].push(once(c.cmd, c.args, c.check)));

const width = Math.max(...contenders.map((c) => c.label.length));
const med = times.map((ts) => median(ts.map((t) => t.wall)));
const cpu = times.map((ts) => (ts[0].cpu === undefined ? undefined : median(ts.map((t) => t.cpu))));
console.log(`cold start, whole processes, median of ${RUNS} interleaved runs: wall (CPU user + sys) (load ${load1()})`);
contenders.forEach((c, k) =>
  console.log(
    `  ${c.label.padEnd(width)}  ${med[k].toFixed(0).padStart(5)} ms (${cpu[k] === undefined ? 'n/a' : cpu[k].toFixed(0)} ms)  (wall min ${Math.min(...times[k].map((t) => t.wall)).toFixed(0)}, max ${Math.max(...times[k].map((t) => t.wall)).toFixed(0)})`,
  ),
);
if (!maxima.ok) console.log(`  ${'maxima (peer)'.padEnd(width)}  peer not installed (${maxima.why})`);
const ratio = (a, b) =>
  `${(med[a] / med[b]).toFixed(2)}x${cpu[a] && cpu[b] ? ` (CPU ${(cpu[a] / cpu[b]).toFixed(2)}x)` : ''}`;
const ratios = [`verify / node -e 0 ${ratio(0, 1)}`];
if (maxima.ok) ratios.push(`verify / Maxima ${ratio(0, 2)}`);
console.log(`  ${ratios.join('; ')}`);

// Instructions, which the machine's load does not change (valgrind's
// callgrind counts them; the same total run after run): the cold seed
// against `node -e 0`, one run each. Maxima is not counted: its Lisp
// (SBCL) aborts under valgrind. Skipped, with a line saying so, where
// valgrind is missing.
const valgrind = peerAvailable(['valgrind', '--version']);
if (!valgrind.ok) console.log(`  instructions: valgrind not installed (${valgrind.why})`);
else {
  /** the instructions callgrind counted for one whole process (all its threads) */
  const instructions = (args) => {
    const r = runTimed('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...args], {
      cwd: root,
    });
    const m = /Collected : (\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m)
      throw new Error(`callgrind of node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
    return Number(m[1]);
  };
  const verify = instructions(['bin/verify.js', seed]);
  const node = instructions(['-e', '0']);
  const millions = (n) => `${(n / 1e6).toFixed(0)} million`;
  console.log(
    `  instructions (callgrind, one run each): verify ${millions(verify)}, node -e 0 ${millions(node)}: ${(verify / node).toFixed(2)}x`,
  );
}
