/**
 * Interval analysis: a range that contains every value an expression takes on
 * the declared domains. It only ever over-approximates, so "the range
 * excludes 0" is a proof that the expression is nonzero. Used to discharge
 * side conditions (cancel a factor, split a log) and definedness conditions.
 */
import type { Expr } from '../ir/expr.js';
import { MAX_ROOT_ORDER } from './budget.js';
import { floorRoot } from './integers.js';
import type { Domain, SymbolDecl } from '../ir/symbols.js';
import { type Rational, rat, radd, rmul, rdiv, rsign, rcmp, rneg, ONE, ZERO, isInteger } from '../ir/rational.js';

/** an end point: a rational, or undefined for an infinite end */
type End = Rational | undefined;

export interface Range {
  readonly lo: End; // undefined: -inf
  readonly hi: End; // undefined: +inf
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
  /** known to exclude 0 even where the bounds do not say so (domain `nonzero`) */
  readonly nonzero: boolean;
}

const ANY: Range = { lo: undefined, hi: undefined, loOpen: true, hiOpen: true, nonzero: false };
const range = (lo: End, hi: End, loOpen: boolean, hiOpen: boolean, nonzero = false): Range => ({
  lo,
  hi,
  loOpen,
  hiOpen,
  nonzero,
});
const point = (v: Rational): Range => range(v, v, false, false, rsign(v) !== 0);
const POSITIVE = range(ZERO, undefined, true, true);
const NONNEG = range(ZERO, undefined, false, true);

function domainRange(d: Domain): Range {
  switch (d.kind) {
    case 'binary':
      return range(ZERO, ONE, false, false);
    case 'nonzero':
      return { ...ANY, nonzero: true };
    case 'interval':
      return range(d.lo, d.hi, d.lo === undefined || d.loOpen, d.hi === undefined || d.hiOpen);
  }
}

/** true when 0 is certainly not in r */
export function excludesZero(r: Range): boolean {
  if (r.nonzero) return true;
  if (r.lo !== undefined && (rsign(r.lo) > 0 || (rsign(r.lo) === 0 && r.loOpen))) return true;
  if (r.hi !== undefined && (rsign(r.hi) < 0 || (rsign(r.hi) === 0 && r.hiOpen))) return true;
  return false;
}
export const isPositiveRange = (r: Range): boolean =>
  r.lo !== undefined && (rsign(r.lo) > 0 || (rsign(r.lo) === 0 && r.loOpen));
export const isNonnegRange = (r: Range): boolean => r.lo !== undefined && rsign(r.lo) >= 0;
/** true when every value in r is < 0 */
export const isNegativeRange = (r: Range): boolean =>
  r.hi !== undefined && (rsign(r.hi) < 0 || (rsign(r.hi) === 0 && r.hiOpen));

function addRange(a: Range, b: Range): Range {
  const lo = a.lo !== undefined && b.lo !== undefined ? radd(a.lo, b.lo) : undefined;
  const hi = a.hi !== undefined && b.hi !== undefined ? radd(a.hi, b.hi) : undefined;
  return range(lo, hi, a.loOpen || b.loOpen, a.hiOpen || b.hiOpen);
}

function negRange(a: Range): Range {
  return range(a.hi && rneg(a.hi), a.lo && rneg(a.lo), a.hiOpen, a.loOpen, a.nonzero);
}

/** sign class of a range: which of <0, =0, >0 it may contain */
function signs(r: Range): { neg: boolean; zero: boolean; pos: boolean } {
  const neg = r.lo === undefined || rsign(r.lo) < 0;
  const pos = r.hi === undefined || rsign(r.hi) > 0;
  return { neg, zero: !excludesZero(r), pos };
}

