// Throughput (issue 13, goal 5): files per second for the whole
// derivations/ folder with --jobs 1 and with the default --jobs, and cases
// per second for the conformance corpora (../shared/corpora/, never copied
// here; "corpora not found" without them). The corpora are sampled: every
// SAMPLE_EVERY-th case of each of the three files (a fixed sample, the
// same in every run), checked by `npm run conformance`'s tool (built into
// build/ by scripts/build-tools.mjs) as a whole process, so the figures
// include its start-up as a user pays it. Full default verdicts: the
// numeric cross-checks and the proof re-check are on. A run that does not
// check every file, or breaks, fails the benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load1, median, runTimed } from './machine.mjs';

/** why 3: each run is seconds; the median of three damps one slow run */
const RUNS = 3;
/** why every 10th: about 235 of the 2349 cases, some tens of seconds; all three corpora and every source project appear */
const SAMPLE_EVERY = 10;
const CORPORA = ['derivatives.jsonl', 'identities.jsonl', 'nonidentities.jsonl'];

const root = fileURLToPath(new URL('..', import.meta.url));

// derivations/: one process, --jobs 1 and the default, interleaved
const files = readdirSync(join(root, 'derivations')).filter((f) => /\.ya?ml$/.test(f)).length;
const folder = (jobs) => {
  const args = ['bin/verify.js', '--format', 'json', ...(jobs ? ['--jobs', String(jobs)] : []), 'derivations'];
  const r = runTimed(process.execPath, args, { cwd: root });
  // exit 0, or 1 when a file fails as it must (none of the shipped ones should)
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`verify derivations/ exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const checked = JSON.parse(r.stdout).files.length;
  if (checked !== files) throw new Error(`verify derivations/ reported ${checked} files, expected ${files}`);
  return r;
};
const one = [];
const dflt = [];
for (let k = 0; k < RUNS; k++) {
  one.push(folder(1));
  dflt.push(folder());
}
const line = (label, rs) => {
  const wall = median(rs.map((r) => r.wall));
  const cpu = rs[0].cpu === undefined ? undefined : median(rs.map((r) => r.cpu));
  return `  ${label.padEnd(22)} ${wall.toFixed(0).padStart(6)} ms wall (${cpu === undefined ? 'n/a' : cpu.toFixed(0)} ms CPU): ${((files * 1000) / wall).toFixed(1)} files/s${cpu ? `, ${((files * 1000) / cpu).toFixed(1)} files per CPU second` : ''}`;
};
console.log(`verify derivations/ (${files} files, one process), median of ${RUNS} interleaved runs (load ${load1()})`);
console.log(line('--jobs 1', one));
console.log(line('default --jobs', dflt));

// the conformance corpora, sampled
const shared = process.env.DERIVCHECK_CORPORA ?? join(root, '..', 'shared', 'corpora');
if (!CORPORA.every((f) => existsSync(join(shared, f)))) {
  console.log(`conformance corpora: not found in ${shared} (set DERIVCHECK_CORPORA); not measured`);
} else {
  const built = spawnSync(process.execPath, ['scripts/build-tools.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`cannot build the conformance tool: ${built.stderr.slice(0, 2000)}`);
  const dir = mkdtempSync(join(tmpdir(), 'derivcheck-corpora-'));
  try {
    const counts = CORPORA.map((f) => {
      const lines = readFileSync(join(shared, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const sample = lines.filter((_, k) => k % SAMPLE_EVERY === 0);
      writeFileSync(join(dir, f), `${sample.join('\n')}\n`);
      return sample.length;
    });
    const cases = counts.reduce((a, b) => a + b, 0);
    const r = runTimed(process.execPath, ['build/conformance/main.js'], {
      cwd: root,
      env: { ...process.env, DERIVCHECK_CORPORA: dir },
    });
    const done = /^(\d+) cases in ([\d.]+) s$/m.exec(r.stdout);
    if ((r.status !== 0 && r.status !== 1) || !done || Number(done[1]) !== cases)
      throw new Error(`conformance exited ${r.status}: ${(r.stderr || r.stdout).slice(-2000)}`);
    console.log(
      `conformance corpora, every ${SAMPLE_EVERY}th case (${counts.join(' + ')} = ${cases} of derivatives, identities, non-identities), one process (load ${load1()})`,
    );
    console.log(
      `  ${r.wall.toFixed(0)} ms wall (${r.cpu === undefined ? 'n/a' : r.cpu.toFixed(0)} ms CPU): ${((cases * 1000) / r.wall).toFixed(1)} cases/s${r.cpu ? `, ${((cases * 1000) / r.cpu).toFixed(1)} cases per CPU second` : ''}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
