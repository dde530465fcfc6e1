// The gradient of a sigmoid belief net's log joint
//   L(w) = sum_m s_m log sigma(a_m) + (1 - s_m) log(1 - sigma(a_m)),  a_m = sum_k w_mk s_k,
// with respect to every weight, on a dense random DAG of n units (w_mk != 0
// exactly when k precedes m in a random order), in one process:
//   tape: the expression compiled once (src/numeric/tape-compile.ts) into a
//         reverse-mode tape of typed arrays, then timed forward + backward;
//   loop: a hand-written Float64Array loop of the analytic gradient
//         dL/dw_ij = s_j (s_i - sigma(a_i)) (and the value L).
// Prints the median time of each, their ratio, and the largest difference
// between the two gradients (they must agree: a benchmark of a wrong tape
// is worthless). Runs on the built dist/ (npm run bench builds first).
import { performance } from 'node:perf_hooks';
import * as ir from '../dist/ir/expr.js';
import { TapeBuilder } from '../dist/numeric/tape-builder.js';
import { compileExpr } from '../dist/numeric/tape-compile.js';
import { DenseInputs } from '../dist/numeric/dense-inputs.js';
import { Prng } from '../dist/numeric/prng.js';

/** the sizes */
const SIZES = [10, 100, 1000, 3000];
/** why ~0.3 s per measurement: enough repetitions that a median is stable, few enough that n = 3000 stays quick */
const TARGET_MS = 300;
/** why 100 ms: V8 optimizes a hot function after some thousands of calls; both sides must be measured optimized */
const WARMUP_MS = 100;
/** why 5 at least: a median of fewer is one unlucky garbage collection away from noise */
const MIN_REPEATS = 5;

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
 * median milliseconds of one call of fn: warmed up first (so both sides run
 * optimized code), then timed in batches of calls long enough (>= 1 ms) that
 * the timer's resolution does not matter for small n
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
  const ms = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let c = 0; c < batch; c++) fn();
    ms.push((performance.now() - t0) / batch);
  }
  ms.sort((x, y) => x - y);
  return ms[Math.floor(ms.length / 2)];
}

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
  const loopMs = time(() => loop(n, W, S, grad));
  const tapeMs = time(() => {
    tape.forward();
    tape.backward(out);
  });

  // the two must agree, value and every partial
  const value = loop(n, W, S, grad);
  let worst = Math.abs(tape.val[out] - value) / Math.max(1, Math.abs(value));
  for (let q = 0; q < n * n; q++) worst = Math.max(worst, Math.abs(tape.adj[wBase + q] - grad[q]));
  if (!(worst < 1e-9)) throw new Error(`n = ${n}: the tape and the loop disagree by ${worst}`);
  rows.push({ n, nodes: tape.size, compileMs, tapeMs, loopMs, worst });
}

const fmt = (ms) => (ms < 1 ? ms.toPrecision(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
console.log(
  'SBN log-joint gradient, dense random DAG: reverse-mode tape (forward + backward) vs hand-written Float64Array loop',
);
console.log('    n   tape nodes  compile ms   tape ms   loop ms  tape/loop  max |diff|');
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(5)}  ${String(r.nodes).padStart(11)}  ${fmt(r.compileMs).padStart(10)}  ${fmt(r.tapeMs).padStart(8)}  ${fmt(r.loopMs).padStart(8)}  ${(r.tapeMs / r.loopMs).toFixed(2).padStart(9)}  ${r.worst.toExponential(1).padStart(10)}`,
  );
}
