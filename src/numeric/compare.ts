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
import {
  CERTIFIED_AGREEMENTS,
  CERTIFY_PRECISIONS,
  CONFIRM_PRECISION,
  DEFAULT_SAMPLES,
  MAX_CERTIFY_WORK_PER_COMPARE,
  MAX_EXTRA_PASSES,
  MAX_WORK_PER_COMPARE,
  MIN_AGREEING_POINTS,
  PRECISION,
} from './bounds.js';
import {
  type Agreeing,
  type NumericVerdict,
  definedPointFailure,
  failed,
  keep,
  oracleVerdict,
} from './compare-verdicts.js';
import { DecimalField } from './field.js';
import type { WorkMeter } from './numbers.js';
import { type Plan, planInstances } from './instance.js';
import { hasDiff } from './oracles.js';
import { type InstanceContext, confirmedOutcome, instanceContext } from './point-check.js';
import { type Point, pointsOf } from './points.js';
import { type Prepared, prepareComparison } from './prepare.js';
import { Prng, mixSeed } from './prng.js';
import { constantNeighbours } from './sampling.js';
import { stepConstants } from './constants.js';
import { type CheckSettings, MAX_SAMPLES } from '../verdict/settings.js';

/**
 * The check's settings (seed; samples: random points per instance, default
 * DEFAULT_SAMPLES = 12) with what the comparison policy learned before it
 * asks (derivation/compare.ts)
 */
export interface NumericOptions extends Pick<CheckSettings, 'seed' | 'samples'> {
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

export type { NumericVerdict } from './compare-verdicts.js';

/** Compare lhs and rhs numerically at seeded random and special points of the declared domains. */
export function numericCompare(lhs: Expr, rhs: Expr, scope: Scope, options: NumericOptions): NumericVerdict {
  const run = new NumericRun(scope, options);
  // refused, not clamped: the caller asked for more evidence than it would get, so it must hear which bound
  if (run.samples > MAX_SAMPLES)
    return run.inconclusive(
      `${run.samples} random points per instance were asked for, more than MAX_SAMPLES = ${MAX_SAMPLES}`,
      'MAX_SAMPLES',
    );
  const prepared = prepareComparison(lhs, rhs, scope);
  if ('problem' in prepared) return run.inconclusive(`cannot evaluate: ${prepared.problem}`);
  const plan = planInstances(prepared, options.seed, options.unitCounts);
  if ('problem' in plan) return run.inconclusive(`cannot build an instance: ${plan.problem}`);
  return run.sample(prepared, plan) ?? run.conclude(prepared, plan);
}

/** the state of one numericCompare: its meters, fields, counts, and the points kept for the oracles */
class NumericRun {
  readonly seed: number;
  readonly samples: number;
  readonly meter: WorkMeter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  readonly field = new DecimalField(PRECISION, this.meter);
  readonly confirm = new DecimalField(CONFIRM_PRECISION, this.meter);
  // certification's work on a meter of its own: its cost is in digits, not in points
  readonly certifyMeter: WorkMeter = { used: 0, limit: MAX_CERTIFY_WORK_PER_COMPARE };
  points = 0;
  skipped = 0;
  unsettled = 0;
  /** unsettled points where one side was maybe undefined and the other defined */
  oneSided = 0;
  // the first random points that agree at 50 digits are certified too (CERTIFIED_AGREEMENTS)
  certifiedAgreements = 0;
  // the instances' atoms and opaque models, built on first use and reused by later passes
  readonly contexts: (InstanceContext | undefined)[] = [];
  // per instance, up to ORACLE_POINTS agreeing points (random ones preferred), for the oracles
  readonly agreeing: Agreeing[][] = [];
  /** a side has a diff: agreeing points are kept for the derivative oracles */
  withDiff = false;

  constructor(
    readonly scope: Scope,
    readonly options: NumericOptions,
  ) {
    this.seed = options.seed;
    const n = options.samples;
    this.samples = n !== undefined && Number.isInteger(n) && n >= 1 ? n : DEFAULT_SAMPLES;
  }

  inconclusive(reason: string, bound?: string): NumericVerdict {
    const { points, skipped, unsettled, seed } = this;
    return { kind: 'inconclusive', reason, points, skipped, unsettled, seed, ...(bound ? { bound } : {}) };
  }

  outOfBudget(): NumericVerdict {
    return this.inconclusive(
      `the evaluation budget (MAX_WORK_PER_COMPARE = ${MAX_WORK_PER_COMPARE} work units) ran out after ${this.points} agreeing and ${this.skipped} skipped points`,
      'MAX_WORK_PER_COMPARE',
    );
  }

  late(): boolean {
    return this.options.deadline !== undefined && performance.now() > this.options.deadline;
  }

  outOfTime(): NumericVerdict {
    return this.inconclusive(
      `the step's time limit ran out after ${this.points} agreeing and ${this.skipped} skipped points`,
      'STEP_TIMEOUT',
    );
  }