function mulRange(a: Range, b: Range): Range {
  const bounded = (r: Range) => r.lo !== undefined && r.hi !== undefined;
  if (bounded(a) && bounded(b)) {
    // each corner product, open when an end it comes from is open (unless a closed end is exactly 0)
    const corner = (x: Rational, xOpen: boolean, y: Rational, yOpen: boolean) => ({
      v: rmul(x, y),
      open: (xOpen || yOpen) && !(!xOpen && rsign(x) === 0) && !(!yOpen && rsign(y) === 0),
    });
    const c = [
      corner(a.lo!, a.loOpen, b.lo!, b.loOpen),
      corner(a.lo!, a.loOpen, b.hi!, b.hiOpen),
      corner(a.hi!, a.hiOpen, b.lo!, b.loOpen),
      corner(a.hi!, a.hiOpen, b.hi!, b.hiOpen),
    ];
    const lo = c.reduce((m, x) => (rcmp(x.v, m) < 0 ? x.v : m), c[0]!.v);
    const hi = c.reduce((m, x) => (rcmp(x.v, m) > 0 ? x.v : m), c[0]!.v);
    // an end is open only when every corner reaching it is open
    const loOpen = c.filter((x) => rcmp(x.v, lo) === 0).every((x) => x.open);
    const hiOpen = c.filter((x) => rcmp(x.v, hi) === 0).every((x) => x.open);
    const r = range(lo, hi, loOpen, hiOpen, a.nonzero && b.nonzero);
    return excludesZero(a) && excludesZero(b) && !excludesZero(r) ? { ...r, nonzero: true } : r;
  }
  const sa = signs(a);
  const sb = signs(b);
  const nz = excludesZero(a) && excludesZero(b);
  const canPos = (sa.pos && sb.pos) || (sa.neg && sb.neg);
  const canNeg = (sa.pos && sb.neg) || (sa.neg && sb.pos);
  if (!canNeg) return nz ? POSITIVE : NONNEG;
  if (!canPos) return nz ? negRange(POSITIVE) : negRange(NONNEG);
  return { ...ANY, nonzero: nz };
}

function invRange(a: Range): Range {
  if (!excludesZero(a)) return ANY;
  if (isPositiveRange(a)) {
    const lo = a.hi !== undefined && rsign(a.hi) > 0 ? rdiv(ONE, a.hi) : ZERO;
    const hi = rsign(a.lo!) > 0 ? rdiv(ONE, a.lo!) : undefined;
    return range(lo, hi, a.hi === undefined || a.hiOpen, a.loOpen || hi === undefined, true);
  }
  if (a.hi !== undefined && (rsign(a.hi) < 0 || (rsign(a.hi) === 0 && a.hiOpen)))
    return negRange(invRange(negRange(a)));
  return { ...ANY, nonzero: true };
}

function powRange(b: Range, k: Rational): Range {
  if (isInteger(k)) {
    const n = k.n;
    if (n === 0n) return point(ONE);
    if (n < 0n) return invRange(powRange(b, rneg(k)));
    let r = b;
    for (let i = 1n; i < n && i < 64n; i++) r = mulRange(r, b);
    if (n >= 64n) {
      const s = signs(b);
      if (n % 2n === 0n) return excludesZero(b) ? POSITIVE : NONNEG;
      if (!s.neg) return excludesZero(b) ? POSITIVE : NONNEG;
      return { ...ANY, nonzero: excludesZero(b) };
    }
    if (n % 2n === 0n && (r.lo === undefined || rsign(r.lo) < 0)) {
      // an even power is >= 0; it is 0 exactly where the base is
      return excludesZero(b) ? { ...r, lo: ZERO, loOpen: true, nonzero: true } : { ...r, lo: ZERO, loOpen: false };
    }
    return r;
  }
  // a non-integer power is only defined for a base >= 0 (> 0 for negative exponents)
  return excludesZero(b) || rsign(k) < 0 ? POSITIVE : NONNEG;
}

/** |u| over u in r: r itself when r >= 0, its mirror when r <= 0, else [0, max(|lo|, |hi|)] */
function absRange(r: Range): Range {
  if (isNonnegRange(r)) return r;
  if (r.hi !== undefined && rsign(r.hi) <= 0) return negRange(r);
  const nz = excludesZero(r);
  if (r.lo === undefined || r.hi === undefined) return nz ? POSITIVE : NONNEG;
  const c = rcmp(rneg(r.lo), r.hi);
  const hi = c > 0 ? rneg(r.lo) : r.hi;
  const hiOpen = c > 0 ? r.loOpen : c < 0 ? r.hiOpen : r.loOpen && r.hiOpen;
  return range(ZERO, hi, nz, hiOpen, nz);
}

/** the range of abs, max or min of arguments in `a`; ANY for any other function */
function cornerRange(fn: string, a: readonly Range[]): Range {
  const [u = ANY, v = ANY] = a;
  if (fn === 'abs') return absRange(u);
  if (fn === 'max') return maxRange(u, v);
  return fn === 'min' ? negRange(maxRange(negRange(u), negRange(v))) : ANY;
}

