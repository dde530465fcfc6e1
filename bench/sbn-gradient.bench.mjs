// The gradient of a sigmoid belief net's log joint
//   L(w) = sum_m s_m log sigma(a_m) + (1 - s_m) log(1 - sigma(a_m)),  a_m = sum_k w_mk s_k,
// with respect to every weight, on a dense random DAG of n units (w_mk != 0
// exactly when k precedes m in a random order), one thread:
//   tape:    the expression compiled once (src/numeric/tape-compile.ts) into a
//            reverse-mode tape of typed arrays, then timed forward + backward;
//   PyTorch: autograd on the same expression, float64, torch.set_num_threads(1)
//            (bench/peers/sbn_torch.py, Debian's python3-torch under
//            /usr/bin/python3; "peer not installed" without it), the peer;
//   loop:    a hand-written Float64Array loop of the analytic gradient
//            dL/dw_ij = s_j (s_i - sigma(a_i)) (and the value L).
// Each is timed in batches after a warm-up: the median wall time of one call,
// and the least CPU time of one call over the batches (which the load of a
// shared machine does not inflate). The tape and PyTorch are measured in
// ROUNDS alternating rounds: the median wall time and the least CPU time are kept. Prints every
// figure and the ratios tape / PyTorch; the tape must agree with the loop
// and PyTorch with the analytic gradient (a benchmark of a wrong gradient is
// worthless). Runs on the built dist/ (npm run bench builds first).
import { performance } from 'node:perf_hooks';
import * as ir from '../dist/ir/expr.js';
import { TapeBuilder } from '../dist/numeric/tape-builder.js';
import { compileExpr } from '../dist/numeric/tape-compile.js';
import { DenseInputs } from '../dist/numeric/dense-inputs.js';
import { Prng } from '../dist/numeric/prng.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SYSTEM_PYTHON, fmt, load1, median, peerAvailable } from './machine.mjs';

/** the sizes */
const SIZES = [10, 100, 1000, 3000];
/** why ~0.3 s per measurement: enough repetitions that a median is stable, few enough that n = 3000 stays quick */
const TARGET_MS = 300;
/** why 100 ms: V8 optimizes a hot function after some thousands of calls; both sides must be measured optimized */
const WARMUP_MS = 100;
/** why 5 at least: a median of fewer is one unlucky garbage collection away from noise */
const MIN_REPEATS = 5;
/** why 3: tape and PyTorch alternate, so a burst of load on the machine hits both; over the rounds the median wall time and the least CPU time are kept */
const ROUNDS = 3;
/** the sizes PyTorch is measured at (the issue's) */
const PEER_SIZES = [1000, 3000];

const num = (k) => ir.num(k);
const s = (t) => ir.elem('s', [ir.sym(t)]);
const w = (a, b) => ir.elem('w', [ir.sym(a), ir.sym(b)]);
const a = (m) => ir.sum('k', ir.mul([w(m, 'k'), s('k')]));
const sig = (m) => ir.call('sigma', [a(m)]);
const logJoint = ir.sum(
  'm',
  ir.add([
    ir.mul([s('m'), ir.call('log', [sig('m')])]),
    ir.mul([ir.add([num(1), ir.neg(s('m'))]), ir.call('log', [ir.add([num(1), ir.neg(sig('m'))])])]),
  ]),
);

/** a dense random DAG: w[m,k] uniform in +-2/sqrt(n) when k precedes m in a random order, else 0; s random 0/1 */
function network(n, seed) {
  const rng = new Prng(seed);
  const order = rng.shuffle(Array.from({ length: n }, (_, u) => u));
  const rank = new Int32Array(n);
  order.forEach((u, r) => (rank[u] = r));
  const W = new Float64Array(n * n);
  const S = new Float64Array(n);
  const scale = 2 / Math.sqrt(n);
  for (let m = 0; m < n; m++) {
    S[m] = rng.coin() ? 1 : 0;
    for (let k = 0; k < n; k++) if (rank[k] < rank[m]) W[m * n + k] = scale * (2 * (rng.nextU32() / 2 ** 32) - 1);
  }
  return { W, S };
}

/** the hand-written analytic gradient (and value) */
function loop(n, W, S, grad) {
  let value = 0;
  for (let m = 0; m < n; m++) {
    const row = m * n;
    let am = 0;
    for (let k = 0; k < n; k++) am += W[row + k] * S[k];
    const t = Math.exp(-Math.abs(am));
    const p = am >= 0 ? 1 / (1 + t) : t / (1 + t);
    value += S[m] === 1 ? Math.log(p) : Math.log(1 - p);
    const g = S[m] - p;
    for (let k = 0; k < n; k++) grad[row + k] = g * S[k];
  }
  return value;
}

/**
 * { wall: the median milliseconds of one call of fn, cpu: the least CPU
 * milliseconds of one call over the batches }: warmed up first (so every
 * side runs optimized code), then timed in batches of calls long enough
 * (>= 1 ms) that the timer's resolution does not matter for small n
 */
