/**
 * Polynomials with exact rational coefficients over atoms (canonical
 * expressions treated as indeterminates), in a quotient ring given by the
 * atoms' reductions (s^2 = s for binary s, r^q = b for r = b^(1/q), ...).
 *
 * A polynomial identity here is an identity of values for every value of the
 * atoms that satisfies the reductions, which is what makes equality sound.
 */
import type { Expr } from '../ir/expr.js';
import { type Rational, ONE, ZERO, radd, rmul, rdiv, isZero, rationalToString, rneg, requal } from '../ir/rational.js';
import { BudgetExceeded, MAX_COEFFICIENT_BITS, MAX_TERMS, type Meter } from './budget.js';

/** how an atom's powers reduce; the reduction is a valid identity wherever the atom is defined */
export type Reduction =
  | { readonly kind: 'idempotent' } // a^2 = a (binary variables, deltas)
  | { readonly kind: 'root'; readonly q: bigint; readonly base: Poly } // r^q = base
  | { readonly kind: 'square'; readonly to: Poly }; // a^2 = to (cos^2 = 1 - sin^2)

export interface AtomInfo {
  readonly expr: Expr;
  readonly reduction?: Reduction;
}

/** one atom raised to a positive exponent; a bigint, because exponents grow without bound by powering (exp(2^64 x) = exp(x)^(2^64)) */
export interface Power {
  readonly atom: string;
  readonly exp: bigint;
}

export interface Mono {
  readonly key: string;
  /** sorted by atom key */
  readonly powers: readonly Power[];
  readonly degree: bigint;
}

export interface Term {
  readonly coeff: Rational;
  readonly mono: Mono;
}

/** a polynomial: monomial key -> term; the zero polynomial is empty */
export type Poly = ReadonlyMap<string, Term>;

const ONE_MONO: Mono = { key: '1', powers: [], degree: 0n };

