/**
 * The constants of a step, where its behaviour may change: the rational
 * literals written (other than 0 and +-1, already special), and the values of
 * its constant subexpressions that are not literals (`exp(7)` in
 * `sqrt((x - exp(7))^2)`, `3/10` written as a quotient), rounded to
 * CONSTANT_DIGITS significant digits as exact rationals, and the exact zeros
 * of linear sums a v + b (the corner 1/3 of abs(3x - 1)). Values near them
 * are tried as special points (sampling.ts, `constantNeighbours`).
 */
import { type Expr, children, mul } from '../ir/expr.js';
import { type Rational, ZERO, parseDecimal, radd, rcmp, rdiv, rneg } from '../ir/rational.js';
import { emptyScope } from '../ir/symbols.js';
import { exactValueAt } from '../ir/exact-value.js';
import { MAX_WORK_PER_COMPARE, PRECISION } from './bounds.js';
import { evaluate } from './evaluate.js';
import { DecimalField } from './field.js';
import { Dual } from './numbers.js';
import { NotDefined } from './undefined.js';

/** why 12: a point 1/10 away from a constant of magnitude up to 1e6 stays on its side */
const CONSTANT_DIGITS = 12;

/** why: a step has few constants; past this many subexpressions the rest are not evaluated */
const MAX_CONSTANT_SUBEXPRESSIONS = 16;

/** true when e reads no variable, index, array, sum or derivative */
function isConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'const':
      return true;
    case 'sym':
    case 'elem':
    case 'units':
    case 'sum':
    case 'delta':
    case 'diff':
      return false;
    default:
      return children(e).every(isConstant);
  }
}

/** the zero -b/a of terms summing to a v + b (one variable v, exact a != 0 and b != 0), or undefined */
function linearZero(terms: readonly Expr[]): Rational | undefined {
  let a = ZERO;
  let b = ZERO;
  let variable: string | undefined;
  for (const t of terms) {
    const factors = t.kind === 'mul' ? t.factors : [t];
    const vars: Expr[] = factors.filter((f) => f.kind === 'sym' || f.kind === 'elem');
    const c = exactValueAt(vars.length === 0 ? t : mul(factors.filter((f) => !vars.includes(f))));
    if (!c || vars.length > 1) return undefined;
    if (vars.length === 0) {
      b = radd(b, c);
      continue;
    }
    if (variable !== undefined && variable !== vars[0]!.key) return undefined;
    variable = vars[0]!.key;
    a = radd(a, c);
  }
  return a.n === 0n || b.n === 0n ? undefined : rneg(rdiv(b, a));
}

/** the distinct positive magnitudes of the step's literals and constant subexpressions */
export function stepConstants(exprs: readonly Expr[]): Rational[] {
  const out: Rational[] = [];
  const push = (v: Rational): void => {
    const c = v.n < 0n ? rneg(v) : v;
    if (c.d === 1n && c.n <= 1n) return;
    if (!out.some((o) => rcmp(o, c) === 0)) out.push(c);
  };
  const subexpressions: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'num') return push(e.value);
    if (e.kind === 'elem' || e.kind === 'delta') return; // index literals are units, not values
    // why: the zero of a linear a v + b is where abs(3x - 1), sqrt((x - 10^-12)^2) or max(x, c) turn: a
    // piece between it and an interval end or another such zero may be narrower than any random point's spacing
    const zero = e.kind === 'add' ? linearZero(e.terms) : undefined;
    if (zero) push(zero);
    if (isConstant(e)) {
      if (subexpressions.length < MAX_CONSTANT_SUBEXPRESSIONS) subexpressions.push(e);
      // its literals too (exp(-10000 (x - 3/10)^2) has 10000, and 3/10 as a whole)
    }
    children(e).forEach(walk);
  };
  exprs.forEach(walk);
  const field = new DecimalField(PRECISION, { used: 0, limit: MAX_WORK_PER_COMPARE / 20 });
  const env = { field, scope: emptyScope(), n: undefined, units: new Map(), values: new Map(), opaque: new Map() };
  for (const e of subexpressions) {
    const v = evaluate(e, env);
    if (v instanceof NotDefined || v instanceof Dual || v.isZero()) continue;
    // why: an exponent computed as 2^64 or 10^20 + 1 needs its exact value for the points 1 +- m/k (x^(2^64) = x^(2^64) x^2 was undecided)
    if (v.e > 12 && v.e < PRECISION - 10 && v.isInteger()) push({ n: BigInt(v.toFixed()), d: 1n });
    // why: outside these magnitudes a neighbour is no sampling point, and toFixed of 2^-4294967295 writes 1.3e9 zeros
    if (v.e > 12 || v.e < -30) continue;
    const r = parseDecimal(v.toSignificantDigits(CONSTANT_DIGITS).toFixed());
    if (r) push(r);
  }
  return out;
}
