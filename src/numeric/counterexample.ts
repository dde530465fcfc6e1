/**
 * The counterexample of a confirmed difference, as reports show it: the
 * units of the free indices, the exact value of every atom read there, the
 * opaque symbols' values, both sides' values to as many digits as show
 * the difference, the seed and how the point was found.
 */
import { sym } from '../ir/expr.js';
import type { Rational } from '../ir/rational.js';
import type { Counterexample } from '../verdict/result.js';
import { evaluate } from './evaluate.js';
import { type Val, Dual } from './numbers.js';
import { NotDefined } from './undefined.js';
import type { Instance } from './instance.js';
import type { OpaqueModel } from './opaque.js';
import type { Outcome } from './point-check.js';
import type { Point } from './points.js';
import { rationalText } from './sampling.js';

/** `digits` significant digits, or `undefined (reason)` */
function valueText(v: Val, digits = 20): string {
  if (v instanceof NotDefined) return `undefined (${v.reason})`;
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
export function displayOrder(a: string, b: string): number {
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

/** the counterexample of a confirmed difference at `point` of `inst`; `how` says how the point was found and checked */
export function counterexample(
  found: Extract<Outcome, { kind: 'differ' }>,
  inst: Instance,
  point: Point,
  atoms: readonly { key: string; direct: boolean }[],
  models: ReadonlyMap<string, OpaqueModel>,
  accessed: ReadonlySet<string>,
  seed: number,
  how: string,
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
    how,
  };
}