export function mono(powers: readonly Power[]): Mono {
  const sorted = [...powers]
    .filter((p) => p.exp !== 0n)
    .sort((a, b) => (a.atom < b.atom ? -1 : a.atom > b.atom ? 1 : 0));
  const key = sorted.length === 0 ? '1' : sorted.map((p) => (p.exp === 1n ? p.atom : `${p.atom}^${p.exp}`)).join('*');
  return { key, powers: sorted, degree: sorted.reduce((s, p) => s + p.exp, 0n) };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b */
const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** graded lexicographic order: a total order compatible with multiplication */
function compareMono(a: Mono, b: Mono): number {
  if (a.degree !== b.degree) return cmpBig(a.degree, b.degree);
  let i = 0;
  let j = 0;
  while (i < a.powers.length || j < b.powers.length) {
    const pa = a.powers[i];
    const pb = b.powers[j];
    if (pa && pb && pa.atom === pb.atom) {
      if (pa.exp !== pb.exp) return cmpBig(pa.exp, pb.exp);
      i++;
      j++;
    } else if (pb === undefined || (pa !== undefined && pa.atom < pb.atom)) {
      return 1; // a has the smaller atom with a positive exponent where b has 0
    } else {
      return -1;
    }
  }
  return 0;
}

export const ZERO_POLY: Poly = new Map();

export function constPoly(c: Rational): Poly {
  return isZero(c) ? ZERO_POLY : new Map([['1', { coeff: c, mono: ONE_MONO }]]);
}

export function atomPoly(atom: string, exp = 1n): Poly {
  const m = mono([{ atom, exp }]);
  return new Map([[m.key, { coeff: ONE, mono: m }]]);
}

export function isZeroPoly(p: Poly): boolean {
  return p.size === 0;
}

/** the rational c when p is the constant c */
export function constantValue(p: Poly): Rational | undefined {
  if (p.size === 0) return ZERO;
  if (p.size !== 1) return undefined;
  const t = p.get('1');
  return t ? t.coeff : undefined;
}

/** a stable text key: equal exactly for equal polynomials */
export function polyKey(p: Poly): string {
  if (p.size === 0) return '0';
  return sortedTerms(p)
    .map((t) => `${rationalToString(t.coeff)}:${t.mono.key}`)
    .join(' + ');
}

/** terms, largest monomial first */
export function sortedTerms(p: Poly): Term[] {
  return [...p.values()].sort((a, b) => compareMono(b.mono, a.mono));
}

export function leadingTerm(p: Poly): Term | undefined {
  let best: Term | undefined;
  for (const t of p.values()) if (!best || compareMono(t.mono, best.mono) > 0) best = t;
  return best;
}

function addTermInto(acc: Map<string, Term>, coeff: Rational, m: Mono): void {
  const prev = acc.get(m.key);
  const c = prev ? radd(prev.coeff, coeff) : coeff;
  if (isZero(c)) acc.delete(m.key);
  else acc.set(m.key, { coeff: c, mono: m });
  if (acc.size > MAX_TERMS) throw new BudgetExceeded('MAX_TERMS');
}

/** a + b */
export function addPoly(a: Poly, b: Poly): Poly {
  const acc = new Map(a);
  for (const t of b.values()) addTermInto(acc, t.coeff, t.mono);
  return acc;
}

/** c * a */
export function scalePoly(a: Poly, c: Rational): Poly {
  if (isZero(c)) return ZERO_POLY;
  const acc = new Map<string, Term>();
  for (const [k, t] of a) acc.set(k, { coeff: rmul(t.coeff, c), mono: t.mono });
  return acc;
}

export const negPoly = (a: Poly): Poly => scalePoly(a, rneg(ONE));

/**
 * Multiplication in the quotient ring: monomials multiply, then each atom's
 * power is reduced by its reduction.
 */
export class Ring {
  constructor(
    readonly atoms: Map<string, AtomInfo>,
    private readonly meter: Meter,
  ) {}

  /** m1 * m2 reduced, as a polynomial */
  mulMono(m1: Mono, m2: Mono): Poly {
    this.meter.spend();
    const exps = new Map<string, bigint>();
    for (const p of m1.powers) exps.set(p.atom, p.exp);
    for (const p of m2.powers) exps.set(p.atom, (exps.get(p.atom) ?? 0n) + p.exp);
    return this.reduce(exps);
  }

  /** the monomial with these exponents, with every reduction applied */
  reduce(exps: ReadonlyMap<string, bigint>): Poly {
    let plain: Power[] = [];
    let rest: Poly = constPoly(ONE);
    for (const [atom, e] of exps) {
      const red = this.atoms.get(atom)?.reduction;
      if (!red || e < 2n) {
        plain.push({ atom, exp: e });
        continue;
      }
      // e >= 2 here, so bigint division is floor division
      if (red.kind === 'idempotent') plain.push({ atom, exp: 1n });
      else if (red.kind === 'root') {
        const left = e % red.q;
        if (left) plain.push({ atom, exp: left });
        rest = this.mul(rest, this.pow(red.base, e / red.q));
      } else {
        if (e % 2n) plain.push({ atom, exp: 1n });
        rest = this.mul(rest, this.pow(red.to, e / 2n));
      }
    }
    const m = mono(plain);
    const single: Poly = new Map([[m.key, { coeff: ONE, mono: m }]]);
    if (rest.size === 1 && rest.has('1') && requal(rest.get('1')!.coeff, ONE)) return single;
    plain = [];
    return this.mul(single, rest);
  }

  /** a * b */
  mul(a: Poly, b: Poly): Poly {
    if (a.size === 0 || b.size === 0) return ZERO_POLY;
    const acc = new Map<string, Term>();
    for (const ta of a.values())
      for (const tb of b.values()) {
        const c = rmul(ta.coeff, tb.coeff);
        if (ta.mono.degree === 0n || tb.mono.degree === 0n) {
          addTermInto(acc, c, ta.mono.degree === 0n ? tb.mono : ta.mono);
          continue;
        }
        for (const t of this.mulMono(ta.mono, tb.mono).values()) addTermInto(acc, rmul(c, t.coeff), t.mono);
      }
    return acc;
  }

  /** a^k for k >= 0, by repeated squaring on the exact exponent */
  pow(a: Poly, k: bigint): Poly {
    if (k > 1n) checkCoefficientGrowth(a, k);
    let result = constPoly(ONE);
    let base = a;
    while (k > 0n) {
      if (k % 2n === 1n) result = this.mul(result, base);
      k /= 2n;
      if (k > 0n) base = this.mul(base, base);
    }
    return result;
  }

  /**
   * q with a = f * q exactly (checked by multiplying back), or undefined.
   * Plain polynomial division by leading terms, then a verification that
   * makes it sound in the quotient ring too.
   */
  divideExact(a: Poly, f: Poly): Poly | undefined {
    const lf = leadingTerm(f);
    if (!lf) return undefined;
    let r: Poly = a;
    let q: Poly = ZERO_POLY;
    let stalled = 0;
    for (let steps = 0; r.size > 0; steps++) {
      if (steps > 4 * MAX_TERMS) return undefined;
      const lr = leadingTerm(r)!;
      const quotientMono = divideMono(lr.mono, lf.mono);
      if (!quotientMono) return undefined;
      const t: Poly = new Map([[quotientMono.key, { coeff: rdiv(lr.coeff, lf.coeff), mono: quotientMono }]]);
      q = addPoly(q, t);
      const before = r;
      r = addPoly(r, negPoly(this.mul(t, f)));
      if (r.has(lr.mono.key) && before.get(lr.mono.key) === r.get(lr.mono.key)) return undefined;
      // why: a reduction (abs(P)^2 = P^2) can put back a term as large as lr; such a division ran its 4 MAX_TERMS
      // steps with coefficients growing each step (x - max(tanh(y), 1/2)^(-2) took minutes): a few are allowed,
      // then "no quotient found", which only leaves a factor uncancelled
      const next = leadingTerm(r);
      if (next && compareMono(next.mono, lr.mono) >= 0 && ++stalled > MAX_STALLED_DIVISION_STEPS) return undefined;
    }
    return polyKey(this.mul(q, f)) === polyKey(a) ? q : undefined;
  }
}

/** why: steps of an exact division whose remainder's leading term did not fall; a plain division has none */
const MAX_STALLED_DIVISION_STEPS = 16;

/** m / d when d divides m as monomials */
export function divideMono(m: Mono, d: Mono): Mono | undefined {
  const exps = new Map<string, bigint>();
  for (const p of m.powers) exps.set(p.atom, p.exp);
  for (const p of d.powers) {
    const e = (exps.get(p.atom) ?? 0n) - p.exp;
    if (e < 0n) return undefined;
    exps.set(p.atom, e);
  }
  return mono([...exps].map(([atom, exp]) => ({ atom, exp })));
}

/** the number of binary digits of |n| (0 for 0) */
function bitLength(n: bigint): bigint {
  return BigInt((n < 0n ? -n : n).toString(2).length) - (n === 0n ? 1n : 0n);
}

/** bits of n beyond those of 1: 0 for -1, 0 and 1, else the bit length of |n| (>= log2 |n|) */
const growthBits = (n: bigint): bigint => (n > 1n || n < -1n ? bitLength(n) : 0n);

/**
 * Refuses a^k when its coefficients would grow past MAX_COEFFICIENT_BITS,
 * before computing it. The estimate of log2 of a^k's widest coefficient is k
 * times (the bits of a's widest numerator and denominator, plus log2 of its
 * number of terms); a monomial with coefficient +-1 never grows, however
 * large k is.
 */
function checkCoefficientGrowth(a: Poly, k: bigint): void {
  let widest = 0n;
  for (const t of a.values()) {
    const w = growthBits(t.coeff.n) + growthBits(t.coeff.d);
    if (w > widest) widest = w;
  }
  const spread = a.size > 1 ? bitLength(BigInt(a.size)) : 0n;
  const bits = k * (widest + spread);
  if (bits > MAX_COEFFICIENT_BITS) throw new BudgetExceeded('MAX_COEFFICIENT_BITS', bits);
}

/** the atoms that occur in p */
export function polyAtoms(p: Poly): Set<string> {
  const out = new Set<string>();
  for (const t of p.values()) for (const pw of t.mono.powers) out.add(pw.atom);
  return out;
}
