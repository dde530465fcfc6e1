/**
 * Exact facts about real numbers too large to compute: a number is known
 * exactly (a rational of at most MAX_BOUND_BITS bits), as a whole number
 * known only by its sign, a lower bound of its size and its parity
 * (10^(10^10): positive, even, at least 10^1000), or only between two
 * rational bounds (2^(10^(10^10)) >= 2^4096). Every operation is exact
 * rational arithmetic; a bound that grows past MAX_BOUND_BITS is moved
 * outward, never rounded inward. So "these two numbers differ" here is a
 * proof, used to refute a step (exact-refutation.ts), never to prove one.
 */
import { type Rational, ONE, ZERO, radd, rat, rcmp, rdiv, requal, rmul, rneg, rpow, rsign } from '../ir/rational.js';

/** why: 4096 bits (about 1233 digits) keep every product of two bounds fast, and a^k past it is far beyond any value it is compared with */
const MAX_BOUND_BITS = 4096n;
/** why: powers of bounds up to the 64th are multiplied out; beyond, only the size and the sign are kept */
const MAX_BOUNDS_POWER = 64n;

type Parity = 0n | 1n | undefined;
/** a real number in [lo, hi] (undefined ends are infinite), and its strict sign when known (1: > 0, -1: < 0) */
export interface Bounds {
  readonly lo: Rational | undefined;
  readonly hi: Rational | undefined;
  readonly sign: 1 | -1 | undefined;
}
/** what is known of a number: exactly; a whole number by sign, |N| >= atLeast >= 1 and parity; or bounds */
export type Known =
  | { readonly kind: 'exact'; readonly value: Rational }
  | { readonly kind: 'whole'; readonly sign: 1 | -1; readonly atLeast: bigint; readonly parity: Parity }
  | { readonly kind: 'bounds'; readonly bounds: Bounds };

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const bitLength = (n: bigint): bigint => BigInt(abs(n).toString(2).length);
const bits = (r: Rational): bigint => bitLength(r.n) + bitLength(r.d);
const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const HALF = 2n ** (MAX_BOUND_BITS / 2n);
const CAP = 2n ** MAX_BOUND_BITS;

/** a rational <= r of at most about MAX_BOUND_BITS bits; undefined (-inf) for a huge negative r */
function down(r: Rational): Rational | undefined {
  if (bits(r) <= MAX_BOUND_BITS) return r;
  if (r.n >= HALF * r.d) return rat(HALF);
  if (-r.n >= HALF * r.d) return undefined;
  return rat(floorDiv(r.n * HALF, r.d), HALF);
}
/** a rational >= r of at most about MAX_BOUND_BITS bits; undefined (+inf) for a huge positive r */
function up(r: Rational): Rational | undefined {
  const d = down(rneg(r));
  return d === undefined ? undefined : rneg(d);
}

/** bounds with their ends moved outward to a bounded size, and the strict sign the ends show */
function bounds(lo: Rational | undefined, hi: Rational | undefined, sign: 1 | -1 | undefined): Bounds {
  // the sign the exact ends show, before they are moved outward
  const shown = lo !== undefined && rsign(lo) > 0 ? 1 : hi !== undefined && rsign(hi) < 0 ? -1 : undefined;
  return { lo: lo && down(lo), hi: hi && up(hi), sign: sign ?? shown };
}

/** a whole number N (|N| >= 1 known), its facts kept within the size limit */
function whole(sign: 1 | -1, atLeast: bigint, parity: Parity): Known {
  return { kind: 'whole', sign, atLeast: atLeast > CAP ? CAP : atLeast < 1n ? 1n : atLeast, parity };
}

/** an exact rational: kept when small, else a whole number's facts or bounds */
export function exact(v: Rational): Known {
  if (bits(v) <= MAX_BOUND_BITS) return { kind: 'exact', value: v };
  if (v.d === 1n) return whole(v.n > 0n ? 1 : -1, abs(v.n), abs(v.n) % 2n === 0n ? 0n : 1n);
  return { kind: 'bounds', bounds: bounds(v, v, rsign(v) > 0 ? 1 : -1) };
}

