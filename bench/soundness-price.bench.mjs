// The price of certification (issue 9): `verify derivations/` with this
// checkout against the same command built from the commit before the
// soundness work (BASELINE_COMMIT), each on its own commit's derivations/
// folder (the same derivations; the format moved to version 2 meanwhile),
// interleaved in one run so the machine's load hits both alike. The
// baseline is built from `git archive` into a temporary folder with this
// checkout's node_modules; without git history (a shallow clone) it says so.
// The goal: no more than 1.5x.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load1, median, runTimed } from './machine.mjs';

/** the last commit before issue 9's changes (the architecture test of the core's proved decisions) */
const BASELINE_COMMIT = '40cd193';
/** why 5: each run verifies a whole folder (about a second); the median of five damps a busy machine */
const RUNS = 5;
const GOAL = 1.5;

const root = fileURLToPath(new URL('..', import.meta.url));
const sh = (cmd, cwd) => spawnSync('sh', ['-c', cmd], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });

const known = sh(`git cat-file -e ${BASELINE_COMMIT}^{commit}`, root);
if (known.status !== 0) {
  console.log(
    `baseline ${BASELINE_COMMIT} not in this clone's history (shallow clone?): price of certification not measured`,
  );
  process.exit(0);
}
const base = mkdtempSync(join(tmpdir(), 'derivcheck-baseline-'));
try {
  const unpack = sh(`git -C '${root}' archive ${BASELINE_COMMIT} | tar -x -C '${base}'`, root);
  if (unpack.status !== 0) throw new Error(`cannot unpack ${BASELINE_COMMIT}: ${unpack.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
  const build = sh('node node_modules/typescript/bin/tsc -p tsconfig.build.json && node scripts/bundle.mjs', base);
  if (build.status !== 0)
    throw new Error(`cannot build ${BASELINE_COMMIT}: ${(build.stdout + build.stderr).slice(0, 2000)}`);

  // the derivations both have (by file name), each checkout reading its own copy: the same work, before and after
  const names = (dir) => readdirSync(join(dir, 'derivations')).filter((f) => /\.ya?ml$/.test(f));
  const common = names(root).filter((f) => names(base).includes(f));
  const files = common.map((f) => `derivations/${f}`);
  const contenders = [
    { label: 'this checkout', cwd: root },
    { label: `${BASELINE_COMMIT}, before the soundness work`, cwd: base },
  ];
  console.log(`the ${common.length} derivations both checkouts have: ${common.join(', ')}`);
  const once = (c) => {
    // exit 0 (all ok) or 1 (a wrong/ file failed as it must): anything else is a broken run
    const r = runTimed(process.execPath, ['bin/verify.js', '--quiet', '--jobs', '1', ...files], { cwd: c.cwd });
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`${c.label}: exit ${r.status}: ${(r.stderr || r.stdout).slice(0, 2000)}`);
    return r;
  };
  contenders.forEach(once); // warm the disk cache
  const times = contenders.map(() => []);
  for (let r = 0; r < RUNS; r++) contenders.forEach((c, k) => times[k].push(once(c)));
  const wall = times.map((ts) => median(ts.map((t) => t.wall)));
  const cpu = times.map((ts) => (ts[0].cpu === undefined ? undefined : median(ts.map((t) => t.cpu))));
  const width = Math.max(...contenders.map((c) => c.label.length));
  console.log(
    `verify derivations/ (--jobs 1), median of ${RUNS} interleaved runs: wall (CPU user + sys) (load ${load1()})`,
  );
  contenders.forEach((c, k) =>
    console.log(
      `  ${c.label.padEnd(width)}  ${wall[k].toFixed(0).padStart(6)} ms (${cpu[k] === undefined ? 'n/a' : cpu[k].toFixed(0)} ms)`,
    ),
  );
  const ratio = wall[0] / wall[1];
  const cpuRatio = cpu[0] && cpu[1] ? cpu[0] / cpu[1] : undefined;
  console.log(
    `  price of certification: ${ratio.toFixed(2)}x wall${cpuRatio ? `, ${cpuRatio.toFixed(2)}x CPU` : ''} (goal at most ${GOAL}x)`,
  );
} finally {
  rmSync(base, { recursive: true, force: true });
}
