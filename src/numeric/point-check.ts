/**
 * One point of one instance: its environment (sampled values, then assumed
 * values evaluated there) and the classification of the two sides' values.
 *
 * At a point: both sides undefined, or either overflowed or met a singular
 * derivative -> skip; only one side undefined (a domain condition) -> they
 * differ; both defined -> they agree when |a - b| <= RELATIVE_TOLERANCE
 * max(1, |a|, |b|). A difference counts only when it survives
 * re-evaluation at CONFIRM_PRECISION digits (see `confirmedDifference`).
 */
import type { Variable } from '../ir/expr.js';
import type { Scope, SymbolDecl } from '../ir/symbols.js';
import { LADDER_PRECISIONS, RELATIVE_TOLERANCE } from './bounds.js';
import { canonicalKey, instantiateIndex } from './atom-key.js';
import { constrain } from './assume.js';
import type { Rational } from '../ir/rational.js';
import { evaluate, type EvalEnv } from './evaluate.js';
import { Field, type Meter, type Num, type Val, Dual, Undefined } from './field.js';
import { type Atom, type Instance, collectAtoms } from './instance.js';
import { type OpaqueModel, buildOpaqueModel } from './opaque.js';
import type { Point } from './points.js';
import type { Prepared } from './prepare.js';
import type { Prng } from './prng.js';

/** an instance with what its points need */
export interface InstanceContext {
  readonly inst: Instance;
  readonly atoms: readonly Atom[];
  /** the atoms that get sampled values: all but the assumed ones */
  readonly sampled: readonly Atom[];
  readonly models: ReadonlyMap<string, OpaqueModel>;
  /** the instance's random stream, continued by its first pass of points */
  readonly rng: Prng;
  /** a drawn point's values made to satisfy the file's assumed equations (assume.ts) */
  readonly adjust: (values: ReadonlyMap<string, Rational>) => ReadonlyMap<string, Rational>;
}

/** the atoms, sampled atoms and opaque models of an instance */
export function instanceContext(
  prepared: Prepared,
  inst: Instance,
  scope: Scope,
  meter: Meter,
  rng: Prng,
): InstanceContext {
  const found = collectAtoms(prepared, inst, scope, meter);
  const fixed = new Set(prepared.assumptions.map((a) => variableKey(a.variable, inst, scope.symbols)));
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
  | { readonly kind: 'differ'; readonly lhs: Val; readonly rhs: Val; readonly env: EvalEnv };

/** the key of an assumed variable in this instance */
export function variableKey(v: Variable, inst: Instance, symbols?: ReadonlyMap<string, SymbolDecl>): string {
  if (v.kind === 'elem')
    return canonicalKey(
      v.name,
      v.indices.map((t) => instantiateIndex(t, inst.units)),
      symbols ?? new Map(),
    );
  return v.name;
}

/** the environment of a point in a field: sampled values, then assumed values evaluated there */
export function environment(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: Field,
  accessed?: Set<string>,
): EvalEnv | Undefined {
  const values = new Map<string, Num>();
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
  for (const a of prepared.assumptions) {
    const v = evaluate(a.value, env);
    if (v instanceof Undefined) return v;
    values.set(variableKey(a.variable, inst, scope.symbols), v);
  }
  return env;
}

/** evaluates both sides at a point and classifies the pair */
export function checkPoint(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: Field,
  accessed?: Set<string>,
): Outcome {
  const env = environment(prepared, inst, point, models, scope, field, accessed);
  if (env instanceof Undefined) return { kind: env.cause === 'budget' ? 'budget' : 'skip' };
  const lhs = evaluate(prepared.lhs, env);
  const rhs = evaluate(prepared.rhs, env);
  const kind = classify(lhs, rhs, field);
  if (kind === 'differ') return { kind, lhs, rhs, env };
  return { kind };
}

/**
 * the outcome at `field`'s precision, and for a difference the outcome again
 * at `confirm`'s (with the atoms read collected): a difference that shrinks
 * when the precision doubles was rounding, not mathematics
 */
export function confirmedOutcome(
  prepared: Prepared,
  inst: Instance,
  point: Point,
  models: ReadonlyMap<string, OpaqueModel>,
  scope: Scope,
  field: Field,
  confirm: Field,
): { readonly outcome: Outcome; readonly accessed: Set<string> } {
  const accessed = new Set<string>();
  const first = checkPoint(prepared, inst, point, models, scope, field);
  if (first.kind !== 'differ') return { outcome: first, accessed };
  const confirmed = checkPoint(prepared, inst, point, models, scope, confirm, accessed);
  if (confirmed.kind !== 'differ') return { outcome: confirmed, accessed };
  // up the ladder on a fresh meter of the same size: rounding that survived 100 digits must not become a counterexample
  for (const digits of LADDER_PRECISIONS) {
    const higher = new Field(digits, { used: 0, limit: confirm.meter.limit });
    const again = checkPoint(prepared, inst, point, models, scope, higher);
    if (again.kind === 'budget') return { outcome: { kind: 'skip' }, accessed };
    if (again.kind !== 'differ') return { outcome: again, accessed };
  }
  return { outcome: confirmed, accessed };
}

/** agree; skip (both undefined, or either overflowed or met a singular derivative); differ (only one undefined, or apart by more than the tolerance) */
function classify(a: Val, b: Val, field: Field): 'agree' | 'skip' | 'budget' | 'differ' {
  if (field.meter.used > field.meter.limit) return 'budget';
  const causes = [a, b].flatMap((v) => (v instanceof Undefined ? [v.cause] : []));
  if (causes.includes('budget')) return 'budget';
  if (causes.length === 2 || causes.includes('overflow') || causes.includes('singular')) return 'skip';
  if (causes.length === 1) return 'differ';
  if (a instanceof Dual || b instanceof Dual || a instanceof Undefined || b instanceof Undefined)
    throw new Error('a dual number escaped its diff');
  const scale = field.D.max(field.one, a.abs(), b.abs());
  return a.minus(b).abs().lte(scale.times(RELATIVE_TOLERANCE)) ? 'agree' : 'differ';
}
