/**
 * The evaluator's arithmetic over enclosures: intervals (interval.ts) and
 * tagged dual numbers over them, the same forward-mode differentiation as
 * the 50-digit field (field.ts), so `diff` gets enclosures too.
 *
 * Undefinedness is three-valued: the marker with cause `domain` means the
 * value certainly does not exist (log of an interval <= 0), `uncertain` that
 * it may or may not (the interval straddles the boundary), `singular` that a
 * derivative met an infinite local derivative (never settled); a number
 * means the value certainly exists and lies in the enclosure.
 */
import type { Rational } from '../ir/rational.js';
import { MAX_EXPONENT_DIGITS, MAX_INTEGER_EXPONENT, TRANSCENDENTAL_COST } from './bounds.js';
import { bigIntegerPower } from './big-power.js';
import type { Arith } from './evaluate.js';
import type { WorkMeter } from './numbers.js';
import { NotDefined, type NotDefinedCause } from './undefined.js';
import {
  type DualParts,
  dualProduct,
  dualReciprocal,
  dualSum,
  localDerivative,
  powerBySquaring,
} from './dual-rules.js';
import { type IntervalFailure, type IVal, Interval, IntervalMath, isFailure } from './interval.js';

/**
 * why 10: decimal.js's asin, acos and atan cost about ten times its exp, ln
 * and sin at every precision (measured 2026-12-07: asin 2.8 ms at 50 digits
 * and 100 ms at 400, exp 0.8 and 11 ms), so the work meter charges them as
 * ten calls: points whose enclosures climbed the ladder through them
 * (tan(asin(sin(x))) at 400 digits) took 22 s of a compare whose
 * certification budget is meant as a few seconds. A point cut short is a
 * doubt (compare.ts), never an agreement.
 */
const INVERSE_TRIG_FACTOR = 10;
const INVERSE_TRIG: ReadonlySet<string> = new Set(['asin', 'acos', 'atan']);

/** re + eps·ε_tag over enclosures */
export class IDual {
  constructor(
    readonly tag: number,
    readonly re: INum,
    readonly eps: INum,
  ) {}
}

export type INum = Interval | IDual;
export type IValue = INum | NotDefined;

const tagOf = (a: INum): number => (a instanceof IDual ? a.tag : 0);

/** the innermost real part */
export function realEnclosure(a: INum): Interval {
  while (a instanceof IDual) a = a.re;
  return a;
}

/** the sign of an enclosure's real part: undefined when it holds 0 and another number */
const enclosureSign = (a: INum): -1 | 0 | 1 | undefined => {
  const r = realEnclosure(a);
  if (r.lo.gt(0)) return 1;
  if (r.hi.lt(0)) return -1;
  return r.lo.isZero() && r.hi.isZero() ? 0 : undefined;
};

const marker = (f: IntervalFailure): NotDefined => new NotDefined(f.reason, f.kind === 'undefined' ? 'domain' : f.kind);
const lift = (v: IVal): IValue => (isFailure(v) ? marker(v) : v);

/** one IntervalMath per precision, shared (decimal.js clones are configuration only; pi and e are cached) */
const MATHS = new Map<number, IntervalMath>();
function intervalMath(precision: number): IntervalMath {
  let m = MATHS.get(precision);
  if (!m) {
    m = new IntervalMath(precision);
    MATHS.set(precision, m);
  }
  return m;
}

/** enclosures at one precision, with duals over them */
export class EnclosureField implements Arith<INum>, DualParts<INum> {
  /** abs, max and min on enclosures (absEnclosure, maxMinEnclosure) */
  corner(fn: 'abs' | 'max' | 'min', a: INum, b: INum | undefined): IValue {
    return fn === 'abs' ? absEnclosure(this, a) : maxMinEnclosure(this, fn, a, b!);
  }
  readonly m: IntervalMath;
  readonly zero: Interval;
  readonly one: Interval;
  private readonly rationals = new Map<string, Interval>();
  /** the work units of one function call on an interval at this precision */
  private readonly callCost: number;

  constructor(
    readonly precision: number,
    readonly meter: WorkMeter,
  ) {
    this.m = intervalMath(precision);
    this.callCost = 2 * TRANSCENDENTAL_COST * Math.max(1, Math.ceil((precision / 50) ** 2));
    this.zero = this.m.zero;
    this.one = this.m.one;
  }

  real(v: string | number | Rational): Interval {
    if (typeof v !== 'object') return this.m.real(v);
    const key = `${v.n}/${v.d}`;
    let r = this.rationals.get(key);
    if (!r) {
      r = this.m.real(v);
      this.rationals.set(key, r);
    }
    return r;
  }

