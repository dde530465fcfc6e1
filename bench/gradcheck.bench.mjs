// `verify gradcheck` of two hidden tanh layers (the first layer's gradient,
// backpropagated through both: bench/two-hidden-layer-first-weights.yaml)
// at 50, 100, 150 and 300 units, as whole processes (bin/verify.js, the built
// dist/), with the default networks (every weight family of
// src/numeric/network.ts, five networks per run, every partial of each
// compared). The baseline, measured in the same run: one hidden layer
// (derivations/two-layer-backprop.yaml) at 200 units. A run that does not
// end `ok` fails the benchmark. Prints the median wall time of RUNS runs
// and, per run, the tape and closed-form times gradcheck reports.
import { fileURLToPath } from 'node:url';
import { load1, median, runTimed } from './machine.mjs';

/** why 3: each run is a second or two; the median of three damps one slow run */
const RUNS = 3;

const root = fileURLToPath(new URL('..', import.meta.url));
const twoHidden = 'bench/two-hidden-layer-first-weights.yaml';
const oneHidden = 'derivations/two-layer-backprop.yaml';

/** one run: wall ms, and the partials and networks it reports */
function once(file, units) {
  const r = runTimed(process.execPath, ['bin/verify.js', 'gradcheck', file, '--units', String(units)], { cwd: root });
  const ms = r.wall;
  if (r.status !== 0 || !/^ok: /m.test(r.stdout))
    throw new Error(`gradcheck ${file} --units ${units} exited ${r.status}: ${(r.stdout + r.stderr).slice(-2000)}`);
  const tried = /^ok: (\d+ networks .*?), (\d+) partials/m.exec(r.stdout);
  const sweeps = [
    ...r.stdout.matchAll(
      /forward \+ backward ([\d.]+) ms(?:, error bounds of the disagreements ([\d.]+) ms)?\); closed form at \d+ elements in ([\d.]+) ms/g,
    ),
  ];
  const sum = (k) => sweeps.reduce((acc, m) => acc + Number(m[k] ?? 0), 0);
  return { ms, cpu: r.cpu, partials: Number(tried?.[2]), sweeps: sum(1), bounds: sum(2), closedForm: sum(3) };
}

const cases = [
  { label: 'one hidden layer (baseline)', file: oneHidden, units: 200 },
  ...[50, 100, 150, 300].map((units) => ({ label: 'two hidden layers', file: twoHidden, units })),
];
const results = cases.map(() => []);
for (let r = 0; r < RUNS; r++) cases.forEach((c, k) => results[k].push(once(c.file, c.units)));
console.log(
  `verify gradcheck, whole processes, median of ${RUNS} interleaved runs; 5 networks per run (load ${load1()})`,
);
console.log(
  '  network                       units  partials   wall ms    CPU ms   (tape sweeps, error bounds, closed form: ms, summed over the networks)',
);
const base = median(results[0].map((x) => x.ms));
cases.forEach((c, k) => {
  const ms = median(results[k].map((x) => x.ms));
  const mid = results[k].find((x) => x.ms === ms);
  console.log(
    `  ${c.label.padEnd(28)} ${String(c.units).padStart(5)}  ${String(mid.partials).padStart(8)}  ${ms.toFixed(0).padStart(8)}  ${(mid.cpu === undefined ? 'n/a' : mid.cpu.toFixed(0)).padStart(8)}   (${mid.sweeps.toFixed(0)}, ${mid.bounds.toFixed(0)}, ${mid.closedForm.toFixed(0)})${k > 0 ? `   ${(ms / base).toFixed(2)}x the baseline` : ''}`,
  );
});
