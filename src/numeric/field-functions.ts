/**
 * The 50-digit field's elementary functions of a plain decimal: decimal.js's
 * own where they are fast and accurate, rewritten where they are not (tanh,
 * sinh and cosh of a large argument take minutes in decimal.js; sigma is
 * computed from exp(-|x|) so it never overflows). Outside a function's
 * domain the value is NotDefined (`domain`), past the arithmetic's range
 * `overflow`. DecimalField (field.ts) counts the work and keeps the results.
 */
import type { Decimal, DecimalConstructor } from './decimal.js';
import { MAX_EXP_ARGUMENT } from './bounds.js';
import { NotDefined } from './undefined.js';
import { memoExp, memoLn } from './decimal-memo.js';

export type Unary =
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'sinh'
  | 'cosh'
  | 'tanh'
  | 'asin'
  | 'acos'
  | 'atan'
  | 'sigma';

/** what the functions need of the field: its decimals, its limits, and its overflow check */
export interface FunctionLimits {
  readonly D: DecimalConstructor;
  readonly one: Decimal;
  readonly expMax: Decimal;
  readonly trigMax: Decimal;
  checked(x: Decimal): Decimal | NotDefined;
}

/** fn(x) for a plain decimal x */
export function functionValue(fn: Unary, x: Decimal, f: FunctionLimits): Decimal | NotDefined {
  const D = f.D;
  const big = (limit: Decimal | number): NotDefined | undefined =>
    x.abs().gt(limit)
      ? new NotDefined(`overflow: ${fn} of a number of magnitude above ${limit.toString()}`, 'overflow')
      : undefined;
  switch (fn) {
    case 'exp': {
      if (x.gt(f.expMax)) return new NotDefined(`overflow: exp of a number above ${MAX_EXP_ARGUMENT}`, 'overflow');
      return big(f.expMax) ?? f.checked(memoExp(D, x));
    }
    case 'log':
      if (!x.gt(0)) return new NotDefined('log of a non-positive number', 'domain');
      return memoLn(D, x);
    case 'sqrt':
      if (x.lt(0)) return new NotDefined('square root of a negative number', 'domain');
      return x.sqrt();
    case 'sin':
      return big(f.trigMax) ?? D.sin(x);
    case 'cos':
      return big(f.trigMax) ?? D.cos(x);
    case 'tan': {
      const tooBig = big(f.trigMax);
      if (tooBig) return tooBig;
      const c = D.cos(x);
      if (c.isZero()) return new NotDefined('tan at a pole (cos x = 0)', 'domain');
      return f.checked(D.sin(x).div(c));
    }
    case 'sinh':
    case 'cosh':
      return big(f.expMax) ?? hyperbolic(D, fn, x);
    case 'tanh': {
      // decimal.js's tanh takes minutes for large |x|; this form costs one exp
      const tooBig = big(f.trigMax);
      if (tooBig) return tooBig;
      const t = memoExp(D, x.abs().times(-2));
      const r = f.one.minus(t).div(f.one.plus(t));
      return x.lt(0) ? r.neg() : r;
    }
    case 'asin':
    case 'acos':
      if (x.abs().gt(1)) return new NotDefined(`${fn} of a number outside [-1, 1]`, 'domain');
      return fn === 'asin' ? D.asin(x) : D.acos(x);
    case 'atan':
      return D.atan(x);
    case 'sigma': {
      // exp of -|x| only, so sigma never overflows
      const tooBig = big(f.trigMax);
      if (tooBig) return tooBig;
      const t = memoExp(D, x.abs().neg());
      return x.lt(0) ? t.div(f.one.plus(t)) : f.one.div(f.one.plus(t));
    }
  }
}

/**
 * sinh or cosh of x at D's precision: decimal.js's own take minutes for a
 * large |x|, so beyond 1 they are (exp(x) -+ exp(-x))/2 (no cancellation
 * there); below, decimal.js's series (accurate near 0, where sinh cancels)
 */
export function hyperbolic(D: DecimalConstructor, fn: 'sinh' | 'cosh', x: Decimal): Decimal {
  if (x.abs().lt(1)) return fn === 'sinh' ? D.sinh(x) : D.cosh(x);
  const ex = memoExp(D, x);
  const emx = memoExp(D, x.neg());
  return (fn === 'sinh' ? ex.minus(emx) : ex.plus(emx)).div(2);
}
