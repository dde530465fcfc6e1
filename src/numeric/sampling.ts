/**
 * Values drawn from a declared domain. Every sampled value is an exact
 * rational with a short decimal expansion, so that the same point evaluates
 * identically at every precision and prints exactly in a counterexample.
 */
import { decimalClone } from './decimal.js';
import { type Rational, ONE, ZERO, MINUS_ONE, rat, radd, rsub, rmul, rcmp, rneg } from '../ir/rational.js';
import { type Domain, inDomain } from '../ir/symbols.js';
import { MAX_INTEGER_EXPONENT } from './bounds.js';
import type { Prng } from './prng.js';

/**
 * Magnitudes of random points, cycled point by point: small, moderate and
 * large values catch different mistakes (x^3 vs x^2 differ little near 1;
 * sqrt((x - 11)^2) vs 11 - x differ only beyond 11, and a condition like
 * s > 1/(2 pi) only below 0.16).
 */
export const SCALES: readonly Rational[] = [rat(2), rat(3, 10), rat(7), rat(1, 40), rat(60)];

/**
 * why: the values where cancellations and definedness conditions bite (x/x
 * at 0, (x^2-1)/(x-1) at 1), and magnitudes far from 1 (1e6 and 1e-6, both
 * signs), where a step that holds only for moderate values shows it; -2 and
 * -1/2 as well as 2 and 1/2 (x^(2x) is -2 at x = -1/2, where (x^x)^2 is
 * undefined: only such points tell them apart)
 */
const SPECIAL_VALUES: readonly Rational[] = [
  ZERO,
  ONE,
  MINUS_ONE,
  rat(2),
  rat(1, 2),
  rat(-2),
  rat(-1, 2),
  rat(1_000_000),
  rat(-1_000_000),
  rat(1, 1_000_000),
  rat(-1, 1_000_000),
];

/** true for the two-valued domain {0, 1} */
export const isBinaryDomain = (d: Domain): boolean => d.kind === 'binary';

/** why: each constant of a step adds a few candidate points per variable; past this many the special points would crowd out the random ones */
const MAX_CONSTANT_SPECIALS = 40;

/**
 * values near the step's own constants: where a constant c sits, the step's
 * behaviour may change (|x - 11| at 11, a root of x - 1/7, a bump at 3/10),
 * so try c, c +- 1/10, c +- 1, c/2 and 2c, with both signs; every
 * constant's own value first, then the nearest neighbours of each, so that
 * the cap never drops a constant entirely
 */
export function constantNeighbours(constants: readonly Rational[]): Rational[] {
  const out: Rational[] = [];
  // why: near a huge integer k (an exponent: x^(2^64)) only x = 1 +- m/k keeps x^k in range (about e^m), so the sides can be compared at all
  for (const c of constants) {
    if (c.d !== 1n || c.n <= BigInt(MAX_INTEGER_EXPONENT)) continue;
    for (const m of [1n, 2n, 3n])
      for (const near of [radd(ONE, rat(m, c.n)), rsub(ONE, rat(m, c.n))])
        for (const v of [near, rneg(near)]) if (out.length < MAX_CONSTANT_SPECIALS / 2) out.push(v);
  }
  const tenth = rat(1, 10);
  const rounds: ((c: Rational) => Rational)[] = [
    (c) => c,
    (c) => radd(c, tenth),
    (c) => rsub(c, tenth),
    (c) => radd(c, ONE),
    (c) => rsub(c, ONE),
    (c) => rmul(c, rat(1, 2)),
    (c) => rmul(c, rat(2)),
  ];
  for (const f of rounds) {
    for (const c of constants) {
      for (const base of [c, rneg(c)]) {
        const v = f(base);
        if (out.length >= MAX_CONSTANT_SPECIALS) return out;
        if (!out.some((o) => rcmp(o, v) === 0)) out.push(v);
      }
    }
  }
  return out;
}

/**
 * a value of d that does not depend on the seed, for the other variables at
 * a special point (so that whether a special point refutes a step never
 * depends on the seed): about 0.7, the k-th atom a little apart from the
 * others so that no two coincide
 */
export function genericValue(d: Domain, k: number): Rational {
  const g = rat(70n + BigInt(k % 29), 100n);
  switch (d.kind) {
    case 'binary':
      return ONE;
    case 'nonzero':
      return g;
    case 'interval': {
      if (inDomain(g, d)) return g;
      if (inDomain(rneg(g), d)) return rneg(g);
      const { lo, hi } = d;
      if (lo && hi) return radd(lo, rmul(rsub(hi, lo), rat(37n + BigInt(k % 29), 100n)));
      if (lo) return radd(lo, g);
      return rsub(hi!, g);
    }
  }
}

/**
 * values just inside each open finite end of an interval, 1e-6 and 1e-9 of
 * its width (or of max(1, |end|) when the other end is infinite) away
 *
 * why: (0, 3.1416) reaches past pi by 7.3e-6, and abs(sin(x)) = sin(x) was
 * accepted there (random points stay 1e-6 of the width from an end, and an
 * open end itself is no point)
 */
