/**
 * The numeric cross-check: are two expressions equal on the declared domains?
 * Evidence from seeded points of several instances, evaluated at 50 digits,
 * never a proof. It is independent of the symbolic core: it imports only the
 * IR and the result types, and differentiates by dual numbers.
 *
 * At each point: both sides undefined -> the point is skipped; one side
 * undefined (a domain condition, not overflow or a singular derivative) ->
 * they differ; both defined ->
 * they agree when |a - b| <= 1e-30 max(1, |a|, |b|). A point that looks like a
 * difference is re-evaluated at 100 digits, and only a difference that
 * survives is reported, so rounding never produces a counterexample.
 */
import { sym, type Expr, type Variable } from '../ir/expr.js';
import type { Rational } from '../ir/rational.js';
import type { Scope } from '../ir/symbols.js';
import type { Counterexample } from '../derivation/result.js';
import { CONFIRM_PRECISION, DEFAULT_SAMPLES, MAX_EXTRA_PASSES, MAX_WORK_PER_COMPARE, MIN_AGREEING_POINTS, PRECISION, RELATIVE_TOLERANCE } from './bounds.js';
import { Field, type Meter, type Num, type Val, Dual, Undefined } from './field.js';
import { evaluate, type EvalEnv } from './evaluate.js';
import { elementKey, instantiateIndex } from './atom-key.js';
import { type Atom, type Instance, collectAtoms, planInstances } from './instance.js';
import { type OpaqueModel, buildOpaqueModel } from './opaque.js';
import { type Point, pointsOf } from './points.js';
import { type Prepared, prepare } from './prepare.js';
import { Prng, mixSeed } from './prng.js';
import { rationalText } from './sampling.js';

export interface NumericOptions {
  readonly seed: number;
  /** random points per instance (default DEFAULT_SAMPLES = 12) */
  readonly samples?: number;
}

export type NumericVerdict =
  | { readonly kind: 'agree'; readonly points: number; readonly skipped: number; readonly seed: number; readonly instances: string }
  | { readonly kind: 'disagree'; readonly counterexample: Counterexample }
  | { readonly kind: 'inconclusive'; readonly reason: string; readonly points: number; readonly skipped: number; readonly seed: number };

/** Compare lhs and rhs numerically at seeded random and special points of the declared domains. */
export function numericCompare(lhs: Expr, rhs: Expr, scope: Scope, options: NumericOptions): NumericVerdict {
  const seed = options.seed;
  const samples = options.samples !== undefined && Number.isInteger(options.samples) && options.samples >= 1 ? options.samples : DEFAULT_SAMPLES;
  const meter: Meter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const field = new Field(PRECISION, meter);
  const confirm = new Field(CONFIRM_PRECISION, meter);
  let points = 0;
  let skipped = 0;
  const inconclusive = (reason: string): NumericVerdict => ({ kind: 'inconclusive', reason, points, skipped, seed });
  const outOfBudget = (): NumericVerdict =>
    inconclusive(`the evaluation budget (MAX_WORK_PER_COMPARE = ${MAX_WORK_PER_COMPARE} work units) ran out after ${points} agreeing and ${skipped} skipped points`);

  const prepared = prepare(lhs, rhs, scope);
  if ('problem' in prepared) return inconclusive(`cannot evaluate: ${prepared.problem}`);
  const plan = planInstances(prepared, seed);
  if ('problem' in plan) return inconclusive(`cannot build an instance: ${plan.problem}`);

  // the instances' atoms and opaque models, built on first use and reused by later passes
  const contexts: (InstanceContext | undefined)[] = [];
  for (let pass = 0; pass <= MAX_EXTRA_PASSES; pass++) {
    // later passes only run while too few points were in both domains, with fresh random points
    if (pass > 0 && points >= MIN_AGREEING_POINTS) break;
    for (const [k, inst] of plan.instances.entries()) {
      let ctx = contexts[k];
      if (!ctx) {
        ctx = instanceContext(prepared, inst, scope, meter, new Prng(mixSeed(seed, 0x51, k)));
        contexts[k] = ctx;
      }
      if (meter.used > meter.limit) return outOfBudget();
      const rng = pass === 0 ? ctx.rng : new Prng(mixSeed(seed, 0x52, pass, k));
      for (const point of pointsOf(ctx.sampled, rng, samples, pass === 0)) {
        const first = checkPoint(prepared, inst, point, ctx.models, scope, field);
        if (first.kind === 'budget') return outOfBudget();
        if (first.kind === 'agree') points++;
        else if (first.kind === 'skip') skipped++;
        else {
          // a difference at 50 digits must survive 100 digits: shrinking differences were rounding
          const accessed = new Set<string>();
          const second = checkPoint(prepared, inst, point, ctx.models, scope, confirm, accessed);
          if (second.kind === 'budget') return outOfBudget();
          if (second.kind === 'agree') points++;
          else if (second.kind === 'skip') skipped++;
          else return { kind: 'disagree', counterexample: counterexample(second, inst, point, ctx.atoms, ctx.models, accessed, seed) };
        }
      }
    }
  }
  if (points < MIN_AGREEING_POINTS) {
    return inconclusive(`only ${points} of ${points + skipped} points were in both sides' domains (at least ${MIN_AGREEING_POINTS} are needed)`);
  }
  return { kind: 'agree', points, skipped, seed, instances: plan.description };
}

