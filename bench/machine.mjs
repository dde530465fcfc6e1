// What every benchmark prints about where it ran, and how it finds its
// peers (the programs it compares with). Not a benchmark itself (run.mjs
// runs only *.bench.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** one line: CPU model, cores, memory, Node, and the load averages now */
export function machineLine() {
  const [l1, l5, l15] = loadavg().map((x) => x.toFixed(2));
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return `machine: ${model}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; load average ${l1} ${l5} ${l15} (1, 5, 15 min)`;
}

/** the load average of the last minute, for "measured at load x" */
export const load1 = () => loadavg()[0].toFixed(2);

/**
 * whether a peer program runs here: `probe` is [command, ...args], expected
 * to exit 0 (e.g. python3 -c "import torch"); the reason when it does not
 */
export function peerAvailable(probe) {
  const r = spawnSync(probe[0], probe.slice(1), { encoding: 'utf8' });
  if (r.error) return { ok: false, why: `${probe[0]} not found` };
  if (r.status !== 0) return { ok: false, why: (r.stderr || r.stdout).trim().split('\n').pop() };
  return { ok: true };
}

/** the Python that has Debian's python3-torch: /usr/bin/python3 (a pyenv shim may not see it) */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ms with 3 significant digits */
export const fmt = (ms) => (ms < 1 ? ms.toPrecision(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * one process: { status, stdout, stderr, wall (ms), cpu (ms of user + sys,
 * from /usr/bin/time where it exists, else undefined) }. CPU time is what
 * the machine's other work disturbs least; wall time is what a user waits.
 */
export function runTimed(cmd, args, options = {}) {
  const start = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const wall = performance.now() - start;
  let stderr = r.stderr ?? '';
  let cpu;
  if (TIME) {
    const lines = stderr.trimEnd().split('\n');
    const m = /^([\d.]+) ([\d.]+)$/.exec(lines.at(-1) ?? '');
    if (m) {
      cpu = (Number(m[1]) + Number(m[2])) * 1000;
      stderr = lines.slice(0, -1).join('\n');
    }
    // /usr/bin/time says so when the command's status is not 0
    stderr = stderr.replace(/^Command exited with non-zero status \d+\n?/m, '');
  }
  return { status: r.status, stdout: r.stdout ?? '', stderr, wall, cpu };
}