  pi(): Interval {
    return this.m.pi();
  }

  e(): Interval {
    return this.m.e();
  }

  seed(tag: number, at: INum): INum {
    return new IDual(tag, at, this.one);
  }

  tangent(v: INum, tag: number): INum {
    return v instanceof IDual && v.tag === tag ? v.eps : this.zero;
  }

  dual(t: number, re: INum, eps: INum): INum {
    return new IDual(t, re, eps);
  }

  split(a: INum, t: number): [INum, INum] {
    return a instanceof IDual && a.tag === t ? [a.re, a.eps] : [a, this.zero];
  }

  add(a: INum, b: INum): IValue {
    this.meter.used++;
    const t = Math.max(tagOf(a), tagOf(b));
    if (t === 0) return this.m.add(a as Interval, b as Interval);
    return dualSum(this, a, b, t);
  }

  neg(a: INum): INum {
    if (a instanceof IDual) return new IDual(a.tag, this.neg(a.re), this.neg(a.eps));
    return this.m.neg(a);
  }

  sub(a: INum, b: INum): IValue {
    return this.add(a, this.neg(b));
  }

  mul(a: INum, b: INum): IValue {
    this.meter.used++;
    const t = Math.max(tagOf(a), tagOf(b));
    if (t === 0) return this.m.mul(a as Interval, b as Interval);
    return dualProduct(this, a, b, t);
  }

  /** 1/a; a singular cause stays singular (a derivative's pole), a domain cause is certain or uncertain */
  recip(a: INum, reason = 'division by zero', cause: NotDefinedCause = 'domain'): IValue {
    const singular = cause === 'singular';
    this.meter.used++;
    if (!(a instanceof IDual)) {
      const r = this.m.recip(a, reason);
      if (isFailure(r) && singular) return new NotDefined(reason, r.kind === 'undefined' ? 'singular' : 'uncertain');
      return lift(r);
    }
    return dualReciprocal(this, a.tag, a.re, a.eps, reason, cause);
  }

  div(a: INum, b: INum): IValue {
    const r = this.recip(b);
    return r instanceof NotDefined ? r : this.mul(a, r);
  }

  powInt(a: INum, k: bigint): IValue {
    const limit = BigInt(MAX_INTEGER_EXPONENT);
    if (k > limit || k < -limit) return bigIntegerPower(this, enclosureSign, a, k);
    if (k < 0n) {
      const p = this.powInt(a, -k);
      return p instanceof NotDefined ? p : this.recip(p);
    }
    // a plain interval: the tight enclosure (even powers are >= 0)
    if (!(a instanceof IDual)) {
      this.meter.used += 2;
      return this.m.powInt(a, k);
    }
    return powerBySquaring(this, a, k);
  }

  /** a^r for a non-integer constant r (an enclosure of it), as the field defines it */
  powReal(a: INum, r: Interval): IValue {
    const base = realEnclosure(a);
    if (base.hi.lt(0)) return new NotDefined('non-integer power of a negative number', 'domain');
    const rPositive = r.lo.gt(0);
    const rNegative = r.hi.lt(0);
    if (this.m.isZero(base)) {
      if (rNegative) return new NotDefined('0 to a negative power', 'domain');
      if (!rPositive) return new NotDefined('0 to a power that may be negative', 'uncertain');
      if (!(a instanceof IDual)) return this.zero;
      const re = this.powReal(a.re, r);
      if (re instanceof NotDefined) return re;
      if (r.hi.lt(1)) return new NotDefined('a power below 1 is not differentiable at 0', 'singular');
      if (!r.lo.gte(1)) return new NotDefined('a power near 1 at 0', 'uncertain');
      const d = this.powReal(a.re, this.m.sub(r, this.one));
      if (d instanceof NotDefined) return d;
      const rd = this.mul(d, r);
      if (rd instanceof NotDefined) return rd;
      const eps = this.mul(rd, a.eps);
      return eps instanceof NotDefined ? eps : new IDual(a.tag, re, eps);
    }
    if (!base.lo.gt(0)) {
      // 0 is inside: [0, hi^r] for a plain base and r > 0, else unsettled
      if (base.lo.isZero() && rPositive && !(a instanceof IDual)) {
        const top = this.powReal(new Interval(base.hi, base.hi), r);
        if (top instanceof NotDefined) return top;
        return new Interval(this.zero.lo, realEnclosure(top).hi);
      }
      return new NotDefined('a non-integer power of an interval reaching 0', 'uncertain');
    }
    const l = this.apply('log', a);
    if (l instanceof NotDefined) return l;
    const rl = this.mul(l, r);
    return rl instanceof NotDefined ? rl : this.apply('exp', rl);
  }