export function toBounds(k: Known): Bounds {
  if (k.kind === 'bounds') return k.bounds;
  if (k.kind === 'exact') {
    const s = rsign(k.value);
    return { lo: k.value, hi: k.value, sign: s > 0 ? 1 : s < 0 ? -1 : undefined };
  }
  const a = rat(k.atLeast);
  return k.sign > 0 ? { lo: a, hi: undefined, sign: 1 } : { lo: undefined, hi: rneg(a), sign: -1 };
}

/** a whole number's facts, for an exact integer or a whole number; undefined otherwise */
function wholeFacts(k: Known): { sign: -1 | 0 | 1; size: bigint; parity: Parity; exact: boolean } | undefined {
  if (k.kind === 'whole') return { sign: k.sign, size: k.atLeast, parity: k.parity, exact: false };
  if (k.kind !== 'exact' || k.value.d !== 1n) return undefined;
  const n = k.value.n;
  return { sign: n > 0n ? 1 : n < 0n ? -1 : 0, size: abs(n), parity: abs(n) % 2n === 0n ? 0n : 1n, exact: true };
}

const sumParity = (a: Parity, b: Parity): Parity =>
  a === undefined || b === undefined ? undefined : (a + b) % 2n === 0n ? 0n : 1n;

/** a + b for two whole numbers, one of them not exact: the larger size decides the sign when the other cannot reach it */
function addWhole(a: Known, b: Known): Known | undefined {
  const x = wholeFacts(a);
  const y = wholeFacts(b);
  if (!x || !y || x.exact === y.exact) return undefined;
  const [big, small] = x.exact ? [y, x] : [x, y];
  const parity = sumParity(big.parity, small.parity);
  if (small.sign === 0 || small.sign === big.sign) return whole(big.sign as 1 | -1, big.size + small.size, parity);
  return small.size < big.size ? whole(big.sign as 1 | -1, big.size - small.size, parity) : undefined;
}

function addBounds(a: Bounds, b: Bounds): Bounds {
  const lo = a.lo && b.lo && radd(a.lo, b.lo);
  const hi = a.hi && b.hi && radd(a.hi, b.hi);
  return bounds(lo, hi, a.sign !== undefined && a.sign === b.sign ? a.sign : undefined);
}

export function addKnown(a: Known, b: Known): Known {
  if (a.kind === 'exact' && b.kind === 'exact') return exact(radd(a.value, b.value));
  if (a.kind === 'whole' && b.kind === 'whole' && a.sign === b.sign)
    return whole(a.sign, a.atLeast + b.atLeast, sumParity(a.parity, b.parity));
  return addWhole(a, b) ?? { kind: 'bounds', bounds: addBounds(toBounds(a), toBounds(b)) };
}

/** an end of a product: a rational, or an infinity with its sign */
type End = Rational | 1 | -1;
const endSign = (e: End): number => (typeof e === 'number' ? e : rsign(e));
function endTimes(x: End, y: End): End {
  if ((typeof x !== 'number' && rsign(x) === 0) || (typeof y !== 'number' && rsign(y) === 0)) return ZERO; // 0 inf = 0 for closed bounds
  if (typeof x === 'number' || typeof y === 'number') return endSign(x) * endSign(y) > 0 ? 1 : -1;
  return rmul(x, y);
}
const endCmp = (x: End, y: End): number =>
  typeof x === 'number' || typeof y === 'number'
    ? (typeof x === 'number' ? x : 0) - (typeof y === 'number' ? y : 0) || 0
    : rcmp(x, y);

