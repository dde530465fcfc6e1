/**
 * Rigorous enclosures: closed intervals [lo, hi] of decimals at a precision,
 * every operation rounded outward, so that the true value of an expression
 * at a point always lies inside the interval its evaluation returns.
 *
 * Arithmetic (+, -, *, /) is rounded by decimal.js itself in the direction
 * needed (two private clones, ROUND_FLOOR for lower ends and ROUND_CEIL for
 * upper ends), which decimal.js does exactly. Transcendental functions are
 * computed at GUARD_DIGITS more digits with rounding to nearest and then
 * widened by FUNCTION_SLACK units of the last of those digits before the
 * outward rounding: decimal.js documents exp, ln and sqrt as correctly
 * rounded and the others as within 1 ulp, so the slack is a margin of
 * several orders. On an interval each function uses its monotonicity, and
 * sin, cos and cosh also their extrema inside it.
 *
 * Undefinedness is three-valued: `undefined` (certain: the whole interval is
 * outside the function's domain, such as log of an interval <= 0), a value
 * (certainly defined), or `uncertain` (the interval straddles a domain
 * boundary, or a pole of tan). Exponents run to decimal.js's +-9e15, so
 * nothing overflows below 10^(9e15).
 */
import { Decimal, type DecimalConstructor, decimalClone } from './decimal.js';
import type { Rational } from '../ir/rational.js';
import { MAX_TRIG_ARGUMENT } from './bounds.js';
import { memoExp, memoLn } from './decimal-memo.js';
import { asinGuarded, hyperbolic, tanhGuarded } from './field-functions.js';

/** extra digits at which transcendental functions are computed before rounding outward */
const GUARD_DIGITS = 10;
/** why: decimal.js's functions err by at most 1 ulp; the enclosure allows this many ulps of the guarded precision */
const FUNCTION_SLACK = 100;
/** decimal.js's exponent range, the whole of it */
const EXPONENT_LIMIT = 9e15;
/** why: decimal.js reduces trig arguments with a pi of 1025 digits; beyond this precision it refuses */
const MAX_TRIG_PRECISION = 1000;

export class Interval {
  constructor(
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}
}

/** why a function has no value on (part of) an interval */
export type IntervalFailure =
  | { readonly kind: 'undefined'; readonly reason: string }
  | { readonly kind: 'uncertain'; readonly reason: string }
  /** a value that exists but lies beyond decimal.js's exponent range: a limit of the arithmetic, no doubt about definedness */
  | { readonly kind: 'overflow'; readonly reason: string };

export type IVal = Interval | IntervalFailure;

export const isFailure = (v: IVal): v is IntervalFailure => !(v instanceof Interval);

const undef = (reason: string): IntervalFailure => ({ kind: 'undefined', reason });
const unsure = (reason: string): IntervalFailure => ({ kind: 'uncertain', reason });
const beyond = (reason: string): IntervalFailure => ({ kind: 'overflow', reason });

/** why: at the point 0 these are exact; sin(0) in [-1e-57, 1e-57] left sqrt(sin(x)) uncertain at x = 0 */
const EXACT_AT_ZERO = new Map(Object.entries({ sin: '0', tan: '0', cos: '1', cosh: '1', exp: '1', sigma: '0.5' }));

/** interval arithmetic at one precision */

export class IntervalMath {
  /** rounds down */
  readonly Dn: DecimalConstructor;
  /** rounds up */
  readonly Up: DecimalConstructor;
  /** rounds to nearest at precision + GUARD_DIGITS, for the functions */
  readonly N: DecimalConstructor;
  readonly zero: Interval;
  readonly one: Interval;
  private piCache: Interval | undefined;
  private eCache: Interval | undefined;
  private readonly trigMax: Decimal;
  private readonly slack: Decimal;
  /** ln(10) * 9e15: exp of anything larger overflows decimal.js */
  private readonly expMax: Decimal;

  constructor(readonly precision: number) {
    const common = { maxE: EXPONENT_LIMIT, minE: -EXPONENT_LIMIT, toExpNeg: -30, toExpPos: 30 };
    this.Dn = decimalClone({ ...common, precision, rounding: Decimal.ROUND_FLOOR });
    this.Up = decimalClone({ ...common, precision, rounding: Decimal.ROUND_CEIL });
    this.N = decimalClone({ ...common, precision: precision + GUARD_DIGITS, rounding: Decimal.ROUND_HALF_EVEN });
    this.zero = this.point(new this.Dn(0));
    this.one = this.point(new this.Dn(1));
    this.trigMax = new this.N(MAX_TRIG_ARGUMENT);
    this.slack = new this.N(FUNCTION_SLACK).times(new this.N(10).pow(-(precision + GUARD_DIGITS - 1)));
    this.expMax = new this.N('2.07e16');
  }

