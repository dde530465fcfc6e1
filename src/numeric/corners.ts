/**
 * The built-ins with a corner, abs, max and min, on the field's numbers. A
 * plain number at a corner has its value (abs(0) = 0); a number carrying a
 * perturbation there has no dual derivative, as the core's condition
 * abs(u) != 0 on the derivative u/abs(u) says. Whether the whole expression's
 * derivative exists there is beyond dual numbers (x abs(x) is differentiable
 * at 0, abs(x) is not), so the cause is `singular`: the point is unusable,
 * never a counterexample.
 */
import type { DecimalField } from './field.js';
import { Dual, type FieldNum, type Val, realPart } from './numbers.js';
import { NotDefined } from './undefined.js';
import { isBuiltinFunction } from './field.js';

const CORNERED: ReadonlySet<string> = new Set(['abs', 'max', 'min']);

/** true for the names of every built-in the numeric layer evaluates */
export const isEvaluableFunction = (name: string): boolean => isBuiltinFunction(name) || CORNERED.has(name);

/** the number of arguments of a built-in (max and min take two) */
export const builtinArity = (name: string): number => (name === 'max' || name === 'min' ? 2 : 1);

/** |a|: a or -a by the sign of a's real part; undefined at 0 when a carries a perturbation */
export function cornerAbs(f: DecimalField, a: FieldNum): Val {
  const r = realPart(a);
  if (r.isZero())
    return a instanceof Dual ? new NotDefined('abs is not differentiable at 0 (a corner)', 'singular') : a;
  return r.lt(0) ? f.neg(a) : a;
}

/** max(a, b) or min(a, b): the larger (smaller) one; where they are equal and one is perturbed, undefined */
export function cornerMaxMin(_f: DecimalField, fn: 'max' | 'min', a: FieldNum, b: FieldNum): Val {
  const c = realPart(a).cmp(realPart(b));
  if (c === 0) {
    if (a instanceof Dual || b instanceof Dual)
      return new NotDefined(`${fn} is not differentiable where its arguments are equal (a corner)`, 'singular');
    return a;
  }
  return c > 0 === (fn === 'max') ? a : b;
}
