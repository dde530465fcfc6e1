/**
 * Shrinking a counterexample towards the smallest failing instance, in the
 * spirit of property-based testing's shrinking, by greedy steps that keep
 * the failure (every candidate is re-checked at 50 digits and certified by
 * enclosures (certify.ts), so a shrunk counterexample is as real as the
 * original):
 *
 * 1. the free indices are renumbered to the smallest units (i = 1, j = 2):
 *    relabelling units is a symmetry of every expression (sums run over all
 *    units), literal units stay fixed, and opaque models are relabelled too;
 * 2. fewer units: the same point restricted to units 1..n' for each n' < n,
 *    smallest first;
 * 3. simpler values: each atom's value is replaced by the first of
 *    SHRINK_VALUES (0, 1, 1/2, -1, 2, ...) in its domain that is simpler
 *    than the current one and still fails; repeated while anything changes.
 */
import type { Rational } from '../ir/rational.js';
import { rat } from '../ir/rational.js';
import type { Scope } from '../ir/symbols.js';
import { elementKey } from './atom-key.js';
import { MAX_SHRINK_PASSES, MAX_SHRINK_WORK, PRECISION, SHRINK_VALUES } from './bounds.js';
import { displayOrder } from './counterexample.js';
import { DecimalField } from './field.js';
import { type Atom, type Instance, collectAtoms } from './instance.js';
import type { OpaqueModel } from './opaque.js';
import { type Outcome, confirmedOutcome, instanceVariableKey } from './point-check.js';
import type { Point } from './points.js';
import type { Prepared } from './prepare.js';
import { inDomain } from '../ir/symbols.js';
import { constrain } from './assume.js';

/** a failing point of an instance, with what its counterexample needs */
interface Failure {
  readonly inst: Instance;
  readonly point: Point;
  readonly atoms: readonly Atom[];
  readonly models: ReadonlyMap<string, OpaqueModel>;
  /** the certified difference */
  readonly outcome: Extract<Outcome, { kind: 'differ' }>;
  readonly accessed: ReadonlySet<string>;
}

interface Shrunk extends Failure {
  /** what shrinking changed, e.g. `n 5 -> 2, units renumbered, 3 values simplified`; empty when nothing */
  readonly note: string;
}

const CANDIDATES: readonly Rational[] = SHRINK_VALUES.map((t) => {
  const [n, d] = t.split('/');
  return rat(BigInt(n!), BigInt(d ?? '1'));
});

/** the rank of a value among CANDIDATES (lower is simpler), or their number when it is none of them */
function rank(v: Rational): number {
  const k = CANDIDATES.findIndex((c) => c.n === v.n && c.d === v.d);
  return k < 0 ? CANDIDATES.length : k;
}