/** max(a, b) over a in ra, b in rb: each end is the larger of the two ends */
function maxRange(ra: Range, rb: Range): Range {
  const pickLo = (): { v: End; open: boolean } => {
    if (ra.lo === undefined) return { v: rb.lo, open: rb.loOpen };
    if (rb.lo === undefined) return { v: ra.lo, open: ra.loOpen };
    const c = rcmp(ra.lo, rb.lo);
    return c > 0
      ? { v: ra.lo, open: ra.loOpen }
      : c < 0
        ? { v: rb.lo, open: rb.loOpen }
        : { v: ra.lo, open: ra.loOpen || rb.loOpen }; // max(a, b) is that end only when both are
  };
  const pickHi = (): { v: End; open: boolean } => {
    if (ra.hi === undefined || rb.hi === undefined) return { v: undefined, open: true };
    const c = rcmp(ra.hi, rb.hi);
    return c > 0
      ? { v: ra.hi, open: ra.hiOpen }
      : c < 0
        ? { v: rb.hi, open: rb.hiOpen }
        : { v: ra.hi, open: ra.hiOpen && rb.hiOpen };
  };
  const lo = pickLo();
  const hi = pickHi();
  return range(lo.v, hi.v, lo.v === undefined || lo.open, hi.v === undefined || hi.open);
}

const bounded = (lo: number, hi: number, open: boolean) => range(rat(lo), rat(hi), open, open);

/**
 * A range containing every value of e on the declared domains, where e is
 * defined. Names not in `symbols` (plain variables) range over the reals.
 */
export function rangeOf(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): Range {
  const go = (x: Expr): Range => {
    switch (x.kind) {
      case 'num':
        return point(x.value);
      case 'const':
        return x.name === 'pi' ? range(PI_LO, PI_HI, true, true) : bounded(2, 3, true);
      case 'units':
        return range(ONE, undefined, false, true);
      case 'sym': {
        const d = symbols.get(x.name);
        return d && d.kind === 'scalar' ? domainRange(d.domain) : ANY;
      }
      case 'elem': {
        const d = symbols.get(x.name);
        return d && d.kind === 'array' ? domainRange(d.domain) : ANY;
      }
      case 'delta':
        return range(ZERO, ONE, false, false);
      case 'add':
        return x.terms.map(go).reduce(addRange);
      case 'mul':
        return x.factors.map(go).reduce(mulRange);
      case 'pow':
        return powerRange(x.base, x.exp, go(x.base));
      case 'sum':
        return sumRange(go(x.body));
      case 'diff':
        return ANY;
      case 'call':
        return callRange(x.fn, x.args, x.args.map(go));
    }
  };
  return go(e);
}

/** an odd increasing function's range `whole` narrowed to the sign of its argument's range u (tanh, atan, asin) */
function sameSign(u: Range, whole: Range): Range {
  if (isPositiveRange(u)) return range(ZERO, whole.hi, true, whole.hiOpen);
  if (isNonnegRange(u)) return range(ZERO, whole.hi, false, whole.hiOpen);
  if (isNegativeRange(u)) return range(whole.lo, ZERO, whole.loOpen, true);
  if (u.hi !== undefined && rsign(u.hi) <= 0) return range(whole.lo, ZERO, whole.loOpen, false);
  return whole;
}

/** why: 3.14159 < pi < 3.14160, enough to place k pi/24 between the zeros of sin and cos */
const PI_LO = rat(314159, 100000);
const PI_HI = rat(314160, 100000);

/**
 * sin or cos of u when u lies strictly between two zeros of the function (sin: j pi, cos: j pi + pi/2): the
 * open interval (0, 1] or [-1, 0) by the sign there; undefined (no narrowing) otherwise. Only the rational
 * bounds of pi are used, each on the side that makes the test safe.
 */
function trigSign(fn: 'sin' | 'cos', u: Range): Range | undefined {
  if (u.lo === undefined || u.hi === undefined) return undefined;
  // cos(u) = sin(u + pi/2)
  const [a, b] = fn === 'sin' ? [u.lo, u.hi] : [radd(u.lo, rmul(PI_LO, rat(1, 2))), radd(u.hi, rmul(PI_HI, rat(1, 2)))];
  const mid = rdiv(a, rat(314159265, 100000000));
  const j = mid.n >= 0n ? mid.n / mid.d : -((-mid.n + mid.d - 1n) / mid.d);
  // j pi < a and b < (j + 1) pi, each with the bound of pi that makes it certain
  const below = rmul(rat(j), j >= 0n ? PI_HI : PI_LO);
  const above = rmul(rat(j + 1n), j + 1n >= 0n ? PI_LO : PI_HI);
  // sin(0) = 0 is the only zero at a rational point: an argument open at 0 stays clear of it
  const clearBelow = rcmp(below, a) < 0 || (fn === 'sin' && j === 0n && rsign(a) === 0 && u.loOpen);
  if (!clearBelow || rcmp(b, above) >= 0) return undefined;
  return j % 2n === 0n ? range(ZERO, ONE, true, false) : range(rneg(ONE), ZERO, false, true);
}