  point(x: Decimal): Interval {
    return new Interval(x, x);
  }

  /** the enclosure of an exact rational or decimal text */
  real(v: string | number | Rational): Interval {
    if (typeof v !== 'object') {
      const lo = new this.Dn(v);
      const hi = new this.Up(v);
      // the constructor keeps every digit of the text; round each end outward to the precision
      return new Interval(lo.toSD(this.precision, Decimal.ROUND_FLOOR), hi.toSD(this.precision, Decimal.ROUND_CEIL));
    }
    const n = v.n.toString();
    if (v.d === 1n) return this.real(n);
    const d = v.d.toString();
    return new Interval(this.Dn.div(n, d), this.Up.div(n, d));
  }

  /** [x, x] for a decimal already at most `precision` digits, else rounded outward */
  fromDecimal(x: Decimal): Interval {
    return new Interval(new this.Dn(x).toSD(this.precision, 3), new this.Up(x).toSD(this.precision, 2));
  }

  pi(): Interval {
    this.piCache ??= this.widen(this.N.acos(-1));
    return this.piCache;
  }

  e(): Interval {
    this.eCache ??= this.widen(this.N.exp(1));
    return this.eCache;
  }

  add(a: Interval, b: Interval): Interval {
    return new Interval(this.Dn.add(a.lo, b.lo), this.Up.add(a.hi, b.hi));
  }

  neg(a: Interval): Interval {
    return new Interval(a.hi.neg(), a.lo.neg());
  }

  sub(a: Interval, b: Interval): Interval {
    return new Interval(this.Dn.sub(a.lo, b.hi), this.Up.sub(a.hi, b.lo));
  }

  mul(a: Interval, b: Interval): Interval {
    const Dn = this.Dn;
    const Up = this.Up;
    if (a.lo.gte(0) && b.lo.gte(0)) return new Interval(Dn.mul(a.lo, b.lo), Up.mul(a.hi, b.hi));
    if (a.hi.lte(0) && b.hi.lte(0)) return new Interval(Dn.mul(a.hi, b.hi), Up.mul(a.lo, b.lo));
    if (a.lo.gte(0) && b.hi.lte(0)) return new Interval(Dn.mul(a.hi, b.lo), Up.mul(a.lo, b.hi));
    if (a.hi.lte(0) && b.lo.gte(0)) return new Interval(Dn.mul(a.lo, b.hi), Up.mul(a.hi, b.lo));
    const los = [Dn.mul(a.lo, b.lo), Dn.mul(a.lo, b.hi), Dn.mul(a.hi, b.lo), Dn.mul(a.hi, b.hi)];
    const his = [Up.mul(a.lo, b.lo), Up.mul(a.lo, b.hi), Up.mul(a.hi, b.lo), Up.mul(a.hi, b.hi)];
    return new Interval(this.Dn.min(...los), this.Up.max(...his));
  }

  /** 1/a: undefined when a = [0, 0], uncertain when 0 is inside a */
  recip(a: Interval, reason = 'division by zero'): IVal {
    if (a.lo.isZero() && a.hi.isZero()) return undef(reason);
    if (a.lo.lte(0) && a.hi.gte(0)) return unsure(reason);
    return new Interval(this.Dn.div(1, a.hi), this.Up.div(1, a.lo));
  }

  /** true when every number of a is 0 */
  isZero(a: Interval): boolean {
    return a.lo.isZero() && a.hi.isZero();
  }

  /** true when a contains 0 */
  hasZero(a: Interval): boolean {
    return a.lo.lte(0) && a.hi.gte(0);
  }

  /** max |x| over a */
  mag(a: Interval): Decimal {
    return this.Up.max(a.lo.abs(), a.hi.abs());
  }

  /** min |x| over a */
  mig(a: Interval): Decimal {
    if (this.hasZero(a)) return new this.Dn(0);
    return this.Dn.min(a.lo.abs(), a.hi.abs());
  }

  /** the interval around a guarded value v, widened by the function slack and rounded outward */
  private widen(v: Decimal, absolute?: Decimal): Interval {
    let err = v.abs().times(this.slack);
    if (absolute) err = err.plus(absolute);
    return new Interval(this.Dn.sub(v, err), this.Up.add(v, err));
  }

  /** the enclosure of f on [lo, hi] for an increasing f computed at guarded precision */
  private increasing(a: Interval, f: (x: Decimal) => Decimal, absolute?: Decimal): Interval {
    const atLo = this.widen(f(a.lo), absolute);
    if (a.lo.eq(a.hi)) return atLo;
    return new Interval(atLo.lo, this.widen(f(a.hi), absolute).hi);
  }

