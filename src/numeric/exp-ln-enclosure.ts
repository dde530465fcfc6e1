/**
 * exp and ln of a decimal, correctly rounded, computed cheaply where that is
 * certain: the same decimal that decimal.js's own `D.exp(x)` and `D.ln(x)`
 * return (documented as correctly rounded), at a small part of their cost (on
 * the seed derivation one call of decimal.js's ln at 50 digits cost about 5
 * million instructions at a cold start; this costs about a tenth of that).
 *
 * How: the value is enclosed in an interval of integers scaled by 10^W (W =
 * precision + GUARD digits), every operation rounded outward (floor for the
 * lower end, ceiling for the upper), every series' truncation bounded.
 * Both ends are then rounded by decimal.js itself (toSD with the
 * constructor's precision and rounding mode); when they round to the same
 * decimal, every point of the interval does (rounding is monotone), the
 * true value among them, so that decimal is the correctly rounded value.
 * Otherwise (the value lies too close to a rounding boundary, an exact
 * result such as ln(1), an argument outside the moderate range handled here)
 * the answer is undefined and the caller asks decimal.js (decimal-memo.ts).
 *
 * exp(a), |a| <= MAX_EXP_ARG: exp(a / 2^m), with a / 2^m <= 2^-8, by its
 * Taylor series, then squared m times; exp(-a) = 1 / exp(a).
 * ln(x), x in [MIN_LN_ARG, MAX_LN_ARG]: c = ln(x) to float64 accuracy as an
 * exact decimal, z = x exp(-c) (within about 1e-15 of 1), and
 * ln(x) = c + ln(z) = c + 2 atanh((z - 1)/(z + 1)), a series in u ~ 1e-15.
 */
import type { Decimal, DecimalConstructor } from './decimal.js';

/** why 30: the squarings of exp lose up to log10(2^11) ~ 3.3 digits and exp(-8) 4 more; 30 leaves 20 beyond the rounding digit, so an ambiguous case is rare (about 1e-20) */
const GUARD = 30;
/** why 8: larger arguments need more squarings (more digits lost); the checker's exp arguments are mostly small */
const MAX_EXP_ARG = 8;
/** why these: |ln x| <= 6.9, an exp argument within MAX_EXP_ARG */
const MIN_LN_ARG = 1e-3;
const MAX_LN_ARG = 1e3;
/** why: an argument with more digits than this is left to decimal.js (its text alone would cost) */
const MAX_ARG_DIGITS = 2000;
/** why: the exponent range the results need; a clone with a narrower one is left to decimal.js */
const MIN_EXPONENT_RANGE = 100;

/** a closed interval of integers, the values scaled by 10^W */
interface Scaled {
  readonly lo: bigint;
  readonly hi: bigint;
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
};

const ceilDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
};

/** |x| scaled by 10^W, enclosed (exact when x has at most W decimals); undefined for an argument too long */
function scaledMagnitude(x: Decimal, W: number): Scaled | undefined {
  if (x.sd() > MAX_ARG_DIGITS || x.e < -MAX_ARG_DIGITS) return undefined;
  const text = x.abs().toFixed();
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length <= W) {
    const v = BigInt(int + frac.padEnd(W, '0'));
    return { lo: v, hi: v };
  }
  const v = BigInt(int + frac.slice(0, W));
  return /^0*$/.test(frac.slice(W)) ? { lo: v, hi: v } : { lo: v, hi: v + 1n };
}

/** exp(a) for a in [A.lo, A.hi] / S, 0 <= a <= MAX_EXP_ARG, enclosed at scale S */
function expOfNonNegative(A: Scaled, S: bigint): Scaled | undefined {
  const top = Number(A.hi / S) + 1;
  let m = 0;
  // a / 2^m <= 2^-8
  while (2 ** (m - 8) < top) m++;
  const two = 1n << BigInt(m);
  const yLo = A.lo >> BigInt(m);
  const yHi = (A.hi + two - 1n) >> BigInt(m);
  if (yHi * 256n > S) return undefined;
  // the Taylor series: every term positive, so the truncated sum of lower terms is a lower bound
  let lo = S;
  let t = S;
  for (let k = 1n; t > 0n; k++) {
    t = (t * yLo) / (k * S);
    lo += t;
  }
  let hi = S;
  t = S;
  for (let k = 1n; t > 1n; k++) {
    t = ceilDiv(t * yHi, k * S);
    hi += t;
  }
  // the tail after the last term t (<= 1): at most t (y / (k + 1)) / (1 - y / (k + 1)) < t, as y <= 2^-8
  hi += 1n;
  for (let i = 0; i < m; i++) {
    lo = (lo * lo) / S;
    hi = ceilDiv(hi * hi, S);
  }
  return { lo, hi };
}