/** `w[3,1]` with units mapped through perm (scalars unchanged) */
function relabelKey(key: string, perm: ReadonlyMap<number, number>): string {
  const m = /^([^[]+)\[(.*)\]$/.exec(key);
  if (!m) return key;
  return elementKey(
    m[1]!,
    m[2]!.split(',').map((u) => perm.get(Number(u)) ?? Number(u)),
  );
}

/** the largest unit in a key, 0 for a scalar */
function maxUnit(key: string): number {
  const m = /\[(.*)\]$/.exec(key);
  return m ? Math.max(...m[1]!.split(',').map(Number)) : 0;
}

/** a smaller failing counterexample than `failure`, or the same one; shrinking stops early at the deadline (a performance.now() time) */
export function shrinkFailure(prepared: Prepared, scope: Scope, failure: Failure, deadline?: number): Shrunk {
  const meter = { used: 0, limit: MAX_SHRINK_WORK };
  const field = new DecimalField(PRECISION, meter);

  /** the failure at this instance, point and models, if the step still fails there */
  const attempt = (
    inst: Instance,
    values: ReadonlyMap<string, Rational>,
    models: ReadonlyMap<string, OpaqueModel>,
    how: string,
  ): Failure | undefined => {
    if (meter.used > meter.limit || (deadline !== undefined && performance.now() > deadline)) return undefined;
    const constrained = constrain(values, inst, prepared.constraints ?? []);
    if (!constrained) return undefined;
    const point: Point = { values: constrained, how };
    const atoms = collectAtoms(prepared, inst, scope, meter).atoms;
    const fixed = new Set(prepared.assumptions.map((a) => instanceVariableKey(a.variable, inst, scope.symbols)));
    if (atoms.some((a) => !fixed.has(a.key) && !values.has(a.key))) return undefined;
    const { outcome, accessed } = confirmedOutcome(prepared, inst, point, models, scope, field, deadline);
    return outcome.kind === 'differ' ? { inst, point, atoms, models, outcome, accessed } : undefined;
  };

  let best = failure;
  const notes: string[] = [];
  const n = failure.inst.n;
  if (n !== undefined) {
    const renumbered = renumber(prepared, best, attempt);
    if (renumbered) {
      best = renumbered;
      notes.push('units renumbered');
    }
    const fewer = fewerUnits(best, n, prepared.literals, attempt);
    if (fewer) {
      best = fewer;
      notes.unshift(`n ${n} -> ${fewer.inst.n}`);
    }
  }
  const simpler = simplerValues(best, attempt);
  best = simpler.best;
  const simplified = simpler.changed;
  if (simplified > 0) notes.push(`${simplified} value${simplified === 1 ? '' : 's'} simplified`);
  return { ...best, note: notes.join(', ') };
}

/**
 * passes over the sampled values, each replaced by the first simpler
 * candidate at which the step still fails, until a pass changes nothing (or
 * MAX_SHRINK_PASSES); the last failure and how many values changed
 */
function simplerValues(failure: Failure, attempt: Attempt): { best: Failure; changed: number } {
  let best = failure;
  const changed = new Set<string>();
  for (let pass = 0; pass < MAX_SHRINK_PASSES; pass++) {
    let any = false;
    const sampled = best.atoms.filter((a) => best.point.values.has(a.key)).sort((a, b) => displayOrder(a.key, b.key));
    for (const atom of sampled) {
      const current = rank(best.point.values.get(atom.key)!);
      for (const c of CANDIDATES.slice(0, current)) {
        if (!inDomain(c, atom.domain)) continue;
        const values = new Map(best.point.values);
        values.set(atom.key, c);
        const next = attempt(best.inst, values, best.models, best.point.how);
        if (next) {
          best = next;
          any = true;
          changed.add(atom.key);
          break;
        }
      }
    }
    if (!any) break;
  }
  return { best, changed: changed.size };
}

type Attempt = (
  inst: Instance,
  values: ReadonlyMap<string, Rational>,
  models: ReadonlyMap<string, OpaqueModel>,
  how: string,
) => Failure | undefined;

/** the failure with its free indices on the smallest units (literal units fixed), or undefined when already so or no longer failing */
function renumber(prepared: Prepared, f: Failure, attempt: Attempt): Failure | undefined {
  const n = f.inst.n!;
  const literals = new Set(prepared.literals);
  const free: number[] = [];
  for (const name of [...f.inst.units.keys()].sort()) {
    const u = f.inst.units.get(name)!;
    if (!literals.has(u) && !free.includes(u)) free.push(u);
  }
  const targets = Array.from({ length: n }, (_, k) => k + 1).filter((u) => !literals.has(u));
  const rest = targets.filter((u) => !free.includes(u));
  const perm = new Map<number, number>();
  [...free, ...rest].forEach((u, k) => perm.set(u, targets[k]!));
  if ([...perm].every(([a, b]) => a === b)) return undefined;
  const units = new Map([...f.inst.units].map(([name, u]) => [name, perm.get(u) ?? u]));
  const values = new Map([...f.point.values].map(([key, v]) => [relabelKey(key, perm), v]));
  const models = new Map(
    [...f.models].map(([name, m]) => [
      name,
      { ...m, terms: m.terms.map((t) => ({ ...t, key: relabelKey(t.key, perm) })) },
    ]),
  );
  // the point's description names atoms too (`special point w[2,2] = 0`)
  const how = f.point.how.replace(/\w+\[[\d,]+\]/g, (key) => relabelKey(key, perm));
  return attempt({ ...f.inst, units }, values, models, how);
}

/** the failure restricted to the fewest units 1..n' (n' < n) where it still fails, or undefined */
function fewerUnits(f: Failure, n: number, literals: readonly number[], attempt: Attempt): Failure | undefined {
  const needed = Math.max(1, ...f.inst.units.values(), ...literals);
  for (let m = needed; m < n; m++) {
    const values = new Map([...f.point.values].filter(([key]) => maxUnit(key) <= m));
    const models = new Map(
      [...f.models].map(([name, model]) => [name, { ...model, terms: model.terms.filter((t) => maxUnit(t.key) <= m) }]),
    );
    const found = attempt({ ...f.inst, n: m }, values, models, f.point.how);
    if (found) return found;
  }
  return undefined;
}
