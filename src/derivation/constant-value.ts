/**
 * Constant values written in `when` and `assume`: `1/3` and `-1/2` are
 * numbers, though the parser reads them as a product and a power. A value a
 * domain contains, for messages that suggest one.
 */
import type { Expr } from '../ir/expr.js';
import { type Rational, ONE, ZERO, isZero, radd, rdiv, rmul, rationalToString } from '../ir/rational.js';
import type { Domain } from '../ir/symbols.js';
import { intervalText, pieces } from './intervals.js';

/** the exact value of a sum, product or integer power of numbers, or undefined */
export function constantRational(e: Expr): Rational | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'add':
    case 'mul': {
      let acc: Rational = e.kind === 'add' ? ZERO : ONE;
      for (const t of e.kind === 'add' ? e.terms : e.factors) {
        const v = constantRational(t);
        if (!v) return undefined;
        acc = e.kind === 'add' ? radd(acc, v) : rmul(acc, v);
      }
      return acc;
    }
    case 'pow': {
      const b = constantRational(e.base);
      if (!b || e.exp.kind !== 'num' || e.exp.value.n !== -1n || e.exp.value.d !== 1n || isZero(b)) return undefined;
      return rdiv(ONE, b);
    }
    default:
      return undefined;
  }
}

/** how a message suggests a value for a variable of `domain`: `0 or 1`, `1/2`, and for a real one an interval too */
export function valueExample(domain: Domain | undefined): string {
  if (domain?.kind === 'binary') return '0 or 1';
  const d: Domain = domain ?? { kind: 'interval', loOpen: true, hiOpen: true };
  const at = pieces('x', d, [])[0]?.at ?? ZERO;
  const upper = d.kind === 'interval' ? d.hi : undefined;
  const half: Domain = {
    kind: 'interval',
    lo: at,
    ...(upper ? { hi: upper } : {}),
    loOpen: true,
    hiOpen: upper ? d.kind === 'interval' && d.hiOpen : true,
  };
  return `${rationalToString(at)}, or an interval such as "${intervalText(half)}" (a real variable is split by intervals)`;
}
