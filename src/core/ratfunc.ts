/**
 * Rational functions num / (f1^m1 * f2^m2 ...) with the denominator kept as a
 * product of normalized polynomial factors. The meaning of a rational
 * function is its value wherever every factor is nonzero; the core only uses
 * it at points where the expression it came from is defined, which is where
 * those factors are nonzero. That is why cancelling a common factor here is
 * sound, and why definedness is tracked separately (definedness.ts).
 */
import { type Rational, ONE, rdiv, rsign, isZero } from '../ir/rational.js';
import type { Expr } from '../ir/expr.js';
import {
  type AtomInfo,
  type Poly,
  type Ring,
  constPoly,
  atomPoly,
  addPoly,
  scalePoly,
  negPoly,
  polyKey,
  leadingTerm,
  constantValue,
  ZERO_POLY,
  mono,
  type Term,
  isZeroPoly,
} from './poly.js';

export interface Factor {
  readonly poly: Poly;
  readonly key: string;
  /** the multiplicity, >= 1; a bigint because powering multiplies it (1/exp(x)^(2^64)) */
  readonly mult: bigint;
}

export interface RatFunc {
  readonly num: Poly;
  /** sorted by key, multiplicities >= 1, each factor with leading coefficient 1 */
  readonly den: readonly Factor[];
}

export const rfConst = (c: Rational): RatFunc => ({ num: constPoly(c), den: [] });
export const rfPoly = (p: Poly): RatFunc => ({ num: p, den: [] });
export const rfAtom = (atom: string): RatFunc => ({ num: atomPoly(atom), den: [] });
export const RF_ZERO: RatFunc = { num: ZERO_POLY, den: [] };
export const RF_ONE: RatFunc = rfConst(ONE);

/** the rational c when f is the constant c */
export function rfConstantValue(f: RatFunc): Rational | undefined {
  return f.den.length === 0 ? constantValue(f.num) : undefined;
}

export function rfIsZero(f: RatFunc): boolean {
  return isZeroPoly(f.num);
}

/** a stable text key, equal for equal normal forms */
export function rfKey(f: RatFunc): string {
  if (f.den.length === 0) return polyKey(f.num);
  return `(${polyKey(f.num)}) / (${f.den.map((d) => `[${d.key}]^${d.mult}`).join(' ')})`;
}

/** p split as c * (monic p) */
function monic(p: Poly): { c: Rational; p: Poly } {
  const lt = leadingTerm(p)!;
  return { c: lt.coeff, p: scalePoly(p, rdiv(ONE, lt.coeff)) };
}

/** factors of p that are single atoms (the gcd monomial of its terms), and what is left */
function splitMonomialContent(p: Poly): { atoms: Map<string, bigint>; rest: Poly } {
  let common: Map<string, bigint> | undefined;
  for (const t of p.values()) {
    const here = new Map(t.mono.powers.map((pw) => [pw.atom, pw.exp]));
    if (!common) common = here;
    else for (const [a, e] of common) common.set(a, minBig(e, here.get(a) ?? 0n));
  }
  const atoms = new Map([...(common ?? new Map<string, bigint>())].filter(([, e]) => e > 0n));
  if (atoms.size === 0) return { atoms, rest: p };
  const rest = new Map<string, Term>();
  for (const t of p.values()) {
    const m = mono(t.mono.powers.map((pw) => ({ atom: pw.atom, exp: pw.exp - (atoms.get(pw.atom) ?? 0n) })));
    rest.set(m.key, { coeff: t.coeff, mono: m });
  }
  return { atoms, rest };
}

/** the operations on rational functions in one ring */
export class Field {
  /** how many denominator factors were cancelled against the numerator (reported as rule nf.cancel) */
  cancellations = 0;

  constructor(readonly ring: Ring) {}

  /** remove every denominator factor that divides the numerator */
  private cancel(num: Poly, den: Factor[]): RatFunc {
    if (isZeroPoly(num)) return RF_ZERO;
    const out: Factor[] = [];
    for (const f of den) {
      let m = f.mult;
      const atom = singleAtom(f.poly);
      if (atom !== undefined) {
        // an atom divides num exactly as often as its least exponent over num's terms: one step, not m
        const times = minBig(m, leastExponent(num, atom));
        if (times > 0n) {
          num = divideByAtomPower(num, atom, times);
          m -= times;
          this.cancellations++;
        }
      }
      while (m > 0n) {
        const q = this.ring.divideExact(num, f.poly);
        if (!q) break;
        num = q;
        m--;
        this.cancellations++;
      }
      if (m > 0n) out.push({ ...f, mult: m });
    }
    return { num, den: out };
  }

  /** the product of the factors, each to the given extra multiplicity */
  private expand(factors: readonly Factor[], mults: (f: Factor) => bigint): Poly {
    let p = constPoly(ONE);
    for (const f of factors) {
      const m = mults(f);
      if (m > 0n) p = this.ring.mul(p, this.ring.pow(f.poly, m));
    }
    return p;
  }

