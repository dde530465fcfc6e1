/**
 * The numeric cross-check's verdicts once a point or the points are in
 * (compare.ts runs the points): a confirmed difference as a shrunk
 * counterexample, a point where both sides are defined when the core found
 * lhs - rhs nonzero wherever both are, and the derivative oracles' verdict
 * at the agreeing points.
 */
import type { Scope } from '../ir/symbols.js';
import type { Counterexample } from '../verdict/result.js';
import { CERTIFY_PRECISIONS, CONFIRM_PRECISION, MAX_WORK_PER_COMPARE, ORACLE_POINTS, PRECISION } from './bounds.js';
import { enclosureEnvironment } from './certify.js';
import { counterexample } from './counterexample.js';
import { EnclosureField } from './enclosure.js';
import { evaluate } from './evaluate.js';
import { DecimalField } from './field.js';
import type { WorkMeter } from './numbers.js';
import { NotDefined } from './undefined.js';
import { FINITE, FORWARD, TAPE, checkOracles } from './oracles.js';
import { type InstanceContext, type Outcome, confirmedOutcome, environment } from './point-check.js';
import type { Point } from './points.js';
import type { Prepared } from './prepare.js';
import { shrinkFailure } from './shrink.js';

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
export interface Agreeing {
  readonly ctx: InstanceContext;
  readonly point: Point;
}

/** keeps up to ORACLE_POINTS points of an instance, random points displacing special ones */
export function keep(kept: Agreeing[], a: Agreeing): void {
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
export function failed(
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
  const meter: WorkMeter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const field = new DecimalField(PRECISION, meter);
  const confirm = new DecimalField(CONFIRM_PRECISION, meter);
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
 * will do. NotDefined at the higher precision after all: keep looking (the
 * caller treats `undefined` as "no verdict from this point").
 */
export function definedPointFailure(
  prepared: Prepared,
  ctx: InstanceContext,
  point: Point,
  scope: Scope,
  seed: number,
  finding: string,
): NumericVerdict | undefined {
  const meter: WorkMeter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const field = new DecimalField(CONFIRM_PRECISION, meter);
  const accessed = new Set<string>();
  const env = environment(prepared, ctx.inst, point, ctx.models, scope, field, accessed);
  const lhs = env instanceof NotDefined ? env : evaluate(prepared.lhs, env);
  const rhs = env instanceof NotDefined ? env : evaluate(prepared.rhs, env);
  if (env instanceof NotDefined || lhs instanceof NotDefined || rhs instanceof NotDefined) return undefined;
  // "both defined" must be certain, not a look at 100 digits (a log of 1e-120 computed as positive)
  if (!certainlyDefined(prepared, ctx, point, scope)) return undefined;
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

/** both sides certainly defined at the point: enclosures at the lowest certifying precision show no undefined value */
function certainlyDefined(prepared: Prepared, ctx: InstanceContext, point: Point, scope: Scope): boolean {
  const field = new EnclosureField(CERTIFY_PRECISIONS[0]!, { used: 0, limit: MAX_WORK_PER_COMPARE });
  const env = enclosureEnvironment(prepared, ctx.inst, point, ctx.models, scope, field);
  if (env instanceof NotDefined) return false;
  return !(evaluate(prepared.lhs, env) instanceof NotDefined) && !(evaluate(prepared.rhs, env) instanceof NotDefined);
}

/** the derivative oracles at up to ORACLE_POINTS agreeing points: a sentence of what agreed, or the problem */
export function oracleVerdict(
  prepared: Prepared,
  scope: Scope,
  agreeing: readonly (Agreeing[] | undefined)[],
  field: DecimalField,
  confirm: DecimalField,
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