interface InstanceContext {
  readonly atoms: readonly Atom[];
  /** the atoms that get sampled values: all but the assumed ones */
  readonly sampled: readonly Atom[];
  readonly models: ReadonlyMap<string, OpaqueModel>;
  /** the instance's random stream, continued by its first pass of points */
  readonly rng: Prng;
}

/** the atoms, sampled atoms and opaque models of an instance */
function instanceContext(prepared: Prepared, inst: Instance, scope: Scope, meter: Meter, rng: Prng): InstanceContext {
  const found = collectAtoms(prepared, inst, scope, meter);
  const fixed = new Set(prepared.assumptions.map((a) => variableKey(a.variable, inst)));
  const models = new Map<string, OpaqueModel>();
  const keys = found.atoms.map((a) => a.key);
  for (const name of found.opaque) {
    const decl = scope.symbols.get(name);
    if (decl?.kind === 'scalar' && !fixed.has(name)) models.set(name, buildOpaqueModel(decl, keys, inst.units, rng));
  }
  return { atoms: found.atoms, sampled: found.atoms.filter((a) => !fixed.has(a.key)), models, rng };
}

type Outcome =
  | { readonly kind: 'agree' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'budget' }
  | { readonly kind: 'differ'; readonly lhs: Val; readonly rhs: Val; readonly env: EvalEnv };

/** the key of an assumed variable in this instance */
function variableKey(v: Variable, inst: Instance): string {
  if (v.kind === 'elem') return elementKey(v.name, v.indices.map((t) => instantiateIndex(t, inst.units)));
  return v.name;
}

/** the environment of a point in a field: sampled values, then assumed values evaluated there */
function environment(prepared: Prepared, inst: Instance, point: Point, models: ReadonlyMap<string, OpaqueModel>, scope: Scope, field: Field, accessed?: Set<string>): EvalEnv | Undefined {
  const values = new Map<string, Num>();
  for (const [key, v] of point.values) values.set(key, field.real(v));
  const env: EvalEnv = { field, scope, n: inst.n, units: inst.units, values, opaque: models, ...(accessed ? { accessed } : {}) };
  for (const a of prepared.assumptions) {
    const v = evaluate(a.value, env);
    if (v instanceof Undefined) return v;
    values.set(variableKey(a.variable, inst), v);
  }
  return env;
}

/** evaluates both sides at a point and classifies the pair */
function checkPoint(prepared: Prepared, inst: Instance, point: Point, models: ReadonlyMap<string, OpaqueModel>, scope: Scope, field: Field, accessed?: Set<string>): Outcome {
  const env = environment(prepared, inst, point, models, scope, field, accessed);
  if (env instanceof Undefined) return { kind: env.cause === 'budget' ? 'budget' : 'skip' };
  const lhs = evaluate(prepared.lhs, env);
  const rhs = evaluate(prepared.rhs, env);
  const kind = classify(lhs, rhs, field);
  if (kind === 'differ') return { kind, lhs, rhs, env };
  return { kind };
}

