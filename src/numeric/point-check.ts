/**
 * One point of one instance: its environment (sampled values, then assumed
 * values evaluated there) and the classification of the two sides' values.
 *
 * The 50-digit evaluation is a fast filter: both sides defined and within
 * RELATIVE_TOLERANCE max(1, |a|, |b|) -> agree; both undefined by a domain
 * condition -> skip; a singular derivative on either side -> unsettled.
 * Everything else (a difference, one side undefined, an overflow) is only a
 * suspicion, which certification (certify.ts) settles with rigorous
 * enclosures: a difference counts only when the enclosures prove it.
 */
import type { Variable } from '../ir/expr.js';
import type { Scope, SymbolDecl } from '../ir/symbols.js';
import type { Rational } from '../ir/rational.js';
import { constrain } from './assume.js';
import { contradictingAssumptions } from './assumed-units.js';
import { CONFIRM_PRECISION, MAX_WORK_PER_COMPARE, RELATIVE_TOLERANCE } from './bounds.js';
import { variableKey as keyOf } from './atom-key.js';
import { type Certified, certifyPoint, midpoint } from './certify.js';
import { IDual } from './enclosure.js';
import { evaluate, type EvalEnv } from './evaluate.js';
import { DecimalField } from './field.js';
import { type WorkMeter, type FieldNum, type Val, Dual } from './numbers.js';
import { NotDefined } from './undefined.js';
import { type Atom, type Instance, collectAtoms } from './instance.js';
import { type OpaqueModel, buildOpaqueModel } from './opaque.js';
import type { Point } from './points.js';
import type { Prepared } from './prepare.js';
import type { Prng } from './prng.js';
import type { Interval } from './interval.js';

/** an instance with what its points need */
export interface InstanceContext {
  readonly inst: Instance;
  readonly atoms: readonly Atom[];
  /** the atoms that get sampled values: all but the assumed ones */
  readonly sampled: readonly Atom[];
  readonly models: ReadonlyMap<string, OpaqueModel>;
  /** the instance's random stream, continued by its first pass of points */
  readonly rng: Prng;
  /** a drawn point's values made to satisfy the file's assumed equations (assume.ts); undefined when they cannot be */
  readonly adjust: (values: ReadonlyMap<string, Rational>) => ReadonlyMap<string, Rational> | undefined;
}

/** the atoms, sampled atoms and opaque models of an instance */
export function instanceContext(
  prepared: Prepared,
  inst: Instance,
  scope: Scope,
  meter: WorkMeter,
  rng: Prng,
): InstanceContext {
  const found = collectAtoms(prepared, inst, scope, meter);
  const fixed = new Set(prepared.assumptions.map((a) => instanceVariableKey(a.variable, inst, scope.symbols)));
  const models = new Map<string, OpaqueModel>();
  const keys = found.atoms.map((a) => a.key);
  for (const name of found.opaque) {
    const decl = scope.symbols.get(name);
    if (decl?.kind === 'scalar' && !fixed.has(name)) models.set(name, buildOpaqueModel(decl, keys, inst.units, rng));
  }
  const adjust = (values: ReadonlyMap<string, Rational>) => constrain(values, inst, prepared.constraints ?? []);
  return { inst, atoms: found.atoms, sampled: found.atoms.filter((a) => !fixed.has(a.key)), models, rng, adjust };
}

export type Outcome =
  | { readonly kind: 'agree' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'budget' }
  | { readonly kind: 'unsettled'; readonly reason: string; readonly oneSided?: true }
  | {
      readonly kind: 'differ';
      readonly lhs: Val;
      readonly rhs: Val;
      readonly env: EvalEnv;
      /** the precision (digits) at which enclosures proved the difference */
      readonly certifiedAt: number;
    };

/** the key of an assumed variable in this instance */
export function instanceVariableKey(v: Variable, inst: Instance, symbols?: ReadonlyMap<string, SymbolDecl>): string {
  return keyOf(v, inst.units, symbols);
}

/** the environment of a point in a field: sampled values, then assumed values evaluated there */
export function environment(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: DecimalField,
  accessed?: Set<string>,
): EvalEnv | NotDefined {
  const values = new Map<string, FieldNum>();
  for (const [key, v] of point.values) values.set(key, field.real(v));
  const env: EvalEnv = {
    field,
    scope,
    n: inst.n,
    units: inst.units,
    values,
    opaque: models,
    ...(accessed ? { accessed } : {}),
  };
  const contradiction = contradictingAssumptions(prepared.assumptions, inst.units, scope.symbols);
  if (contradiction) return contradiction;
  for (const a of prepared.assumptions) {
    const v = evaluate(a.value, env);
    if (v instanceof NotDefined) return v;
    values.set(instanceVariableKey(a.variable, inst, scope.symbols), v);
  }
  return env;
}