function mulBounds(a: Bounds, b: Bounds): Bounds {
  const ends = (k: Bounds): [End, End] => [k.lo ?? -1, k.hi ?? 1];
  const [al, ah] = ends(a);
  const [bl, bh] = ends(b);
  const c = [endTimes(al, bl), endTimes(al, bh), endTimes(ah, bl), endTimes(ah, bh)];
  const lo = c.reduce((m, x) => (endCmp(x, m) < 0 ? x : m));
  const hi = c.reduce((m, x) => (endCmp(x, m) > 0 ? x : m));
  const sign = a.sign !== undefined && b.sign !== undefined ? ((a.sign * b.sign) as 1 | -1) : undefined;
  return bounds(typeof lo === 'number' ? undefined : lo, typeof hi === 'number' ? undefined : hi, sign);
}

export function mulKnown(a: Known, b: Known): Known {
  if (a.kind === 'exact' && b.kind === 'exact') return exact(rmul(a.value, b.value));
  const x = wholeFacts(a);
  const y = wholeFacts(b);
  if (x && y) {
    if (x.sign === 0 || y.sign === 0) return exact(ZERO);
    const parity = x.parity === 0n || y.parity === 0n ? 0n : x.parity === 1n && y.parity === 1n ? 1n : undefined;
    return whole((x.sign * y.sign) as 1 | -1, x.size * y.size, parity);
  }
  return { kind: 'bounds', bounds: mulBounds(toBounds(a), toBounds(b)) };
}

/** 1/a for a of known strict sign; undefined when a may be 0 */
export function reciprocal(a: Known): Known | undefined {
  if (a.kind === 'exact') return rsign(a.value) === 0 ? undefined : exact(rdiv(ONE, a.value));
  const { lo, hi, sign } = toBounds(a);
  if (sign === undefined) return undefined;
  // x in [lo, hi] and x > 0: 1/x in [1/hi, 1/lo], with 1/inf = 0 and 1/lo infinite when lo <= 0
  if (sign > 0)
    return {
      kind: 'bounds',
      bounds: bounds(hi && rsign(hi) > 0 ? rdiv(ONE, hi) : ZERO, lo && rsign(lo) > 0 ? rdiv(ONE, lo) : undefined, 1),
    };
  // x < 0: 1/x in [1/hi, 1/lo], with 1/hi infinite when hi >= 0 and 1/(-inf) = 0
  return {
    kind: 'bounds',
    bounds: bounds(hi && rsign(hi) < 0 ? rdiv(ONE, hi) : undefined, lo && rsign(lo) < 0 ? rdiv(ONE, lo) : ZERO, -1),
  };
}

/** the size facts of an exponent: N whole, |N| >= atLeast, with its sign and parity */
export interface Exponent {
  readonly sign: 1 | -1;
  readonly atLeast: bigint;
  readonly parity: Parity;
}

export function exponentOf(k: Known): Exponent | undefined {
  const w = wholeFacts(k);
  return w && w.sign !== 0 ? { sign: w.sign, atLeast: w.size, parity: w.parity } : undefined;
}

/** m^e for the largest e <= atLeast that keeps m^e within the size limit (at least 1) */
function cappedPower(m: Rational, atLeast: bigint): Rational {
  const most = MAX_BOUND_BITS / bits(m);
  return rpow(m, atLeast < most ? atLeast : most > 1n ? most : 1n);
}

/**
 * a^N for a base of known strict sign and a whole N >= 1 (by its facts):
 * |a| >= m > 1 gives |a^N| >= m^e for any e <= N; |a| <= m < 1 gives
 * 0 < |a^N| <= m^e; the sign is + for a > 0, and for a < 0 the parity's.
 */
