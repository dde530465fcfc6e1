/**
 * The numbers of the numeric check: decimals at a fixed precision, and dual
 * numbers over them for forward-mode automatic differentiation.
 *
 * A `Dual` with tag t is re + eps·ε_t with ε_t² = 0. Each `diff` being
 * evaluated gets a fresh tag, larger than the tags of the diffs around it, so
 * nested derivatives never confuse their perturbations (Siskind and
 * Pearlmutter's tagging): an operation on two numbers splits both along the
 * largest tag present and recurses on the parts. Every operation carries its
 * own local derivative; there is no symbolic differentiation anywhere.
 *
 * An operation outside its domain returns an `NotDefined` marker instead of
 * throwing; markers propagate through every operation.
 */
import { Decimal, type DecimalConstructor, decimalClone } from './decimal.js';
import { bigIntegerPower } from './big-power.js';
import { NotDefined, type NotDefinedCause } from './undefined.js';
import { Dual, type WorkMeter, type FieldNum, type Val, realPart, tagOf } from './numbers.js';
import { type FunctionLimits, type Unary, functionValue } from './field-functions.js';
import {
  type DualParts,
  dualProduct,
  dualReciprocal,
  dualSum,
  localDerivative,
  powerBySquaring,
} from './dual-rules.js';
import type { Rational } from '../ir/rational.js';
import {
  MAX_EXP_ARGUMENT,
  MAX_EXPONENT_DIGITS,
  MAX_INTEGER_EXPONENT,
  MAX_TRIG_ARGUMENT,
  OVERFLOW_MAGNITUDE,
  TRANSCENDENTAL_COST,
} from './bounds.js';

/** the sign of a number's real part, for bigIntegerPower */
const fieldSign = (a: FieldNum): -1 | 0 | 1 => {
  const r = realPart(a);
  return r.isZero() ? 0 : r.isNegative() ? -1 : 1;
};

const UNARY: ReadonlySet<string> = new Set([
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'asin',
  'acos',
  'atan',
  'sigma',
]);

/** true for the names of the built-in functions the field evaluates */
export const isBuiltinFunction = (name: string): boolean => UNARY.has(name);

/** decimals at one precision, with duals over them; one per precision per compare */
export class DecimalField implements FunctionLimits, DualParts<FieldNum> {
  readonly D: DecimalConstructor;
  readonly zero: Decimal;
  readonly one: Decimal;
  private readonly overflowAt: Decimal;
  /** sin, cos, tan, tanh and sigma of a magnitude beyond this overflow */
  readonly trigMax: Decimal;
  /** exp beyond this overflows decimal.js */
  readonly expMax: Decimal;
  private piCache: Decimal | undefined;
  private eCache: Decimal | undefined;
  /** literals and coefficients recur at every point; a compare meets few distinct ones */
  private readonly rationals = new Map<string, Decimal>();

