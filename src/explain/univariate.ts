/**
 * Polynomials in one variable with exact rational coefficients, read from the
 * IR, and their rational roots (the rational root theorem on bigint
 * coefficients). Untrusted: the witness search uses them to propose points,
 * which the numeric layer certifies; every root returned here has been
 * checked exactly (the polynomial evaluates to 0 there).
 */
import type { Expr, Variable } from '../ir/expr.js';
import { type Rational, ONE, ZERO, isInteger, isZero, radd, rat, rcmp, rmul, rsign } from '../ir/rational.js';

/** why: a condition of higher degree is not a hand-written denominator; expanding it would cost more than sampling */
const MAX_WITNESS_DEGREE = 64;
/** why: trial division finds the divisors of the end coefficients; past this bound a cofactor is kept whole (some roots may be missed) */
const MAX_WITNESS_TRIAL_DIVISOR = 10_000n;
/** why: each candidate root costs one exact evaluation; past this many p/q pairs (smallest first) the search stops: proposing is optional */
const MAX_ROOT_CANDIDATES = 20_000;
/** why: a number with more divisors than this (a product of many small primes) would make the candidate list itself too long */
const MAX_WITNESS_DIVISORS = 4096;

/** c[0] + c[1] v + ... + c[d] v^d, without trailing zeros */
type Coefficients = readonly Rational[];

/** a polynomial in one variable (undefined variable: a constant) */
interface Univariate {
  readonly variable?: Variable;
  readonly coeffs: Coefficients;
}

const trim = (c: Rational[]): Rational[] => {
  while (c.length > 0 && isZero(c[c.length - 1]!)) c.pop();
  return c;
};

function addCoeffs(a: Coefficients, b: Coefficients): Rational[] {
  const out: Rational[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(radd(a[k] ?? ZERO, b[k] ?? ZERO));
  return trim(out);
}

function mulCoeffs(a: Coefficients, b: Coefficients): Rational[] | undefined {
  if (a.length === 0 || b.length === 0) return [];
  if (a.length + b.length - 2 > MAX_WITNESS_DEGREE) return undefined;
  const out: Rational[] = Array.from({ length: a.length + b.length - 1 }, () => ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = radd(out[i + j]!, rmul(x, y)))));
  return trim(out);
}

/** both polynomials in the same variable (or constants), or undefined when they name different ones */
function unify(a: Univariate, b: Univariate): Variable | undefined | false {
  if (a.variable && b.variable && a.variable.key !== b.variable.key) return false;
  return a.variable ?? b.variable;
}

/** e as a polynomial in its one variable (a scalar symbol or an array element), when it is one */
export function univariate(e: Expr): Univariate | undefined {
  switch (e.kind) {
    case 'num':
      return { coeffs: trim([e.value]) };
    case 'sym':
    case 'elem':
      return { variable: e, coeffs: [ZERO, ONE] };
    case 'add':
    case 'mul': {
      const parts = (e.kind === 'add' ? e.terms : e.factors).map(univariate);
      let acc: Univariate | undefined = { coeffs: e.kind === 'add' ? [] : [ONE] };
      for (const p of parts) {
        if (!p || !acc) return undefined;
        const v = unify(acc, p);
        if (v === false) return undefined;
        const coeffs: Rational[] | undefined =
          e.kind === 'add' ? addCoeffs(acc.coeffs, p.coeffs) : mulCoeffs(acc.coeffs, p.coeffs);
        acc = coeffs && { ...(v ? { variable: v } : {}), coeffs };
      }
      return acc;
    }
    case 'pow': {
      if (e.exp.kind !== 'num' || !isInteger(e.exp.value) || rsign(e.exp.value) < 0) return undefined;
      if (e.exp.value.n > BigInt(MAX_WITNESS_DEGREE)) return undefined;
      const base = univariate(e.base);
      if (!base) return undefined;
      let coeffs: Rational[] | undefined = [ONE];
      for (let k = 0n; k < e.exp.value.n && coeffs; k++) coeffs = mulCoeffs(coeffs, base.coeffs);
      return coeffs && { ...(base.variable ? { variable: base.variable } : {}), coeffs };
    }
    default:
      return undefined;
  }
}

/** the exact value of the polynomial at v (Horner) */
export function polynomialAt(coeffs: Coefficients, v: Rational): Rational {
  let acc = ZERO;
  for (let k = coeffs.length - 1; k >= 0; k--) acc = radd(rmul(acc, v), coeffs[k]!);
  return acc;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** the positive divisors of n != 0, or undefined past MAX_WITNESS_DIVISORS of them; a cofactor without a factor below MAX_WITNESS_TRIAL_DIVISOR counts as prime */
function divisors(n: bigint): bigint[] | undefined {
  n = abs(n);
  let out = [1n];
  for (let p = 2n; p * p <= n && p <= MAX_WITNESS_TRIAL_DIVISOR; p++) {
    if (n % p !== 0n) continue;
    const powers = [1n];
    while (n % p === 0n) {
      n /= p;
      powers.push(powers[powers.length - 1]! * p);
    }
    out = out.flatMap((d) => powers.map((q) => d * q));
    if (out.length > MAX_WITNESS_DIVISORS) return undefined;
  }
  if (n > 1n) out = out.flatMap((d) => [d, d * n]);
  return out.length > MAX_WITNESS_DIVISORS ? undefined : out;
}

/** sum of a[k] p^k q^(n-k): q^n times the polynomial's value at p/q, so zero exactly when p/q is a root */
function homogeneous(a: readonly bigint[], p: bigint, q: bigint): bigint {
  let acc = 0n;
  for (let k = a.length - 1; k >= 0; k--) acc = acc * p + a[k]! * q ** BigInt(a.length - 1 - k);
  return acc;
}

/**
 * Every rational root of the polynomial (each once, ascending), by the
 * rational root theorem: a root p/q in lowest terms has p dividing the
 * constant coefficient and q the leading one (of the integer polynomial).
 * Candidates are tried smallest first, at most MAX_ROOT_CANDIDATES of
 * them; each root is checked exactly.
 */
export function rationalRoots(coeffs: Coefficients): Rational[] {
  if (coeffs.length < 2) return [];
  // integer coefficients with the same roots: multiply by the lcm of the denominators
  const scale = coeffs.reduce((m, c) => lcm(m, c.d), 1n);
  let ints = coeffs.map((c) => (c.n * scale) / c.d);
  const roots: Rational[] = [];
  if (ints[0] === 0n) roots.push(ZERO);
  while (ints.length > 1 && ints[0] === 0n) ints = ints.slice(1);
  if (ints.length < 2) return roots;
  const ps = divisors(ints[0]!);
  const qs = divisors(ints[ints.length - 1]!);
  if (!ps || !qs) return roots;
  const pairs = ps.flatMap((p) => qs.filter((q) => gcd(p, q) === 1n).map((q) => [p, q] as const));
  pairs.sort(([p1, q1], [p2, q2]) => (p1 * q1 < p2 * q2 ? -1 : p1 * q1 > p2 * q2 ? 1 : 0));
  for (const [p, q] of pairs.slice(0, MAX_ROOT_CANDIDATES))
    for (const s of [p, -p]) if (homogeneous(ints, s, q) === 0n) roots.push(rat(s, q));
  return roots.sort(rcmp);
}