type Fast = 'agree' | 'skip' | 'budget' | 'suspect' | { readonly unsettled: string };

/** the fast 50-digit look at a point: agree, skip, budget, unsettled, or a suspicion for certification */
function fastLook(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: DecimalField,
): Fast {
  const env = environment(prepared, inst, point, models, scope, field);
  if (env instanceof NotDefined) {
    if (env.cause === 'budget') return 'budget';
    return env.cause === 'domain' ? 'skip' : 'suspect';
  }
  const lhs = evaluate(prepared.lhs, env);
  const rhs = evaluate(prepared.rhs, env);
  return classify(lhs, rhs, field);
}

/**
 * the outcome at a point: the fast 50-digit look, and for anything but an
 * agreement (unless `certifyAgreement`), a skip (both sides undefined) or a singular derivative, the
 * certified outcome (certify.ts) on the precision ladder; a difference is
 * returned with its values at the certifying precision (at least
 * CONFIRM_PRECISION digits shown) and the atoms read collected
 */
export function confirmedOutcome(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: DecimalField,
  deadline?: number,
  certifyMeter?: WorkMeter,
  certifyAgreement = false,
): { readonly outcome: Outcome; readonly accessed: Set<string> } {
  const accessed = new Set<string>();
  const first = fastLook(prepared, inst, point, models, scope, field);
  if (first !== 'suspect' && !(first === 'agree' && certifyAgreement))
    return {
      outcome: typeof first === 'string' ? { kind: first } : { kind: 'unsettled', reason: first.unsettled },
      accessed,
    };
  const c = certifyPoint(prepared, inst, point, models, scope, certifyMeter, deadline);
  return { outcome: certifiedOutcome(c, prepared, inst, point, models, scope, accessed), accessed };
}

/** a certified verdict as an Outcome; a difference gets the values shown and an environment at the certifying precision */
function certifiedOutcome(
  c: Certified,
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  accessed: Set<string>,
): Outcome {
  if (c.kind !== 'differ') return c.kind === 'unsettled' ? c : { kind: c.kind };
  const meter: WorkMeter = { used: 0, limit: MAX_WORK_PER_COMPARE };
  const display = new DecimalField(Math.max(c.precision, CONFIRM_PRECISION), meter);
  const env = environment(prepared, inst, point, models, scope, display, accessed);
  if (env instanceof NotDefined) return { kind: 'unsettled', reason: `an assumed value: ${env.reason}` };
  // evaluated once more only to collect the atoms read; the values shown are the enclosures'
  evaluate(prepared.lhs, env);
  evaluate(prepared.rhs, env);
  const shown = (v: typeof c.lhs): Val => {
    if (v instanceof NotDefined) return v;
    if (v instanceof IDual) throw new Error('a dual number escaped its diff');
    return midpoint(v as Interval, c.field);
  };
  return { kind: 'differ', lhs: shown(c.lhs), rhs: shown(c.rhs), env, certifiedAt: c.precision };
}

/** agree; skip (both undefined by a domain condition); unsettled (a singular derivative); a suspicion (only one undefined, an overflow, or apart by more than the tolerance) */
function classify(a: Val, b: Val, field: DecimalField): Fast {
  if (field.meter.used > field.meter.limit) return 'budget';
  const causes = [a, b].flatMap((v) => (v instanceof NotDefined ? [v.cause] : []));
  if (causes.includes('budget')) return 'budget';
  if (causes.includes('singular')) {
    const u = [a, b].find((v): v is NotDefined => v instanceof NotDefined && v.cause === 'singular')!;
    return { unsettled: u.reason };
  }
  if (causes.length === 2 && causes.every((c) => c === 'domain')) return 'skip';
  if (causes.length > 0) return 'suspect';
  if (a instanceof Dual || b instanceof Dual || a instanceof NotDefined || b instanceof NotDefined)
    throw new Error('a dual number escaped its diff');
  const scale = field.D.max(field.one, a.abs(), b.abs());
  return a.minus(b).abs().lte(scale.times(RELATIVE_TOLERANCE)) ? 'agree' : 'suspect';
}
