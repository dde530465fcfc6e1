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
 * survives is reported, so rounding never produces a counterexample; it is
 * then shrunk (shrink.ts) to the smallest failing instance found.
 *
 * A step with `diff` is accepted only when the three derivative oracles
 * (dual numbers, finite differences, the reverse-mode tape; oracles.ts)
 * agree at ORACLE_POINTS of its agreeing points; when they disagree the
 * verdict is inconclusive, naming the odd one out.
 */
import type { Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import type { Counterexample } from '../verdict/result.js';
import {
  CERTIFIED_AGREEMENTS,
  CERTIFY_PRECISIONS,
  CONFIRM_PRECISION,
  DEFAULT_SAMPLES,
  MAX_SAMPLES,
  MAX_CERTIFY_WORK_PER_COMPARE,
  MAX_EXTRA_PASSES,
  MAX_WORK_PER_COMPARE,
  MIN_AGREEING_POINTS,
  ORACLE_POINTS,
  PRECISION,
} from './bounds.js';
import { counterexample } from './counterexample.js';
import { Field } from './field.js';
import type { Meter } from './numbers.js';
import { planInstances } from './instance.js';
import { FINITE, FORWARD, TAPE, checkOracles, hasDiff } from './oracles.js';
import { type InstanceContext, type Outcome, confirmedOutcome, environment, instanceContext } from './point-check.js';
import { evaluate } from './evaluate.js';
import { Undefined } from './undefined.js';
import { type Point, pointsOf } from './points.js';
import { type Prepared, prepare } from './prepare.js';
import { Prng, mixSeed } from './prng.js';
import { constantNeighbours } from './sampling.js';
import { stepConstants } from './constants.js';
import { shrinkFailure } from './shrink.js';

export interface NumericOptions {
  readonly seed: number;
  /** random points per instance (default DEFAULT_SAMPLES = 12) */
  readonly samples?: number;
  /** a performance.now() time (ms), checked before each point: past it the verdict is inconclusive with bound STEP_TIMEOUT */
  readonly deadline?: number;
  /**
   * the core's exact finding that lhs - rhs is nonzero at every point where
   * both sides are defined (a constant or one sign; a sentence naming it):
   * then the first point where both sides are defined is a counterexample,
   * however small the difference looks there
   */
  readonly differsWhereDefined?: string;
  /**
   * a re-check of a step the core proved (defence in depth): one pass of
   * points, no minimum number of agreeing points, no derivative oracles;
   * only a confirmed difference matters
   */
  readonly recheck?: boolean;
  /** the only unit counts to build instances with (where the core knows the sides differ), instead of UNIT_COUNTS */
  readonly unitCounts?: readonly number[];
}

export type NumericVerdict =
  | {
      readonly kind: 'agree';
      readonly points: number;
      readonly skipped: number;
      /** points that neither the 50-digit look nor the enclosures could settle: counted, never evidence */
      readonly unsettled: number;
      readonly seed: number;
      readonly instances: string;
      /** for a step with diff: what the derivative oracles compared */
      readonly oracles?: string;
    }
  | { readonly kind: 'disagree'; readonly counterexample: Counterexample }
  | {
      readonly kind: 'inconclusive';
      readonly reason: string;
      readonly points: number;
      readonly skipped: number;
      readonly unsettled: number;
      readonly seed: number;
      /** the limit that ended the check, when one did: `STEP_TIMEOUT` (the deadline) or `MAX_WORK_PER_COMPARE` */
      readonly bound?: string;
    };

/** a point that agreed, kept for the derivative oracles */
interface Agreeing {
  readonly ctx: InstanceContext;
  readonly point: Point;
}

/** Compare lhs and rhs numerically at seeded random and special points of the declared domains. */
export function numericCompare(lhs: Expr, rhs: Expr, scope: Scope, options: NumericOptions): NumericVerdict {
  const seed = options.seed;
  const samples =
    options.samples !== undefined && Number.isInteger(options.samples) && options.samples >= 1
      ? options.samples
      : DEFAULT_SAMPLES;
  const meter: Meter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const field = new Field(PRECISION, meter);
  const confirm = new Field(CONFIRM_PRECISION, meter);
  // certification's work on a meter of its own: its cost is in digits, not in points
  const certifyMeter: Meter = { used: 0, limit: MAX_CERTIFY_WORK_PER_COMPARE };
  let points = 0;
  let skipped = 0;
  let unsettled = 0;
  // the first random points that agree at 50 digits are certified too (CERTIFIED_AGREEMENTS)
  let certifiedAgreements = 0;
  const inconclusive = (reason: string, bound?: string): NumericVerdict => ({
    kind: 'inconclusive',
    reason,
    points,
    skipped,
    unsettled,
    seed,
    ...(bound ? { bound } : {}),
  });
  // refused, not clamped: the caller asked for more evidence than it would get, so it must hear which bound
  if (samples > MAX_SAMPLES)
    return inconclusive(
      `${samples} random points per instance were asked for, more than MAX_SAMPLES = ${MAX_SAMPLES}`,
      'MAX_SAMPLES',
    );
  const outOfBudget = (): NumericVerdict =>
    inconclusive(
      `the evaluation budget (MAX_WORK_PER_COMPARE = ${MAX_WORK_PER_COMPARE} work units) ran out after ${points} agreeing and ${skipped} skipped points`,
      'MAX_WORK_PER_COMPARE',
    );
  const late = (): boolean => options.deadline !== undefined && performance.now() > options.deadline;
  const outOfTime = (): NumericVerdict =>
    inconclusive(
      `the step's time limit ran out after ${points} agreeing and ${skipped} skipped points`,
      'STEP_TIMEOUT',
    );

  const prepared = prepare(lhs, rhs, scope);
  if ('problem' in prepared) return inconclusive(`cannot evaluate: ${prepared.problem}`);
  const plan = planInstances(prepared, seed, options.unitCounts);
  if ('problem' in plan) return inconclusive(`cannot build an instance: ${plan.problem}`);
  const withDiff = hasDiff(prepared.lhs) || hasDiff(prepared.rhs);
  const near = constantNeighbours(stepConstants([prepared.lhs, prepared.rhs]));

  // the instances' atoms and opaque models, built on first use and reused by later passes
  const contexts: (InstanceContext | undefined)[] = [];
  // per instance, up to ORACLE_POINTS agreeing points (random ones preferred), for the oracles
  const agreeing: Agreeing[][] = [];
  for (let pass = 0; pass <= MAX_EXTRA_PASSES; pass++) {
    // later passes only run while too few points were in both domains, with fresh random points
    if (pass > 0 && (points >= MIN_AGREEING_POINTS || options.recheck)) break;
    for (const [k, inst] of plan.instances.entries()) {
      // a re-check of a proof: the smallest instance only (a wrong proof is wrong almost everywhere), the cheapest
      if (options.recheck && k !== 0) continue;
      let ctx = contexts[k];
      if (!ctx) {
        ctx = instanceContext(prepared, inst, scope, meter, new Prng(mixSeed(seed, 0x51, k)));
        contexts[k] = ctx;
      }
      if (meter.used > meter.limit) return outOfBudget();
      const rng = pass === 0 ? ctx.rng : new Prng(mixSeed(seed, 0x52, pass, k));
      let taken = 0;
      for (const point of pointsOf(ctx.sampled, rng, samples, pass === 0 && !options.recheck, near, ctx.adjust)) {
        if (options.recheck && taken++ >= samples) break;
        if (late()) return outOfTime();
        const certifyAgreement = point.how === 'random point' && certifiedAgreements < CERTIFIED_AGREEMENTS;
        const { outcome, accessed } = confirmedOutcome(
          prepared,
          inst,
          point,
          ctx.models,
          scope,
          field,
          options.deadline,
          certifyMeter,
          certifyAgreement,
        );
        if (certifyAgreement && outcome.kind !== 'skip') certifiedAgreements++;
        if (outcome.kind === 'budget') return outOfBudget();
        if (outcome.kind === 'skip') skipped++;
        else if (outcome.kind === 'unsettled') unsettled++;
        else if (outcome.kind === 'agree') {
          if (options.differsWhereDefined !== undefined) {
            const verdict = definedPointFailure(prepared, ctx, point, scope, seed, options.differsWhereDefined);
            if (verdict) return verdict;
            skipped++;
            continue;
          }
          points++;
          if (withDiff) {
            agreeing[k] ??= [];
            keep(agreeing[k], { ctx, point });
          }
        } else
          return failed(prepared, scope, seed, withDiff, ctx, point, outcome, accessed, inconclusive, options.deadline);
      }
    }
  }
  if (options.recheck) return { kind: 'agree', points, skipped, unsettled, seed, instances: plan.description };
  if (points < MIN_AGREEING_POINTS) {
    return inconclusive(
      `only ${points} of ${points + skipped + unsettled} points were in both sides' domains and agreed (at least ${MIN_AGREEING_POINTS} are needed)${unsettled > 0 ? `; ${unsettled} could not be settled even with enclosures at ${CERTIFY_PRECISIONS.at(-1)} digits` : ''}`,
    );
  }
  const agree = { kind: 'agree' as const, points, skipped, unsettled, seed, instances: plan.description };
  if (!withDiff) return agree;

  const oracles = oracleVerdict(prepared, scope, agreeing, field, confirm, late);
  if (oracles === 'late') return outOfTime();
  if (oracles === 'budget') return outOfBudget();
  if (oracles.problem) return inconclusive(oracles.problem);
  return { ...agree, oracles: oracles.text };
}

/** keeps up to ORACLE_POINTS points of an instance, random points displacing special ones */
function keep(kept: Agreeing[], a: Agreeing): void {
  const special = kept.findIndex((k) => k.point.how !== 'random point');
  if (kept.length < ORACLE_POINTS) kept.push(a);
  else if (a.point.how === 'random point' && special >= 0) kept[special] = a;
}

/** ORACLE_POINTS of the kept points: one per instance spread over them (the largest network first), then more from the same instances */
function oraclePoints(agreeing: readonly (Agreeing[] | undefined)[]): Agreeing[] {
  const lists = agreeing.filter((l): l is Agreeing[] => l !== undefined && l.length > 0);
  const chosen = spread(lists, ORACLE_POINTS).map((l) => l[0]!);
  for (const l of [...lists].reverse()) {
    for (const a of l.slice(1)) if (chosen.length < ORACLE_POINTS) chosen.push(a);
  }
  return chosen;
}

/** up to k of xs, the last (largest network) first, then the first, then evenly between */
function spread<T>(xs: readonly T[], k: number): T[] {
  if (xs.length <= k) return [...xs].reverse();
  const out: T[] = [];
  for (let t = 0; t < k; t++) {
    const x = xs[Math.round((xs.length - 1) * (1 - t / (k - 1)))]!;
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** the verdict of a confirmed difference: shrunk, its derivatives cross-checked, as a counterexample */
function failed(
  prepared: Prepared,
  scope: Scope,
  seed: number,
  withDiff: boolean,
  ctx: InstanceContext,
  point: Point,
  outcome: Extract<Outcome, { kind: 'differ' }>,
  accessed: ReadonlySet<string>,
  inconclusive: (reason: string) => NumericVerdict,
  deadline: number | undefined,
): NumericVerdict {
  const found = { inst: ctx.inst, point, atoms: ctx.atoms, models: ctx.models, outcome, accessed };
  let best = shrinkFailure(prepared, scope, found, deadline);
  // the shrunk point once more, on a fresh meter, so that printing its values cannot run out of budget
  const meter: Meter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const field = new Field(PRECISION, meter);
  const confirm = new Field(CONFIRM_PRECISION, meter);
  const again = confirmedOutcome(prepared, best.inst, best.point, best.models, scope, field, deadline);
  if (again.outcome.kind === 'differ') best = { ...best, outcome: again.outcome, accessed: again.accessed };
  else best = { ...found, note: '' };
  let how = best.point.how;
  if (best.inst.pattern) how += `; ${best.inst.pattern}`;
  if (best.note) how += `; shrunk (${best.note})`;
  if (withDiff) {
    const check = checkOracles(
      [prepared.lhs, prepared.rhs],
      (f) => environment(prepared, best.inst, best.point, best.models, scope, f),
      field,
      confirm,
    );
    if (check.kind === 'disagree') return inconclusive(`the sides differ, but ${check.reason}`);
    if (check.kind === 'agree' && check.sites > 0) {
      const others = [check.fd > 0 ? FINITE : '', check.tape > 0 ? TAPE : ''].filter((x) => x).join(' and ');
      how += `; derivatives by ${FORWARD}${others ? `, confirmed by ${others}` : ''}`;
    }
  }
  return {
    kind: 'disagree',
    counterexample: counterexample(
      best.outcome,
      best.inst,
      best.point,
      best.atoms,
      best.models,
      best.accessed,
      seed,
      how,
    ),
  };
}

/**
 * The counterexample when the core found lhs - rhs nonzero wherever both
 * sides are defined: a point where both are defined (at CONFIRM_PRECISION),
 * with both values and the core's finding; not shrunk, since any such point
 * will do. Undefined at the higher precision after all: keep looking (the
 * caller treats `undefined` as "no verdict from this point").
 */
function definedPointFailure(
  prepared: Prepared,
  ctx: InstanceContext,
  point: Point,
  scope: Scope,
  seed: number,
  finding: string,
): NumericVerdict | undefined {
  const meter: Meter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const field = new Field(CONFIRM_PRECISION, meter);
  const accessed = new Set<string>();
  const env = environment(prepared, ctx.inst, point, ctx.models, scope, field, accessed);
  const lhs = env instanceof Undefined ? env : evaluate(prepared.lhs, env);
  const rhs = env instanceof Undefined ? env : evaluate(prepared.rhs, env);
  if (env instanceof Undefined || lhs instanceof Undefined || rhs instanceof Undefined) return undefined;
  let how = `${point.how}; both sides are defined here, and ${finding}`;
  if (ctx.inst.pattern) how += `; ${ctx.inst.pattern}`;
  return {
    kind: 'disagree',
    counterexample: counterexample(
      { kind: 'differ', lhs, rhs, env, certifiedAt: CONFIRM_PRECISION },
      ctx.inst,
      point,
      ctx.atoms,
      ctx.models,
      accessed,
      seed,
      how,
    ),
  };
}

/** the derivative oracles at up to ORACLE_POINTS agreeing points: a sentence of what agreed, or the problem */
function oracleVerdict(
  prepared: Prepared,
  scope: Scope,
  agreeing: readonly (Agreeing[] | undefined)[],
  field: Field,
  confirm: Field,
  late: () => boolean,
): 'late' | 'budget' | { readonly problem?: string; readonly text: string } {
  let sites = 0,
    fd = 0,
    tape = 0;
  const chosen = oraclePoints(agreeing);
  for (const { ctx, point } of chosen) {
    if (late()) return 'late';
    const check = checkOracles(
      [prepared.lhs, prepared.rhs],
      (f) => environment(prepared, ctx.inst, point, ctx.models, scope, f),
      field,
      confirm,
    );
    if (check.kind === 'budget') return 'budget';
    if (check.kind === 'disagree') {
      const where = [ctx.inst.n !== undefined ? `n = ${ctx.inst.n}` : '', ctx.inst.pattern].filter((x) => x).join(', ');
      return { problem: `${check.reason}${where ? ` (${where})` : ''}`, text: '' };
    }
    sites += check.sites;
    fd += check.fd;
    tape += check.tape;
  }
  // accepting a derivative needs a second opinion at least once
  if (fd === 0)
    return {
      problem: `the finite-difference oracle could not be evaluated at any of the ${sites} derivative sites checked`,
      text: '',
    };
  return {
    text: `the derivative agrees by ${FORWARD}, ${FINITE} (${fd} of ${sites} sites) and ${TAPE} (${tape} of ${sites}) at ${chosen.length} points`,
  };
}
