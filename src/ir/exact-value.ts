/**
 * The exact value of an expression built from numbers, variables given a
 * rational value, +, * and small whole powers: the evaluator the numeric
 * layer's special points (constants.ts) and the corner refutation
 * (derivation/corner-refutation.ts) share. Anything else (a function, a
 * constant such as pi, 0 to a negative power, an unset variable) is
 * undefined: these are exact rationals or nothing.
 */
import type { Expr } from './expr.js';
import { type Rational, ONE, ZERO, radd, rmul, rpow } from './rational.js';

/** why 64: 10^(-64) is far below any sampled scale, and the pieces of a corner are small; a larger power would only make a huge rational */
const MAX_EXACT_POWER = 64n;

const NO_VALUES: ReadonlyMap<string, Rational> = new Map();

/** e's exact value, each variable taking its value from `values`; undefined where these rules compute none */
export function exactValueAt(e: Expr, values: ReadonlyMap<string, Rational> = NO_VALUES): Rational | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'sym':
      return values.get(e.name);
    case 'add':
    case 'mul': {
      let acc: Rational | undefined = e.kind === 'add' ? ZERO : ONE;
      for (const t of e.kind === 'add' ? e.terms : e.factors) {
        const v = exactValueAt(t, values);
        acc = v && acc && (e.kind === 'add' ? radd(acc, v) : rmul(acc, v));
      }
      return acc;
    }
    case 'pow': {
      const b = exactValueAt(e.base, values);
      const k = e.exp.kind === 'num' && e.exp.value.d === 1n ? e.exp.value.n : undefined;
      if (b === undefined || k === undefined || k > MAX_EXACT_POWER || k < -MAX_EXACT_POWER || (b.n === 0n && k < 0n))
        return undefined;
      return rpow(b, k);
    }
    default:
      return undefined;
  }
}