  mul(a: RatFunc, b: RatFunc): RatFunc {
    const num = this.ring.mul(a.num, b.num);
    const byKey = new Map<string, Factor>();
    for (const f of [...a.den, ...b.den]) {
      const prev = byKey.get(f.key);
      byKey.set(f.key, prev ? { ...prev, mult: prev.mult + f.mult } : f);
    }
    return this.cancel(num, sortFactors([...byKey.values()]));
  }

  add(a: RatFunc, b: RatFunc): RatFunc {
    if (rfIsZero(a)) return b;
    if (rfIsZero(b)) return a;
    if (a.den.length === 0 && b.den.length === 0) return { num: addPoly(a.num, b.num), den: [] };
    const lcd = new Map<string, Factor>();
    for (const f of [...a.den, ...b.den]) {
      const prev = lcd.get(f.key);
      if (!prev || prev.mult < f.mult) lcd.set(f.key, f);
    }
    const multIn = (x: RatFunc, key: string) => x.den.find((f) => f.key === key)?.mult ?? 0n;
    const den = sortFactors([...lcd.values()]);
    const na = this.ring.mul(
      a.num,
      this.expand(den, (f) => f.mult - multIn(a, f.key)),
    );
    const nb = this.ring.mul(
      b.num,
      this.expand(den, (f) => f.mult - multIn(b, f.key)),
    );
    return this.cancel(addPoly(na, nb), den);
  }

  neg(a: RatFunc): RatFunc {
    return { num: negPoly(a.num), den: a.den };
  }

  sub(a: RatFunc, b: RatFunc): RatFunc {
    return this.add(a, this.neg(b));
  }

  /** 1 / a; undefined when a is identically zero (nowhere defined) */
  inv(a: RatFunc): RatFunc | undefined {
    if (rfIsZero(a)) return undefined;
    const { atoms, rest } = splitMonomialContent(a.num);
    const { c, p } = monic(rest);
    const den: Factor[] = [...atoms].map(([atom, mult]) => {
      const poly = atomPoly(atom);
      return { poly, key: polyKey(poly), mult };
    });
    if (constantValue(p) === undefined) den.push({ poly: p, key: polyKey(p), mult: 1n });
    const num = scalePoly(
      this.expand(a.den, (f) => f.mult),
      rdiv(ONE, c),
    );
    return this.cancel(num, sortFactors(den));
  }

  /** a^k for an integer k; undefined for 0^k with k < 0 */
  pow(a: RatFunc, k: bigint): RatFunc | undefined {
    if (k < 0n) {
      const inv = this.inv(a);
      return inv && this.pow(inv, -k);
    }
    return {
      num: this.ring.pow(a.num, k),
      den: a.den.map((f) => ({ ...f, mult: f.mult * k })).filter((f) => f.mult > 0n),
    };
  }

  scale(a: RatFunc, c: Rational): RatFunc {
    return isZero(c) ? RF_ZERO : { num: scalePoly(a.num, c), den: a.den };
  }
}

const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** the atom when p is exactly that atom (coefficient 1, exponent 1) */
function singleAtom(p: Poly): string | undefined {
  if (p.size !== 1) return undefined;
  const t = [...p.values()][0]!;
  const pw = t.mono.powers;
  return pw.length === 1 && pw[0]!.exp === 1n && t.coeff.n === 1n && t.coeff.d === 1n ? pw[0]!.atom : undefined;
}

/** the atom's expression when U is exactly one atom to the first power */
export function singleAtomExpr(atoms: ReadonlyMap<string, AtomInfo>, U: RatFunc): Expr | undefined {
  const a = U.den.length ? undefined : singleAtom(U.num);
  return a === undefined ? undefined : atoms.get(a)?.expr;
}

/** the least exponent of atom over p's terms (0 when a term lacks it) */
function leastExponent(p: Poly, atom: string): bigint {
  let least: bigint | undefined;
  for (const t of p.values()) {
    const e = t.mono.powers.find((pw) => pw.atom === atom)?.exp ?? 0n;
    least = least === undefined ? e : minBig(least, e);
  }
  return least ?? 0n;
}

/** p / atom^k, for k at most leastExponent(p, atom) */
function divideByAtomPower(p: Poly, atom: string, k: bigint): Poly {
  const out = new Map<string, Term>();
  for (const t of p.values()) {
    const m = mono(t.mono.powers.map((pw) => (pw.atom === atom ? { atom, exp: pw.exp - k } : pw)));
    out.set(m.key, { coeff: t.coeff, mono: m });
  }
  return out;
}

function sortFactors(fs: Factor[]): Factor[] {
  return fs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** the sign of the leading coefficient of the numerator (used to choose canonical signs) */
export function leadingSign(f: RatFunc): number {
  const lt = leadingTerm(f.num);
  return lt ? rsign(lt.coeff) : 0;
}
