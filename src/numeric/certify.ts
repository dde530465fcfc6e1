/**
 * Certification of one point: both sides evaluated in rigorous enclosures
 * (enclosure.ts) on the precision ladder CERTIFY_PRECISIONS until the
 * enclosures settle the point:
 *
 * - `differ`: one side certainly undefined (a domain condition) and the other
 *   certainly defined, or both defined and the difference certainly beyond
 *   the tolerance: |a - b| > RELATIVE_TOLERANCE max(1, |a|, |b|) for every a,
 *   b in the enclosures (so they separate);
 * - `agree`: both defined and the difference certainly within the tolerance;
 * - `skip`: both sides certainly undefined;
 * - `unsettled`: none of these at the highest precision tried (an interval
 *   straddling a domain boundary, a singular derivative, the work meter).
 *
 * Only `differ` from here makes a counterexample, so a failed verdict rests
 * on bounds, never on rounding.
 */
import { contradictingAssumptions } from './assumed-units.js';
import type { Scope } from '../ir/symbols.js';
import { CERTIFY_PRECISIONS, MAX_CERTIFY_WORK, RELATIVE_TOLERANCE } from './bounds.js';
import { type EnvOf, evaluate } from './evaluate.js';
import { EnclosureField, IDual, type INum, type IValue } from './enclosure.js';
import type { WorkMeter } from './numbers.js';
import { NotDefined } from './undefined.js';
import type { Instance } from './instance.js';
import type { Interval } from './interval.js';
import type { OpaqueModel } from './opaque.js';
import { variableKey } from './atom-key.js';
import type { Point } from './points.js';
import type { Prepared } from './prepare.js';

export type Certified =
  | { readonly kind: 'agree'; readonly precision: number }
  | { readonly kind: 'skip'; readonly precision: number }
  | {
      readonly kind: 'differ';
      readonly precision: number;
      readonly lhs: IValue;
      readonly rhs: IValue;
      /** the arithmetic of the certifying rung */
      readonly field: EnclosureField;
    }
  /** `oneSided`: at the last rung one side was maybe undefined while the other was defined (a pole such as 1/sin(pi)) */
  | { readonly kind: 'unsettled'; readonly reason: string; readonly oneSided?: true };

/** the environment of a point in enclosures: sampled values exact (or rounded outward), assumed values evaluated */
export function enclosureEnvironment(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: EnclosureField,
): EnvOf<INum> | NotDefined {
  const values = new Map<string, INum>();
  for (const [key, v] of point.values) values.set(key, field.real(v));
  const env: EnvOf<INum> = { field, scope, n: inst.n, units: inst.units, values, opaque: models };
  const contradiction = contradictingAssumptions(prepared.assumptions, inst.units, scope.symbols);
  if (contradiction) return contradiction;
  for (const a of prepared.assumptions) {
    const v = evaluate<INum>(a.value, env);
    if (v instanceof NotDefined) return v;
    values.set(variableKey(a.variable, inst.units, scope.symbols), v);
  }
  return env;
}