export function openEndNeighbours(d: Domain): Rational[] {
  if (d.kind !== 'interval') return [];
  const { lo, hi } = d;
  const scale = (end: Rational): Rational => {
    if (lo && hi) return rsub(hi, lo);
    const m = end.n < 0n ? rneg(end) : end;
    return rcmp(m, ONE) > 0 ? m : ONE;
  };
  const out: Rational[] = [];
  for (const eps of [rat(1n, 1_000_000n), rat(1n, 1_000_000_000n)]) {
    // an open end at 0 (positive, probability) already has +-1e-6 among the special values
    if (lo && d.loOpen && lo.n !== 0n) out.push(radd(lo, rmul(eps, scale(lo))));
    if (hi && d.hiOpen && hi.n !== 0n) out.push(rsub(hi, rmul(eps, scale(hi))));
  }
  return out;
}

/** the special values 0, +-1, 2, 1/2, +-1e6, +-1e-6, the `near` values, any closed finite end and the values just inside an open one that lie in d (none for binary) */
export function specialValues(d: Domain, near: readonly Rational[] = []): Rational[] {
  if (d.kind === 'binary') return [];
  const out: Rational[] = [];
  const ends = d.kind === 'interval' ? [d.loOpen ? undefined : d.lo, d.hiOpen ? undefined : d.hi] : [];
  for (const v of [...SPECIAL_VALUES, ...ends, ...near, ...openEndNeighbours(d)]) {
    if (v && inDomain(v, d) && !out.some((o) => rcmp(o, v) === 0)) out.push(v);
  }
  return [...out, ...narrowPieces(out, d)];
}

/** why: below this relative width a piece is narrower than the spacing of random points (six digits) */
const NARROW_PIECE = rat(1, 1000);

/**
 * the midpoints of the narrow pieces between neighbouring special values and
 * finite ends: where a step's sides part only between two close breaks
 * (an open end 0.3333333333333333 and the corner 1/3 of abs(3x - 1); the
 * corners 0 and 10^-12 of |x| + |x - 10^-12| against |2x - 10^-12|), no
 * random point and no special value falls inside
 */
function narrowPieces(values: readonly Rational[], d: Domain): Rational[] {
  const breaks = d.kind === 'interval' ? [...values, ...[d.lo, d.hi].filter((e) => e !== undefined)] : [...values];
  breaks.sort(rcmp);
  const out: Rational[] = [];
  for (let k = 1; k < breaks.length; k++) {
    const [p, q] = [breaks[k - 1]!, breaks[k]!];
    const size = rcmp(rabs(p), ONE) > 0 ? rabs(p) : ONE;
    if (rcmp(p, q) === 0 || rcmp(rsub(q, p), rmul(NARROW_PIECE, size)) >= 0) continue;
    const mid = rmul(radd(p, q), rat(1, 2));
    if (inDomain(mid, d) && !values.some((v) => rcmp(v, mid) === 0)) out.push(mid);
  }
  return out;
}

const rabs = (r: Rational): Rational => (r.n < 0n ? rneg(r) : r);

/** a magnitude in [scale/2, 3·scale/2) with six random digits */
function magnitude(rng: Prng, scale: Rational): Rational {
  const k = BigInt(rng.below(1_000_000));
  return rmul(scale, rat(500_000n + k, 1_000_000n));
}

/** a random value of d at the given scale (an exact rational strictly inside any open end) */
export function sampleValue(d: Domain, rng: Prng, scale: Rational): Rational {
  switch (d.kind) {
    case 'binary':
      return rng.coin() ? ONE : ZERO;
    case 'nonzero': {
      const m = magnitude(rng, scale);
      return rng.coin() ? m : rneg(m);
    }
    case 'interval': {
      const { lo, hi } = d;
      if (lo && hi) {
        // u in [1e-6, 1 - 1e-6]: never an end, so open ends are respected
        const u = rat(1n + BigInt(rng.below(999_999)), 1_000_000n);
        return radd(lo, rmul(rsub(hi, lo), u));
      }
      const m = magnitude(rng, scale);
      if (lo) return radd(lo, m);
      if (hi) return rsub(hi, m);
      return rng.coin() ? m : rneg(m);
    }
  }
}

/** exact decimal text when r has a finite decimal expansion, else 20 significant digits */
export function rationalText(r: Rational): string {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return new (decimalClone({ precision: 20 }))(r.n.toString()).div(r.d.toString()).toString();
  const k = Math.max(twos, fives);
  const scaled = (r.n * 10n ** BigInt(k)) / r.d; // exact: d divides 10^k
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(k + 1, '0');
  const intPart = digits.slice(0, digits.length - k);
  const frac = k > 0 ? digits.slice(digits.length - k).replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${intPart}${frac ? '.' + frac : ''}`;
}