function time(fn) {
  const warm = performance.now();
  let calls = 0;
  while (performance.now() - warm < WARMUP_MS || calls < MIN_REPEATS) {
    fn();
    calls++;
  }
  const once = (performance.now() - warm) / calls;
  const batch = Math.max(1, Math.ceil(1 / once));
  const repeats = Math.max(MIN_REPEATS, Math.min(200, Math.ceil(TARGET_MS / (once * batch))));
  const wall = [];
  const cpu = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let c = 0; c < batch; c++) fn();
    const c1 = process.cpuUsage(c0);
    wall.push((performance.now() - t0) / batch);
    cpu.push((c1.user + c1.system) / 1000 / batch);
  }
  return { wall: median(wall), cpu: Math.min(...cpu) };
}

const torch = peerAvailable([SYSTEM_PYTHON, '-c', 'import torch']);
const script = fileURLToPath(new URL('./peers/sbn_torch.py', import.meta.url));
/** PyTorch's timing at n (one process: its import is not timed) */
function torchTime(n) {
  const r = spawnSync(SYSTEM_PYTHON, [script, String(n)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sbn_torch.py ${n} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop());
  if (!(m.worst < 1e-9)) throw new Error(`n = ${n}: PyTorch's gradient differs from the analytic one by ${m.worst}`);
  return { wall: m.ms, cpu: m.cpu, version: m.torch };
}

/** over the rounds: the median wall time, the least CPU time (what load disturbs least) */
const medianRound = (rounds) => ({
  ...rounds[0],
  wall: median(rounds.map((r) => r.wall)),
  cpu: Math.min(...rounds.map((r) => r.cpu)),
});

const rows = [];
for (const n of SIZES) {
  const { W, S } = network(n, 20240601 + n);
  const t0 = performance.now();
  const inputs = new DenseInputs(
    n,
    [
      { name: 'w', arity: 2 },
      { name: 's', arity: 1 },
    ],
    [],
  );
  const active = new Uint8Array(inputs.count);
  const wBase = inputs.base('w');
  const sBase = inputs.base('s');
  active.fill(1, wBase, wBase + n * n);
  const builder = new TapeBuilder(inputs.count, active);
  const out = compileExpr(logJoint, builder, { n, units: new Map() }, inputs);
  const tape = builder.build();
  const compileMs = performance.now() - t0;
  tape.val.set(W, wBase);
  tape.val.set(S, sBase);

  const grad = new Float64Array(n * n);
  const loopT = time(() => loop(n, W, S, grad));
  const tapeRounds = [];
  const torchRounds = [];
  const peer = torch.ok && PEER_SIZES.includes(n);
  for (let r = 0; r < (peer ? ROUNDS : 1); r++) {
    tapeRounds.push(
      time(() => {
        tape.forward();
        tape.backward(out);
      }),
    );
    if (peer) torchRounds.push(torchTime(n));
  }
  const tapeT = medianRound(tapeRounds);
  const torchT = peer ? medianRound(torchRounds) : undefined;

  // the two must agree, value and every partial
  const value = loop(n, W, S, grad);
  let worst = Math.abs(tape.val[out] - value) / Math.max(1, Math.abs(value));
  for (let q = 0; q < n * n; q++) worst = Math.max(worst, Math.abs(tape.adj[wBase + q] - grad[q]));
  if (!(worst < 1e-9)) throw new Error(`n = ${n}: the tape and the loop disagree by ${worst}`);
  rows.push({ n, nodes: tape.size, compileMs, tape: tapeT, torch: torchT, loop: loopT, worst });
}

const cell = (t) => (t ? `${fmt(t.wall)} (${fmt(t.cpu)})`.padStart(17) : 'n/a'.padStart(17));
console.log(`SBN log-joint gradient, dense random DAG, forward + backward, one thread: ms wall (CPU); load ${load1()}`);
console.log(
  `    n   tape nodes  compile ms               tape            PyTorch               loop  tape/PyTorch wall (CPU)  max |tape - loop|`,
);
for (const r of rows) {
  const ratio = r.torch ? `${(r.tape.wall / r.torch.wall).toFixed(2)} (${(r.tape.cpu / r.torch.cpu).toFixed(2)})` : '';
  console.log(
    `${String(r.n).padStart(5)}  ${String(r.nodes).padStart(11)}  ${fmt(r.compileMs).padStart(10)}  ${cell(r.tape)}  ${cell(r.torch)}  ${cell(r.loop)}  ${ratio.padStart(23)}  ${r.worst.toExponential(1).padStart(17)}`,
  );
}
if (!torch.ok) console.log(`PyTorch: peer not installed (${torch.why}); Debian: apt-get install -y python3-torch`);
else
  console.log(
    `PyTorch ${rows.find((r) => r.torch)?.torch.version} at n = ${PEER_SIZES.join(', ')}, float64, torch.set_num_threads(1); its network is drawn by torch's generator (the same distribution)`,
  );