  /** the passes over the instances' points: a verdict when one point settles it (a difference, a bound), else undefined */
  sample(prepared: Prepared, plan: Plan): NumericVerdict | undefined {
    const recheck = this.options.recheck === true;
    this.withDiff = hasDiff(prepared.lhs) || hasDiff(prepared.rhs);
    // a re-check tries random points only: the special points near constants are not needed
    const near = recheck ? [] : constantNeighbours(stepConstants([prepared.lhs, prepared.rhs]));
    for (let pass = 0; pass <= MAX_EXTRA_PASSES; pass++) {
      // later passes only run while too few points were in both domains, with fresh random points
      if (pass > 0 && (this.points >= MIN_AGREEING_POINTS || recheck)) break;
      for (const [k, inst] of plan.instances.entries()) {
        // a re-check of a proof: the smallest instance only (a wrong proof is wrong almost everywhere), the cheapest
        if (recheck && k !== 0) continue;
        let ctx = this.contexts[k];
        if (!ctx) {
          ctx = instanceContext(prepared, inst, this.scope, this.meter, new Prng(mixSeed(this.seed, 0x51, k)));
          this.contexts[k] = ctx;
        }
        if (this.meter.used > this.meter.limit) return this.outOfBudget();
        const rng = pass === 0 ? ctx.rng : new Prng(mixSeed(this.seed, 0x52, pass, k));
        let taken = 0;
        for (const point of pointsOf(ctx.sampled, rng, this.samples, pass === 0 && !recheck, near, ctx.adjust)) {
          if (recheck && taken++ >= this.samples) break;
          const verdict = this.atPoint(prepared, k, ctx, point);
          if (verdict) return verdict;
        }
      }
    }
    return undefined;
  }

  /** one point: counted as agreeing, skipped or unsettled (undefined), or the verdict it settles */
  private atPoint(prepared: Prepared, k: number, ctx: InstanceContext, point: Point): NumericVerdict | undefined {
    if (this.late()) return this.outOfTime();
    const { options, scope } = this;
    // a re-check's agreement changes nothing (the step stays proved): only a suspected difference is certified
    const certifyAgreement =
      !options.recheck && point.how === 'random point' && this.certifiedAgreements < CERTIFIED_AGREEMENTS;
    const { outcome, accessed } = confirmedOutcome(
      prepared,
      ctx.inst,
      point,
      ctx.models,
      scope,
      this.field,
      options.deadline,
      this.certifyMeter,
      certifyAgreement,
    );
    if (certifyAgreement && outcome.kind !== 'skip') this.certifiedAgreements++;
    if (outcome.kind === 'budget') return this.outOfBudget();
    if (outcome.kind === 'skip') this.skipped++;
    else if (outcome.kind === 'unsettled') {
      this.unsettled++;
      if (outcome.oneSided) this.oneSided++;
    } else if (outcome.kind === 'agree') {
      if (options.differsWhereDefined !== undefined) {
        const verdict = definedPointFailure(prepared, ctx, point, scope, this.seed, options.differsWhereDefined);
        if (verdict) return verdict;
        this.skipped++;
        return undefined;
      }
      this.points++;
      if (this.withDiff) {
        this.agreeing[k] ??= [];
        keep(this.agreeing[k], { ctx, point });
      }
    } else {
      const inconclusive = (reason: string) => this.inconclusive(reason);
      return failed(
        prepared,
        scope,
        this.seed,
        this.withDiff,
        ctx,
        point,
        outcome,
        accessed,
        inconclusive,
        options.deadline,
      );
    }
    return undefined;
  }

  /** the verdict once the points are in: enough agreeing points, and for a diff, the derivative oracles */
  conclude(prepared: Prepared, plan: Plan): NumericVerdict {
    const { points, skipped, unsettled, seed } = this;
    if (this.options.recheck) return { kind: 'agree', points, skipped, unsettled, seed, instances: plan.description };
    if (points < MIN_AGREEING_POINTS) {
      return this.inconclusive(
        `only ${points} of ${points + skipped + unsettled} points were in both sides' domains and agreed (at least ${MIN_AGREEING_POINTS} are needed)${unsettled > 0 ? `; ${unsettled} could not be settled even with enclosures at ${CERTIFY_PRECISIONS.at(-1)} digits` : ''}`,
      );
    }
    // why: an unsettled point is no agreement; where more points leave one side maybe undefined than agree, the agreeing
    // few may all lie where the sides happen to agree (1/sin(max(y, pi)) = 1/sin(y): 43 points below pi, at the pole
    // sin(pi), against 8 above); unsettled magnitudes (x^(2^32) far from 1) are not such doubts
    if (this.oneSided > points)
      return this.inconclusive(
        `at ${this.oneSided} points one side may be undefined where the other is defined, which enclosures at ${CERTIFY_PRECISIONS.at(-1)} digits could not settle; more than the ${points} that agreed`,
      );
    const agree = { kind: 'agree' as const, points, skipped, unsettled, seed, instances: plan.description };
    if (!this.withDiff) return agree;
    const oracles = oracleVerdict(prepared, this.scope, this.agreeing, this.field, this.confirm, () => this.late());
    if (oracles === 'late') return this.outOfTime();
    if (oracles === 'budget') return this.outOfBudget();
    if (oracles.problem) return this.inconclusive(oracles.problem);
    return { ...agree, oracles: oracles.text };
  }
}