  private hull(a: Interval, b: Interval): Interval {
    return new Interval(this.Dn.min(a.lo, b.lo), this.Up.max(a.hi, b.hi));
  }

  private clamp(a: Interval, lo: number, hi: number): Interval {
    return new Interval(this.Dn.max(a.lo, lo), this.Up.min(a.hi, hi));
  }

  exp(a: Interval): IVal {
    // beyond it exp overflows, or underflows to 0 (which would claim a positive number is 0)
    if (this.mag(a).gt(this.expMax)) return beyond('exp beyond the exponent range 9e15');
    const N = this.N;
    const r = this.increasing(a, (x) => memoExp(N, x));
    return new Interval(this.Dn.max(r.lo, 0), r.hi);
  }

  log(a: Interval): IVal {
    if (a.hi.lte(0)) return undef('log of a non-positive number');
    if (a.lo.lte(0)) return unsure('log of an interval reaching 0');
    const N = this.N;
    return this.increasing(a, (x) => memoLn(N, x));
  }

  sqrt(a: Interval): IVal {
    if (a.hi.lt(0)) return undef('square root of a negative number');
    if (a.lo.lt(0)) return unsure('square root of an interval reaching below 0');
    const N = this.N;
    const r = this.increasing(a, (x) => N.sqrt(x));
    return new Interval(this.Dn.max(r.lo, 0), r.hi);
  }

  atan(a: Interval): IVal {
    const N = this.N;
    return this.increasing(a, (x) => N.atan(x));
  }

  asin(a: Interval): IVal {
    return this.arc(a, 'asin');
  }

  acos(a: Interval): IVal {
    return this.arc(a, 'acos');
  }

  private arc(a: Interval, fn: 'asin' | 'acos'): IVal {
    if (a.lo.gt(1) || a.hi.lt(-1)) return undef(`${fn} of a number outside [-1, 1]`);
    if (a.lo.lt(-1) || a.hi.gt(1)) return unsure(`${fn} of an interval reaching outside [-1, 1]`);
    if (this.precision + GUARD_DIGITS > MAX_TRIG_PRECISION) return unsure(`${fn} beyond ${MAX_TRIG_PRECISION} digits`);
    const N = this.N;
    if (fn === 'asin') return this.increasing(a, (x) => asinGuarded(N, x));
    const r = this.increasing(this.neg(a), (x) => N.acos(x.neg()));
    return new Interval(this.Dn.max(r.lo, 0), r.hi);
  }

  /** sinh, increasing; tanh and sigma through exp(-|x|), as the 50-digit field computes them */
  sinh(a: Interval): IVal {
    if (this.mag(a).gt(this.expMax)) return beyond('sinh beyond the exponent range');
    const N = this.N;
    return this.increasing(a, (x) => hyperbolic(N, 'sinh', x));
  }

  cosh(a: Interval): IVal {
    if (this.mag(a).gt(this.expMax)) return beyond('cosh beyond the exponent range');
    const N = this.N;
    const at = (x: Decimal): Interval => this.widen(hyperbolic(N, 'cosh', x));
    let r = this.hull(at(a.lo), at(a.hi));
    if (this.hasZero(a)) r = new Interval(new this.Dn(1), r.hi);
    return new Interval(this.Dn.max(r.lo, 1), r.hi);
  }

  tanh(a: Interval): IVal {
    if (this.mag(a).gt(this.expMax)) return beyond('tanh beyond the exponent range');
    const N = this.N;
    const f = (x: Decimal): Decimal => tanhGuarded(N, x);
    return this.clamp(this.increasing(a, f), -1, 1);
  }

  sigma(a: Interval): IVal {
    // exp(-|x|) must not underflow to 0: sigma(x) > 0 for every x
    if (this.mag(a).gt(this.expMax)) return beyond('sigma beyond the exponent range');
    const N = this.N;
    const f = (x: Decimal): Decimal => {
      const t = memoExp(N, x.abs().neg());
      return x.lt(0) ? t.div(N.add(1, t)) : N.div(1, N.add(1, t));
    };
    return this.clamp(this.increasing(a, f), 0, 1);
  }

  sin(a: Interval): IVal {
    return this.trig(a, 'sin');
  }

  cos(a: Interval): IVal {
    return this.trig(a, 'cos');
  }