/** why: 2^32 steps bound a root to about 10 digits, enough to show 3 - 2 sqrt(2) > 0, with small bigints */
const ROOT_SCALE = 2n ** 32n;

/**
 * c^(p/q) for a rational c > 0 written as a number, between two rationals: floor((c S^q)^(1/q)) / S and one
 * step above, raised to p; undefined when not such a power or past MAX_ROOT_ORDER or a small exponent
 */
function constantRoot(base: Expr, k: Rational): Range | undefined {
  if (base.kind !== 'num' || rsign(base.value) <= 0 || isInteger(k) || k.d > MAX_ROOT_ORDER) return undefined;
  if (k.n > MAX_ROOT_POWER || k.n < -MAX_ROOT_POWER) return undefined;
  const c = base.value;
  const q = k.d;
  const lo = floorRoot((c.n * ROOT_SCALE ** q) / c.d, q);
  const r = range(rat(lo, ROOT_SCALE), rat(lo + 1n, ROOT_SCALE), false, false, true);
  return lo > 0n ? powRange(r, rat(k.n)) : undefined;
}

/** why: powers of a root bound up to the 64th stay small; beyond, the plain sign is enough */
const MAX_ROOT_POWER = 64n;

/** the value of an exponent written with numbers, * and powers -1 (`1/3` is 1 * 3^(-1)); else undefined */
function smallRational(e: Expr): Rational | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'pow' && e.base.kind === 'num' && e.exp.kind === 'num' && rsign(e.base.value) !== 0) {
    const k = e.exp.value;
    if (k.n === -1n && k.d === 1n) return rdiv(ONE, e.base.value);
    return k.n === 1n && k.d === 1n ? e.base.value : undefined;
  }
  if (e.kind !== 'mul') return undefined;
  let acc: Rational = ONE;
  for (const f of e.factors) {
    const v = smallRational(f);
    if (v === undefined) return undefined;
    acc = rmul(acc, v);
  }
  return acc;
}

/** base^exp, the base's range b */
function powerRange(base: Expr, exp: Expr, b: Range): Range {
  const k = smallRational(exp);
  if (k !== undefined) return constantRoot(base, k) ?? powRange(b, k);
  if (base.kind === 'const' && base.name === 'e') return POSITIVE;
  return isPositiveRange(b) ? POSITIVE : ANY;
}

/** the range of a sum over the units of a body ranging over b: only its sign is kept */
function sumRange(b: Range): Range {
  const s = signs(b);
  if (!s.neg) return excludesZero(b) ? POSITIVE : NONNEG;
  if (!s.pos) return excludesZero(b) ? negRange(POSITIVE) : negRange(NONNEG);
  return ANY;
}

/** the range of the built-in fn of arguments ranging over a */
function callRange(fn: string, args: readonly Expr[], a: readonly Range[]): Range {
  const u = a[0] ?? ANY;
  switch (fn) {
    case 'exp':
      return POSITIVE;
    case 'sigma':
      return bounded(0, 1, true);
    case 'sqrt':
      return constantRoot(args[0]!, rat(1, 2)) ?? (excludesZero(u) ? POSITIVE : NONNEG);
    case 'log':
      return logRange(u);
    case 'sin':
    case 'cos':
      return trigSign(fn, u) ?? bounded(-1, 1, false);
    case 'tanh':
      return sameSign(u, bounded(-1, 1, true));
    case 'atan':
      return sameSign(u, bounded(-2, 2, true));
    case 'asin':
      return sameSign(u, bounded(-2, 2, false));
    case 'acos':
      return bounded(0, 4, false);
    case 'cosh':
      return range(ONE, undefined, false, true);
    case 'sinh':
      return isPositiveRange(u) ? POSITIVE : isPositiveRange(negRange(u)) ? negRange(POSITIVE) : ANY;
    default:
      return cornerRange(fn, a);
  }
}

/** the range of log of an argument ranging over u: its sign where u stays on one side of 1 */
function logRange(u: Range): Range {
  if (u.lo !== undefined && rcmp(u.lo, ONE) >= 0) return rcmp(u.lo, ONE) > 0 || u.loOpen ? POSITIVE : NONNEG;
  if (u.hi !== undefined && rcmp(u.hi, ONE) <= 0) return negRange(rcmp(u.hi, ONE) < 0 || u.hiOpen ? POSITIVE : NONNEG);
  return ANY;
}