  constructor(
    readonly precision: number,
    readonly meter: WorkMeter,
  ) {
    // a private constructor: never the global Decimal configuration
    this.D = decimalClone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 30 });
    this.zero = new this.D(0);
    this.one = new this.D(1);
    this.overflowAt = new this.D(OVERFLOW_MAGNITUDE);
    this.trigMax = new this.D(MAX_TRIG_ARGUMENT);
    this.expMax = new this.D(MAX_EXP_ARGUMENT);
  }

  /** the decimal of exact text ("0.25", "-3e-2") or of an exact rational, rounded to the precision */
  real(v: string | number | Rational): Decimal {
    if (typeof v !== 'object') return new this.D(v);
    const key = `${v.n}/${v.d}`;
    let r = this.rationals.get(key);
    if (!r) {
      r = v.d === 1n ? new this.D(v.n.toString()) : new this.D(v.n.toString()).div(v.d.toString());
      this.rationals.set(key, r);
    }
    return r;
  }

  /** pi at this precision */
  pi(): Decimal {
    this.piCache ??= this.D.acos(-1);
    return this.piCache;
  }

  /** e at this precision */
  e(): Decimal {
    this.eCache ??= this.D.exp(1);
    return this.eCache;
  }

  /** x itself, or the overflow marker when x is beyond decimal.js's exponent range (not finite) */
  checked(x: Decimal): Decimal | NotDefined {
    this.meter.used++;
    if (!x.isFinite() || x.abs().gt(this.overflowAt))
      return new NotDefined(`overflow: magnitude above ${OVERFLOW_MAGNITUDE}`, 'overflow');
    return x;
  }

  /** a + b */
  add(a: FieldNum, b: FieldNum): Val {
    const t = Math.max(tagOf(a), tagOf(b));
    if (t === 0) return this.checked((a as Decimal).plus(b as Decimal));
    return dualSum(this, a, b, t);
  }

  /** -a */
  neg(a: FieldNum): FieldNum {
    if (a instanceof Dual) return new Dual(a.tag, this.neg(a.re), this.neg(a.eps));
    return a.neg();
  }

  /** a - b */
  sub(a: FieldNum, b: FieldNum): Val {
    return this.add(a, this.neg(b));
  }

  /** a * b, by the product rule on duals */
  mul(a: FieldNum, b: FieldNum): Val {
    const t = Math.max(tagOf(a), tagOf(b));
    if (t === 0) return this.checked((a as Decimal).times(b as Decimal));
    return dualProduct(this, a, b, t);
  }

  /** 1/a; undefined (with `reason` and `cause`) where the real part of a is exactly 0 */
  recip(a: FieldNum, reason = 'division by zero', cause: NotDefinedCause = 'domain'): Val {
    if (!(a instanceof Dual)) {
      if (a.isZero()) return new NotDefined(reason, cause);
      return this.checked(this.one.div(a));
    }
    return dualReciprocal(this, a.tag, a.re, a.eps, reason, cause);
  }

  /** a / b */
  div(a: FieldNum, b: FieldNum): Val {
    const r = this.recip(b);
    return r instanceof NotDefined ? r : this.mul(a, r);
  }

  /** the variable of a diff: at + ε_tag */
  seed(tag: number, at: FieldNum): FieldNum {
    return new Dual(tag, at, this.one);
  }

  /** the coefficient of ε_tag in v (0 when v does not depend on that perturbation) */
  tangent(v: FieldNum, tag: number): FieldNum {
    return v instanceof Dual && v.tag === tag ? v.eps : this.zero;
  }

  /** a^k for an integer k, by repeated squaring (so a < 0 is fine); 0^0 = 1 */
  powInt(a: FieldNum, k: bigint): Val {
    const limit = BigInt(MAX_INTEGER_EXPONENT);
    if (k > limit || k < -limit) return bigIntegerPower(this, fieldSign, a, k);
    if (k < 0n) {
      const p = this.powInt(a, -k);
      return p instanceof NotDefined ? p : this.recip(p);
    }
    return powerBySquaring(this, a, k);
  }

  /**
   * a^r for a non-integer constant r: exp(r log a) for a > 0; 0 for a = 0 and
   * r > 0 (with derivative r a^(r-1), singular when r < 1); undefined for
   * a < 0, where a real power exists only for integer exponents.
   */
  powReal(a: FieldNum, r: Decimal): Val {
    const base = realPart(a);
    if (base.lt(0)) return new NotDefined('non-integer power of a negative number', 'domain');
    if (base.isZero()) {
      if (!r.gt(0)) return new NotDefined('0 to a negative power', 'domain');
      if (!(a instanceof Dual)) return this.zero;
      const re = this.powReal(a.re, r);
      if (re instanceof NotDefined) return re;
      if (r.lt(1))
        return new NotDefined(`x^${r.toSignificantDigits(6).toString()} is not differentiable at 0`, 'singular');
      const d = this.powReal(a.re, r.minus(1));
      if (d instanceof NotDefined) return d;
      const rd = this.mul(d, r);
      if (rd instanceof NotDefined) return rd;
      const eps = this.mul(rd, a.eps);
      return eps instanceof NotDefined ? eps : new Dual(a.tag, re, eps);
    }
    const l = this.apply('log', a);
    if (l instanceof NotDefined) return l;
    const rl = this.mul(l, r);
    return rl instanceof NotDefined ? rl : this.apply('exp', rl);
  }

  /** a^b for a constant rational exponent: exact for integers */
  powRational(a: FieldNum, r: Rational): Val {
    if (r.d === 1n) return this.powInt(a, r.n);
    return this.powReal(a, this.real(r));
  }

  /**
   * a^b for computed a and b: an integer-valued constant b is an integer power;
   * a b that depends on a perturbation needs a > 0 (a^b = exp(b log a)).
   */
  pow(a: FieldNum, b: FieldNum): Val {
    if (!(b instanceof Dual)) {
      if (b.isInteger()) {
        if (b.e >= MAX_EXPONENT_DIGITS)
          return new NotDefined(`overflow: an integer exponent of more than ${MAX_EXPONENT_DIGITS} digits`, 'overflow');
        return this.powInt(a, BigInt(b.toFixed(0)));
      }
      return this.powReal(a, b);
    }
    // why: a constant base 0 with exponent b > 0 is 0 on a neighbourhood of b, so its value and every derivative are 0 (d/dx 0^(x^2+1) = 0)
    if (!(a instanceof Dual) && a.isZero() && realPart(b).gt(0)) return this.zero;
    if (!realPart(a).gt(0)) return new NotDefined('power with a variable exponent of a non-positive base', 'domain');
    const l = this.apply('log', a);
    if (l instanceof NotDefined) return l;
    const bl = this.mul(b, l);
    return bl instanceof NotDefined ? bl : this.apply('exp', bl);
  }

  /** f(a) for a built-in f; on a dual, f(re) + f'(re)·eps·ε (the chain rule, one step) */
  apply(fn: string, a: FieldNum): Val {
    if (!UNARY.has(fn)) throw new Error(`not a built-in function: ${fn}`);
    if (!(a instanceof Dual)) return this.base(fn as Unary, a);
    const re = this.apply(fn, a.re);
    if (re instanceof NotDefined) return re;
    const d = localDerivative(this, fn, a.re, re);
    if (d instanceof NotDefined) return d;
    const eps = this.mul(d, a.eps);
    return eps instanceof NotDefined ? eps : new Dual(a.tag, re, eps);
  }

  /** the two parts of a along tag t (a constant has tangent 0) */
  /** re + eps·ε_t */
  dual(t: number, re: FieldNum, eps: FieldNum): FieldNum {
    return new Dual(t, re, eps);
  }

  split(a: FieldNum, t: number): [FieldNum, FieldNum] {
    return a instanceof Dual && a.tag === t ? [a.re, a.eps] : [a, this.zero];
  }

  /** f(x) on a plain decimal, with f's domain checked first (exp and ln remembered: decimal-memo.ts) */
  private base(fn: Unary, x: Decimal): Val {
    this.meter.used += TRANSCENDENTAL_COST;
    return functionValue(fn, x, this);
  }
}