  /**
   * sin or cos on [lo, hi]: the hull of the ends' values and of +-1 at each
   * extremum (pi/2 + k pi for sin, k pi for cos) that may lie inside
   */
  private trig(a: Interval, fn: 'sin' | 'cos'): IVal {
    if (this.mag(a).gt(this.trigMax)) return unsure(`${fn} of a number of magnitude above ${MAX_TRIG_ARGUMENT}`);
    if (this.precision + GUARD_DIGITS > MAX_TRIG_PRECISION) return unsure(`${fn} beyond ${MAX_TRIG_PRECISION} digits`);
    const N = this.N;
    if (this.Up.sub(a.hi, a.lo).gt(6)) return new Interval(new this.Dn(-1), new this.Dn(1));
    // the absolute slack covers the reduction of a large argument by a multiple of pi
    const abs = this.Up.add(this.mag(a), 1).times(this.slack);
    const at = (x: Decimal): Interval => this.widen(fn === 'sin' ? N.sin(x) : N.cos(x), abs);
    let r = this.hull(at(a.lo), at(a.hi));
    const pi = this.pi();
    const half = new Interval(this.Dn.div(pi.lo, 2), this.Up.div(pi.hi, 2));
    const offset = fn === 'sin' ? half : this.zero;
    // k of the extremum just below lo, approximately; the exact test below is conservative
    const k0 = BigInt(
      N.sub(a.lo, N.add(offset.lo, offset.hi).div(2)).div(N.add(pi.lo, pi.hi).div(2)).floor().toFixed(0),
    );
    for (let k = k0 - 1n; k <= k0 + 3n; k++) {
      const kk = new Interval(new this.Dn(k.toString()), new this.Dn(k.toString()));
      const c = this.add(offset, this.mul(kk, pi));
      if (c.hi.gte(a.lo) && c.lo.lte(a.hi)) {
        const v = k % 2n === 0n ? 1 : -1;
        r = this.hull(r, this.point(new this.Dn(v)));
      }
    }
    return this.clamp(r, -1, 1);
  }

  /** tan = sin/cos, increasing between its poles; uncertain when a pole may lie in the interval */
  tan(a: Interval): IVal {
    const c = this.cos(a);
    if (isFailure(c)) return c;
    if (this.hasZero(c)) return unsure('tan of an interval that may contain a pole (cos x = 0)');
    const N = this.N;
    const abs = this.Up.add(this.mag(a), 1).times(this.slack);
    // between two poles tan is increasing; its value's error grows like 1/cos^2
    const f = (x: Decimal): Interval => {
      const cx = N.cos(x);
      const err = abs.div(cx.times(cx));
      return this.widen(N.sin(x).div(cx), err);
    };
    return new Interval(f(a.lo).lo, f(a.hi).hi);
  }

  /** a^k for an integer k >= 0, by repeated squaring; even powers are >= 0 */
  powInt(a: Interval, k: bigint): Interval {
    if (k === 0n) return this.one;
    if (k % 2n === 0n) {
      // |a|^k: monotone on [mig, mag]
      const m = new Interval(this.mig(a), this.mag(a));
      return this.powPositive(m, k);
    }
    if (a.lo.gte(0)) return this.powPositive(a, k);
    if (a.hi.lte(0)) return this.neg(this.powPositive(this.neg(a), k));
    const p = this.powPositive(new Interval(new this.Dn(0), this.mag(a)), k);
    return new Interval(this.neg(this.powPositive(new Interval(new this.Dn(0), a.lo.neg()), k)).lo, p.hi);
  }

  /** a^k for a >= 0 and k >= 1 */
  private powPositive(a: Interval, k: bigint): Interval {
    let result: Interval = this.one;
    let base = a;
    let e = k;
    while (e > 0n) {
      if (e & 1n) result = this.mul(result, base);
      e >>= 1n;
      if (e > 0n) base = this.mul(base, base);
    }
    return result;
  }

  apply(fn: string, a: Interval): IVal {
    const exact = this.isZero(a) ? EXACT_AT_ZERO.get(fn) : undefined;
    if (exact !== undefined) return this.real(exact);
    switch (fn) {
      case 'exp':
        return this.exp(a);
      case 'log':
        return this.log(a);
      case 'sqrt':
        return this.sqrt(a);
      case 'sin':
        return this.sin(a);
      case 'cos':
        return this.cos(a);
      case 'tan':
        return this.tan(a);
      case 'sinh':
        return this.sinh(a);
      case 'cosh':
        return this.cosh(a);
      case 'tanh':
        return this.tanh(a);
      case 'asin':
        return this.asin(a);
      case 'acos':
        return this.acos(a);
      case 'atan':
        return this.atan(a);
      case 'sigma':
        return this.sigma(a);
      default:
        throw new Error(`not a built-in function: ${fn}`);
    }
  }
}