  powRational(a: INum, r: Rational): IValue {
    if (r.d === 1n) return this.powInt(a, r.n);
    return this.powReal(a, this.real(r));
  }

  /** a^b for computed a and b, as DecimalField.pow defines it */
  pow(a: INum, b: INum): IValue {
    if (!(b instanceof IDual)) {
      if (b.lo.eq(b.hi) && b.lo.isInteger()) {
        if (b.lo.e >= MAX_EXPONENT_DIGITS)
          return new NotDefined(`an integer exponent of more than ${MAX_EXPONENT_DIGITS} digits`, 'uncertain');
        return this.powInt(a, BigInt(b.lo.toFixed(0)));
      }
      // an exponent that may or may not be an integer: settled only for a positive base
      const floorLo = b.lo.floor();
      const containsInteger = floorLo.eq(b.lo) || floorLo.plus(1).lte(b.hi);
      if (containsInteger && !realEnclosure(a).lo.gt(0))
        return new NotDefined('a power whose exponent may be an integer', 'uncertain');
      return this.powReal(a, b);
    }
    const base = realEnclosure(a);
    const bre = realEnclosure(b);
    if (!(a instanceof IDual) && this.m.isZero(base) && bre.lo.gt(0)) return this.zero;
    if (base.hi.lte(0) && !(this.m.isZero(base) && !(a instanceof IDual) && this.m.hasZero(bre)))
      return new NotDefined('power with a variable exponent of a non-positive base', 'domain');
    if (!base.lo.gt(0)) return new NotDefined('power with a variable exponent of a base reaching 0', 'uncertain');
    const l = this.apply('log', a);
    if (l instanceof NotDefined) return l;
    const bl = this.mul(b, l);
    return bl instanceof NotDefined ? bl : this.apply('exp', bl);
  }

  apply(fn: string, a: INum): IValue {
    if (!(a instanceof IDual)) {
      this.meter.used += INVERSE_TRIG.has(fn) ? INVERSE_TRIG_FACTOR * this.callCost : this.callCost;
      return lift(this.m.apply(fn, a));
    }
    const re = this.apply(fn, a.re);
    if (re instanceof NotDefined) return re;
    const d = localDerivative(this, fn, a.re, re);
    if (d instanceof NotDefined) return d;
    const eps = this.mul(d, a.eps);
    return eps instanceof NotDefined ? eps : new IDual(a.tag, re, eps);
  }
}

/**
 * |a| on enclosures, as main's corners.ts defines abs on the field: a plain
 * number at the corner has its value; one carrying a perturbation there is
 * undefined (certainly when a's real part is exactly [0, 0], uncertain when
 * 0 is merely inside). For the merge with main's abs/max/min.
 */
export function absEnclosure(f: EnclosureField, a: INum): IValue {
  const r = realEnclosure(a);
  if (r.lo.gt(0)) return a;
  if (r.hi.lt(0)) return f.neg(a);
  if (a instanceof IDual)
    // singular, not domain: x abs(x) is differentiable at 0 (corners.ts)
    return new NotDefined('abs is not differentiable at 0 (a corner)', f.m.isZero(r) ? 'singular' : 'uncertain');
  return new Interval(f.zero.lo, f.m.mag(r));
}

/** max(a, b) or min(a, b) on enclosures (corners as absEnclosure) */
export function maxMinEnclosure(f: EnclosureField, fn: 'max' | 'min', a: INum, b: INum): IValue {
  const x = realEnclosure(a);
  const y = realEnclosure(b);
  const aAbove = x.lo.gt(y.hi);
  const bAbove = y.lo.gt(x.hi);
  if (aAbove || bAbove) return aAbove === (fn === 'max') ? a : b;
  if (a instanceof IDual || b instanceof IDual) {
    const equal = x.lo.eq(x.hi) && y.lo.eq(y.hi) && x.lo.eq(y.lo);
    return new NotDefined(
      `${fn} is not differentiable where its arguments are equal (a corner)`,
      equal ? 'singular' : 'uncertain',
    );
  }
  const m = f.m;
  return fn === 'max'
    ? new Interval(m.Dn.max(x.lo, y.lo), m.Up.max(x.hi, y.hi))
    : new Interval(m.Dn.min(x.lo, y.lo), m.Up.min(x.hi, y.hi));
}