/** exp(v) for v = sign * [A.lo, A.hi] / S, enclosed at scale S */
function expEnclosure(A: Scaled, negative: boolean, S: bigint): Scaled | undefined {
  const e = expOfNonNegative(A, S);
  if (!e || e.lo <= 0n) return undefined;
  if (!negative) return e;
  // exp(-a) = 1 / exp(a), decreasing: the ends swap
  return { lo: (S * S) / e.hi, hi: ceilDiv(S * S, e.lo) };
}

/** atanh(u) for u = U / S with |u| <= 1e-10, a lower (`up` false) or upper bound at scale S */
function atanhBound(U: bigint, S: bigint, up: boolean): bigint {
  // odd: a lower bound of atanh(-v) is minus an upper bound of atanh(v)
  if (U < 0n) return -atanhBound(-U, S, !up);
  const S2 = S * S;
  const U2 = U * U;
  let sum = U;
  let p = U;
  for (let k = 3n; up ? p > 1n : p > 0n; k += 2n) {
    p = up ? ceilDiv(p * U2, S2) : (p * U2) / S2;
    sum += up ? ceilDiv(p, k) : p / k;
  }
  // the tail after the last power p (<= 1): at most p u^2 / (1 - u^2) < 1
  return up ? sum + 1n : sum;
}

/** ln(x) for x in [X.lo, X.hi] / S, x within [MIN_LN_ARG, MAX_LN_ARG], enclosed at scale S */
function lnEnclosure(x: Decimal, X: Scaled, W: number, S: bigint): Scaled | undefined {
  // c: ln(x) to about 16 digits, as an exact decimal of 20 decimals (any exact c will do; a near one is cheap)
  const c = Math.log(x.toNumber());
  if (!Number.isFinite(c)) return undefined;
  const C = BigInt(c.toFixed(20).replace('.', '')) * 10n ** BigInt(W - 20);
  const E = expEnclosure({ lo: C < 0n ? -C : C, hi: C < 0n ? -C : C }, C > 0n, S);
  if (!E) return undefined;
  // z = x exp(-c), close to 1; ln z = 2 atanh(u), u = (z - 1)/(z + 1), increasing in z
  const zLo = (X.lo * E.lo) / S;
  const zHi = ceilDiv(X.hi * E.hi, S);
  const uLo = floorDiv((zLo - S) * S, zLo + S);
  const uHi = ceilDiv((zHi - S) * S, zHi + S);
  const small = S / 10n ** 10n;
  if (uLo < -small || uHi > small) return undefined;
  return { lo: C + 2n * atanhBound(uLo, S, false), hi: C + 2n * atanhBound(uHi, S, true) };
}

/** the decimal both ends of the enclosure round to in D, if they round to the same */
function roundedIfCertain(D: DecimalConstructor, v: Scaled | undefined, W: number): Decimal | undefined {
  if (!v) return undefined;
  const lo = new D(`${v.lo}e-${W}`).toSD(D.precision, D.rounding);
  const hi = new D(`${v.hi}e-${W}`).toSD(D.precision, D.rounding);
  return lo.eq(hi) ? lo : undefined;
}

/** whether D's settings are ones this module serves */
const served = (D: DecimalConstructor): boolean =>
  Number.isInteger(D.precision) && D.minE <= -MIN_EXPONENT_RANGE && D.maxE >= MIN_EXPONENT_RANGE;

/** exp(x) correctly rounded in D (as D.exp(x)), or undefined where this module cannot be certain */
export function certainExp(D: DecimalConstructor, x: Decimal): Decimal | undefined {
  if (!served(D) || !x.isFinite() || x.isZero() || x.abs().gt(MAX_EXP_ARG)) return undefined;
  const W = D.precision + GUARD;
  const S = 10n ** BigInt(W);
  const A = scaledMagnitude(x, W);
  return A && roundedIfCertain(D, expEnclosure(A, x.isNegative(), S), W);
}

/** ln(x) correctly rounded in D (as D.ln(x)), or undefined where this module cannot be certain */
export function certainLn(D: DecimalConstructor, x: Decimal): Decimal | undefined {
  if (!served(D) || !x.isFinite() || x.lt(MIN_LN_ARG) || x.gt(MAX_LN_ARG) || x.eq(1)) return undefined;
  const W = D.precision + GUARD;
  const S = 10n ** BigInt(W);
  const X = scaledMagnitude(x, W);
  return X && roundedIfCertain(D, lnEnclosure(x, X, W, S), W);
}
