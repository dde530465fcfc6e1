// Parallel checking: 100 derivation files (copies of the shipped passing
// derivations, each with its own title) checked by the built command
// (node bin/verify.js, dist/) with --jobs 1 (in one process) and --jobs 2
// (two worker threads), as whole processes, so start-up and worker start-up
// are part of the time, as a user sees it. Prints both medians and the ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** why 100: the acceptance point; enough files that worker start-up is amortised */
const FILES = 100;
/** why 3: a median of three runs damps one-off noise (a cold disk cache) without making the benchmark slow */
const REPEATS = 3;

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = readdirSync(join(root, 'derivations'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => readFileSync(join(root, 'derivations', f), 'utf8'));
if (sources.length === 0) throw new Error('no derivations/*.yaml to copy');

const dir = mkdtempSync(join(tmpdir(), 'derivcheck-bench-'));
try {
  for (let k = 0; k < FILES; k++) {
    // a variant, not a byte-for-byte copy: its own title, so every report line is distinct
    const text = sources[k % sources.length].replace(/^title: (.*)$/m, (_, t) => `title: ${t} (bench copy ${k})`);
    writeFileSync(join(dir, `d${String(k).padStart(3, '0')}.yaml`), text);
  }

  /** seconds of one whole `verify --jobs N` run over the directory; checks it really checked every file and passed */
  const run = (jobs) => {
    const start = performance.now();
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/verify.js'), '--jobs', String(jobs), '--format', 'json', dir],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      },
    );
    const seconds = (performance.now() - start) / 1000;
    if (r.status !== 0) throw new Error(`verify --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    const files = JSON.parse(r.stdout).files.length;
    if (files !== FILES) throw new Error(`verify --jobs ${jobs} reported ${files} files, expected ${FILES}`);
    return seconds;
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  run(1); // warm the disk cache and the compiled bundle before timing
  const one = [];
  const two = [];
  // alternate, so a drift in machine load affects both equally
  for (let k = 0; k < REPEATS; k++) {
    one.push(run(1));
    two.push(run(2));
  }
  const t1 = median(one);
  const t2 = median(two);
  console.log(
    `${FILES} files (copies of ${sources.length} derivations), ${availableParallelism()} cores available, median of ${REPEATS} runs`,
  );
  console.log(`--jobs 1: ${t1.toFixed(2)} s   (runs: ${one.map((t) => t.toFixed(2)).join(', ')})`);
  console.log(`--jobs 2: ${t2.toFixed(2)} s   (runs: ${two.map((t) => t.toFixed(2)).join(', ')})`);
  console.log(`ratio jobs 1 / jobs 2: ${(t1 / t2).toFixed(2)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
