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

/** bash's `times` reports the children's CPU time to the millisecond; /usr/bin/time only to 10 ms */
const BASH = existsSync('/bin/bash') ? '/bin/bash' : undefined;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** seconds of a `times` field such as 1m2.345s */
const timesSeconds = (field) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(field);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

/**
 * one process: { status, stdout, stderr, wall (ms), cpu (ms of user + sys,
 * from bash's `times` (1 ms) or else /usr/bin/time (10 ms) where one exists,
 * else undefined) }. CPU time is what the machine's other work disturbs
 * least; wall time is what a user waits.
 */
export function runTimed(cmd, args, options = {}) {
  const opts = { encoding: 'utf8', maxBuffer: 1 << 30, ...options };
  const start = performance.now();
  const r = BASH
    ? spawnSync(BASH, ['-c', '"$@"; s=$?; times >&2; exit $s', 'bash', cmd, ...args], opts)
    : TIME
      ? spawnSync(TIME, ['-f', '%U %S', cmd, ...args], opts)
      : spawnSync(cmd, args, opts);
  const wall = performance.now() - start;
  let stderr = r.stderr ?? '';
  let cpu;
  const lines = stderr.trimEnd().split('\n');
  if (BASH) {
    // the last line of `times`: the children's user and system time
    const [user, sys] = (lines.at(-1) ?? '').split(' ').map(timesSeconds);
    if (lines.length >= 2 && Number.isFinite(user) && Number.isFinite(sys)) {
      cpu = (user + sys) * 1000;
      stderr = lines.slice(0, -2).join('\n');
    }
  } else if (TIME) {
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
