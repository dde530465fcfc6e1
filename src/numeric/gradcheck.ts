/**
 * gradcheck: a derived closed form for d OBJ / d w[i,j] against reverse-mode
 * autodiff of OBJ itself, on random networks of a size the user gives.
 *
 * OBJ is compiled once into a tape over a dense layout of every array
 * element (the weights w active, everything else fixed data). Networks of
 * every family of network.ts are tried (a DAG, dense with a nonzero
 * diagonal, symmetric pairs; weights at several scales): per network one
 * forward and ONE backward sweep give every partial d OBJ / d w[a,b], and
 * the closed form is evaluated in float64 at every assignment of w's
 * indices and compared with the partial of that element; where they
 * disagree, error bounds on both (one more sweep of the tape, a bounded
 * program) say whether the difference is real (gradcheck-compare.ts).
 * Everything costs O(tape + edges) per network. The worst element, what
 * float64 could not settle, and the times are reported.
 */
import type { Elem, Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { type GradcheckNetwork, type GradcheckResult, type GradcheckWorst, familyText } from '../verdict/gradcheck.js';
import { GRADCHECK_TOLERANCE } from './bounds.js';
import { type ErrorBounds, compareNetwork } from './gradcheck-compare.js';
import { type GradcheckPlan, planGradcheck } from './gradcheck-usage.js';
import { WEIGHT_FAMILIES, type WeightFamily, isWeightArray, randomNetwork } from './network.js';
import { Prng, mixSeed } from './prng.js';
import type { Tape } from './tape.js';
import { adjointErrors } from './tape-adjoints.js';
import { TapeBuilder } from './tape-builder.js';
import { compileExpr } from './tape-compile.js';
import { forwardErrors } from './tape-error.js';

/** why 2 s: a check that ends sooner needs no reassurance; one that runs longer says where it is */
const PROGRESS_AFTER_MS = 2000;
/** why 1 s: often enough to show it moves, rarely enough not to flood a log */
const PROGRESS_EVERY_MS = 1000;

export interface GradcheckInput {
  /** OBJ, the expression differentiated */
  readonly objective: Expr;
  /** the element differentiated by, with distinct index variables (`w[i,j]`) */
  readonly wrt: Elem;
  /** the claimed d OBJ / d wrt, with free indices among wrt's */
  readonly closedForm: Expr;
  readonly scope: Scope;
  readonly units: number;
  readonly seed: number;
  /** rounds: each tries one network of every family of WEIGHT_FAMILIES */
  readonly instances: number;
  /** receives a progress line at most once a second once the check has run progressAfterMs */
  readonly progress?: (line: string) => void;
  /** default PROGRESS_AFTER_MS */
  readonly progressAfterMs?: number;
}

/** Checks closedForm = d objective / d wrt at every element of wrt, on `instances` rounds of random networks of `units` units. */
export function gradcheck(input: GradcheckInput): GradcheckResult {
  const plan = planGradcheck(input);
  if ('problem' in plan) return { kind: 'problem', message: plan.problem };
  const n = input.units;
  // compile once: the tape's shape does not depend on the values
  const t0 = performance.now();
  const { inputs } = plan;
  const active = new Uint8Array(inputs.count);
  const wBase = inputs.base(input.wrt.name);
  const partials = n ** input.wrt.indices.length;
  active.fill(1, wBase, wBase + partials);
  const builder = new TapeBuilder(inputs.count, active);
  const out = compileExpr(plan.objective, builder, { n, units: new Map() }, inputs);
  const tape = builder.build();
  const compileMs = performance.now() - t0;

  const total = input.instances * WEIGHT_FAMILIES.length;
  const say = progressLine(input, t0, total, partials);
  const networks: GradcheckNetwork[] = [];
  for (let t = 0; t < total; t++) {
    const family = WEIGHT_FAMILIES[t % WEIGHT_FAMILIES.length]!;
    const seed = mixSeed(input.seed, 0x9c, t);
    networks.push(runNetwork(plan, input.wrt.name, tape, out, family, seed, (done) => say(t, done)));
  }
  let worst: (GradcheckWorst & { network: number }) | undefined;
  networks.forEach((net, k) => {
    const w = net.comparison.worst;
    if (w && (worst === undefined || w.mixed > worst.mixed)) worst = { ...w, network: k };
  });
  const count = (key: 'agreeing' | 'differing' | 'unsettled') =>
    networks.reduce((acc, net) => acc + net.comparison[key], 0);
  const [agreeing, differing, unsettled] = [count('agreeing'), count('differing'), count('unsettled')];
  return {
    kind: 'report',
    n,
    partials,
    tapeNodes: tape.size,
    compileMs,
    networks,
    families: WEIGHT_FAMILIES.map((f) => ({ shape: f.shape, scaleText: f.scaleText })),
    weightArrays: plan.symbols.filter((x) => isWeightArray(x, input.wrt.name)).map((x) => x.name),
    ...(worst ? { worst } : {}),
    agreeing,
    differing,
    unsettled,
    tolerance: GRADCHECK_TOLERANCE,
    verdict: differing > 0 ? 'failed' : agreeing > 0 ? 'ok' : 'undecided',
  };
}

/** one network: values drawn, both sweeps, the error bounds, the comparison at every element */
function runNetwork(
  plan: GradcheckPlan,
  wrt: string,
  tape: Tape,
  out: number,
  family: WeightFamily,
  seed: number,
  tick: (done: number) => void,
): GradcheckNetwork {
  const { inputs } = plan;
  const values = randomNetwork(inputs, plan.symbols, wrt, family, new Prng(seed));
  tape.val.set(values);
  const t1 = performance.now();
  tape.forward();
  tape.backward(out);
  const t2 = performance.now();
  let boundsMs: number | undefined;
  let bounds: ErrorBounds | undefined;
  const comparison = compareNetwork(
    plan.closedForm,
    plan.wrtNames,
    inputs,
    values,
    (units) => tape.adj[inputs.element(wrt, units)]!,
    () => {
      if (bounds) return bounds;
      // only for a network where some element disagrees: a forward and a backward sweep of error bounds
      const t = performance.now();
      const errors = forwardErrors(tape, out);
      const sweep = adjointErrors(tape, out, errors);
      boundsMs = performance.now() - t;
      bounds = {
        adjointError: (units) => sweep.error[inputs.element(wrt, units)]!,
        objectiveBounded: Number.isFinite(errors[out]!),
      };
      return bounds;
    },
    tick,
  );
  const t3 = performance.now();
  return {
    family,
    seed,
    value: tape.val[out]!,
    sweepMs: t2 - t1,
    ...(boundsMs !== undefined ? { boundsMs } : {}),
    closedFormMs: t3 - t2 - (boundsMs ?? 0),
    comparison,
  };
}

/** the progress reporter: silent until progressAfterMs, then a line at most every PROGRESS_EVERY_MS */
function progressLine(
  input: GradcheckInput,
  start: number,
  networks: number,
  partials: number,
): (network: number, done: number) => void {
  const write = input.progress;
  if (!write) return () => {};
  const after = input.progressAfterMs ?? PROGRESS_AFTER_MS;
  let last = -Infinity;
  return (network, done) => {
    const now = performance.now();
    if (now - start < after || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const family = familyText(WEIGHT_FAMILIES[network % WEIGHT_FAMILIES.length]!);
    write(
      `gradcheck: network ${network + 1} of ${networks} (${family}): closed form at ${done} of ${partials} elements, ${((now - start) / 1000).toFixed(1)} s`,
    );
  };
}