/** agree; skip (both undefined, or either overflowed or met a singular derivative); differ (only one undefined, or apart by more than the tolerance) */
function classify(a: Val, b: Val, field: Field): 'agree' | 'skip' | 'budget' | 'differ' {
  if (field.meter.used > field.meter.limit) return 'budget';
  const causes = [a, b].flatMap((v) => (v instanceof Undefined ? [v.cause] : []));
  if (causes.includes('budget')) return 'budget';
  if (causes.length === 2 || causes.includes('overflow') || causes.includes('singular')) return 'skip';
  if (causes.length === 1) return 'differ';
  if (a instanceof Dual || b instanceof Dual || a instanceof Undefined || b instanceof Undefined) throw new Error('a dual number escaped its diff');
  const scale = field.D.max(field.one, a.abs(), b.abs());
  return a.minus(b).abs().lte(scale.times(RELATIVE_TOLERANCE)) ? 'agree' : 'differ';
}

/** `digits` significant digits, or `undefined (reason)` */
function valueText(v: Val, digits = 20): string {
  if (v instanceof Undefined) return `undefined (${v.reason})`;
  if (v instanceof Dual) throw new Error('a dual number escaped its diff');
  return v.isZero() ? '0' : v.toSignificantDigits(digits).toString();
}

/** both values at 20 significant digits, or more when 20 do not show the difference (1 + 1e-20 against 1) */
function pairText(a: Val, b: Val, precision: number): [string, string] {
  let digits = 20;
  while (valueText(a, digits) === valueText(b, digits) && digits + 10 <= precision) digits += 10;
  return [valueText(a, digits), valueText(b, digits)];
}

/** atom keys in display order: scalars by name, then elements by name and units */
function displayOrder(a: string, b: string): number {
  const pa = /^([^[]*)(?:\[(.*)\])?$/.exec(a)!;
  const pb = /^([^[]*)(?:\[(.*)\])?$/.exec(b)!;
  const ea = pa[2] !== undefined ? 1 : 0;
  const eb = pb[2] !== undefined ? 1 : 0;
  if (ea !== eb) return ea - eb;
  if (pa[1] !== pb[1]) return pa[1]! < pb[1]! ? -1 : 1;
  const ua = (pa[2] ?? '').split(',').map(Number);
  const ub = (pb[2] ?? '').split(',').map(Number);
  for (let k = 0; k < Math.min(ua.length, ub.length); k++) if (ua[k] !== ub[k]) return ua[k]! - ub[k]!;
  return ua.length - ub.length;
}

/** the counterexample of a confirmed difference: instance, point, both values */
function counterexample(
  found: Extract<Outcome, { kind: 'differ' }>,
  inst: Instance,
  point: Point,
  atoms: readonly { key: string; direct: boolean }[],
  models: ReadonlyMap<string, OpaqueModel>,
  accessed: Set<string>,
  seed: number,
): Counterexample {
  const values: Record<string, string> = {};
  for (const name of [...inst.units.keys()].sort()) values[name] = String(inst.units.get(name));
  // every atom read at this point, every atom written in the step, and the opaque symbols
  const keys = new Set<string>([...accessed, ...atoms.filter((a) => a.direct).map((a) => a.key), ...models.keys()]);
  for (const key of [...keys].sort(displayOrder)) {
    const exact: Rational | undefined = point.values.get(key);
    if (exact) values[key] = rationalText(exact);
    else {
      const v = found.env.values.get(key) ?? (models.has(key) ? evaluate(sym(key), found.env) : undefined);
      if (v !== undefined) values[key] = valueText(v);
    }
  }
  const [lhs, rhs] = pairText(found.lhs, found.rhs, found.env.field.precision);
  return {
    values,
    lhs,
    rhs,
    ...(inst.n !== undefined ? { units: inst.n } : {}),
    seed,
    how: inst.pattern ? `${point.how}; ${inst.pattern}` : point.how,
  };
}