/** the point settled by enclosures on the precision ladder (`precisions`, for tests) */
export function certifyPoint(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  shared: WorkMeter = { used: 0, limit: MAX_CERTIFY_WORK },
  deadline?: number,
  precisions: readonly number[] = CERTIFY_PRECISIONS,
): Certified {
  // this point's work is counted on the shared meter too, and limited by MAX_CERTIFY_WORK of its own
  const meter: WorkMeter = { used: shared.used, limit: Math.min(shared.limit, shared.used + MAX_CERTIFY_WORK) };
  const settle = (c: Certified): Certified => {
    shared.used = meter.used;
    return c;
  };
  let reason = 'no precision tried';
  let oneSided = false;
  // the digits the last rung's enclosures showed to be needed: rungs below them are skipped
  let needed = 0;
  for (const [rung, precision] of precisions.entries()) {
    if (precision < needed && rung < precisions.length - 1) continue;
    if (meter.used > meter.limit)
      return settle({
        kind: 'unsettled',
        reason: `${reason}; ${meter.limit === shared.limit ? 'MAX_CERTIFY_WORK_PER_COMPARE' : 'MAX_CERTIFY_WORK'} ran out`,
      });
    if (deadline !== undefined && performance.now() > deadline)
      return settle({ kind: 'unsettled', reason: `${reason}; the time limit ran out` });
    const field = new EnclosureField(precision, meter);
    const env = enclosureEnvironment(prepared, inst, point, models, scope, field);
    if (env instanceof NotDefined) {
      if (env.cause === 'domain') return settle({ kind: 'skip', precision });
      reason = `an assumed value: ${env.reason}`;
      if (env.cause !== 'uncertain') return settle({ kind: 'unsettled', reason });
      continue;
    }
    const lhs = evaluate<INum>(prepared.lhs, env);
    const rhs = evaluate<INum>(prepared.rhs, env);
    if (lhs instanceof IDual || rhs instanceof IDual) throw new Error('a dual number escaped its diff');
    const judged = judge(lhs, rhs, field);
    if (judged.kind === 'differ') return settle({ kind: 'differ', precision, lhs, rhs, field });
    if (judged.kind !== 'open') return settle({ kind: judged.kind, precision });
    reason = `at ${precision} digits: ${judged.reason}`;
    oneSided = judged.oneSided === true;
    if (judged.final) return settle({ kind: 'unsettled', reason });
    needed = precision + (judged.missingDigits ?? 0);
  }
  return settle(oneSided ? { kind: 'unsettled', reason, oneSided } : { kind: 'unsettled', reason });
}

type Judged =
  | { readonly kind: 'agree' | 'differ' | 'skip' }
  | {
      readonly kind: 'open';
      readonly reason: string;
      readonly final: boolean;
      readonly missingDigits?: number;
      readonly oneSided?: true;
    };

const sideText = (v: NotDefined): string => `${v.reason} (${v.cause === 'uncertain' ? 'maybe undefined' : v.cause})`;

/** one rung's judgement of two enclosures */
function judge(a: IValue, b: IValue, field: EnclosureField): Judged {
  if (field.meter.used > field.meter.limit) return { kind: 'open', reason: 'MAX_CERTIFY_WORK ran out', final: true };
  const ua = a instanceof NotDefined ? a : undefined;
  const ub = b instanceof NotDefined ? b : undefined;
  const causes = [ua?.cause, ub?.cause];
  if (causes.includes('budget')) return { kind: 'open', reason: 'the evaluation budget ran out', final: true };
  if (causes.includes('singular') || causes.includes('overflow')) {
    const u = ua && ua.cause !== 'uncertain' && ua.cause !== 'domain' ? ua : ub!;
    return { kind: 'open', reason: sideText(u), final: true };
  }
  if (ua?.cause === 'domain' && ub?.cause === 'domain') return { kind: 'skip' };
  if ((ua?.cause === 'domain' && !ub) || (ub?.cause === 'domain' && !ua)) return { kind: 'differ' };
  if (ua && ub) return { kind: 'open', reason: sideText(ua), final: false };
  if (ua || ub) return { kind: 'open', reason: sideText((ua ?? ub)!), final: false, oneSided: true };
  const m = field.m;
  const x = a as Interval;
  const y = b as Interval;
  const d = m.sub(x, y);
  const tol = RELATIVE_TOLERANCE;
  const lowScale = m.Dn.max(1, m.mig(x), m.mig(y));
  const highScale = m.Up.max(1, m.mag(x), m.mag(y));
  if (m.mag(d).lte(m.Dn.mul(tol, lowScale))) return { kind: 'agree' };
  if (m.mig(d).gt(m.Up.mul(tol, highScale))) return { kind: 'differ' };
  // how many more digits would shrink the difference's enclosure below the tolerance (its width is the rounding)
  const width = m.Up.sub(d.hi, d.lo);
  const target = m.Dn.mul(tol, lowScale);
  const missingDigits = width.isZero() ? 0 : Math.max(0, Math.ceil(width.div(target).log(10).toNumber()) + 2);
  return {
    kind: 'open',
    missingDigits,
    reason: `the difference lies in [${d.lo.toSignificantDigits(3).toString()}, ${d.hi.toSignificantDigits(3).toString()}], around the tolerance`,
    final: false,
  };
}

/** a decimal inside an enclosure (its midpoint), for showing a certified value */
export function midpoint(v: Interval, field: EnclosureField): Interval['lo'] {
  return field.m.N.add(v.lo, v.hi).div(2);
}