function boundedPower(a: Bounds, n: Exponent): Known | undefined {
  if (a.sign === undefined) return undefined;
  const mlo = a.sign > 0 ? a.lo : a.hi && rneg(a.hi);
  const mhi = a.sign > 0 ? a.hi : a.lo && rneg(a.lo);
  const sign = a.sign > 0 || n.parity === 0n ? 1 : n.parity === 1n ? -1 : undefined;
  if (mlo !== undefined && rcmp(mlo, ONE) > 0) {
    if (sign === undefined) return undefined;
    const m = cappedPower(mlo, n.atLeast);
    return { kind: 'bounds', bounds: sign > 0 ? bounds(m, undefined, 1) : bounds(undefined, rneg(m), -1) };
  }
  if (mhi === undefined || rcmp(mhi, ONE) >= 0) return undefined;
  const m = cappedPower(mhi, n.atLeast);
  if (sign === undefined) return { kind: 'bounds', bounds: bounds(rneg(m), m, undefined) };
  return { kind: 'bounds', bounds: sign > 0 ? bounds(ZERO, m, 1) : bounds(rneg(m), ZERO, -1) };
}

/** a^N for N >= 1 when a is 0, 1 or -1 exactly, or a whole number (then a whole number again); undefined otherwise */
function wholePower(a: Known, n: Exponent): Known | undefined {
  const w = wholeFacts(a);
  if (!w) return undefined;
  if (w.exact && w.size <= 1n) {
    if (w.sign >= 0) return a;
    return n.parity === undefined ? undefined : exact(n.parity === 0n ? ONE : rneg(ONE));
  }
  const sign = w.sign > 0 || n.parity === 0n ? 1 : n.parity === 1n ? -1 : undefined;
  if (sign === undefined) return undefined;
  const most = MAX_BOUND_BITS / bitLength(w.size);
  return whole(sign, w.size ** (n.atLeast < most ? n.atLeast : most > 1n ? most : 1n), w.parity);
}

/** a^N for a whole exponent known by its facts (sign, size, parity); undefined when that does not decide it, or 0 to a negative power */
export function power(a: Known, n: Exponent): Known | undefined {
  if (n.sign < 0) {
    const p = power(a, { ...n, sign: 1 });
    return p && reciprocal(p);
  }
  return wholePower(a, n) ?? boundedPower(toBounds(a), n);
}

/** a^k for an exact whole k: exact when small, else by the facts of k */
export function exactPower(a: Known, k: bigint): Known | undefined {
  if (k === 0n) return toBounds(a).sign === undefined ? undefined : exact(ONE);
  if (a.kind === 'exact' && abs(k) * bits(a.value) <= MAX_BOUND_BITS)
    return rsign(a.value) === 0 && k < 0n ? undefined : exact(rpow(a.value, k));
  if (a.kind === 'bounds' && abs(k) <= MAX_BOUNDS_POWER) {
    let p: Known = a;
    for (let i = 1n; i < abs(k); i++) p = mulKnown(p, a);
    return k < 0n ? reciprocal(p) : p;
  }
  return power(a, { sign: k > 0n ? 1 : -1, atLeast: abs(k), parity: abs(k) % 2n === 0n ? 0n : 1n });
}

/** a < b certainly */
function below(a: Bounds, b: Bounds): boolean {
  if (a.hi === undefined || b.lo === undefined) return false;
  const c = rcmp(a.hi, b.lo);
  return c < 0 || (c === 0 && rsign(a.hi) === 0 && (a.sign === -1 || b.sign === 1));
}

/** do a and b certainly differ? By their exact values, their bounds, their strict signs, or the parity of two whole numbers */
export function certainlyDiffer(a: Known, b: Known): boolean {
  if (a.kind === 'exact' && b.kind === 'exact') return !requal(a.value, b.value);
  const x = toBounds(a);
  const y = toBounds(b);
  if (below(x, y) || below(y, x)) return true;
  if (x.sign !== undefined && y.sign !== undefined && x.sign !== y.sign) return true;
  const p = wholeFacts(a)?.parity;
  const q = wholeFacts(b)?.parity;
  return p !== undefined && q !== undefined && p !== q;
}
