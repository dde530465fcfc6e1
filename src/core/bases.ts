/**
 * Common base multiples (rules `nf.exp-sum`, `nf.trig-expand`). A term c m of a sine's,
 * cosine's or exponential's argument (m a monomial, c rational) is written
 * as k times a base g m with k whole: sin(c m) expands in sin(g m), cos(g m)
 * and exp(c m) = exp(g m)^k. Which g is chosen never affects soundness
 * (every expansion is an identity for any g dividing c); it only decides
 * which values share atoms. g is the greatest common divisor of every
 * coefficient of m seen so far in that family (for exp, of 1 too, so
 * exp(2 x) stays exp(x)^2), so sin(2x), sin(x) and sin(x/2) share
 * sin(x/2), and exp(x/2), exp(x) share exp(x/2).
 *
 * A base can only shrink while a side is normalized; when it shrinks after
 * it was used, `changed` is set and the decision normalizes again from the
 * final bases (equal.ts), so both sides use one base per monomial.
 */
import { type Rational, ONE, rat, rdiv, rsign, rneg, isInteger } from '../ir/rational.js';

type BaseFamily = 'trig' | 'exp';

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** gcd of two positive rationals: gcd of the numerators over lcm of the denominators */
export function rationalGcd(a: Rational, b: Rational): Rational {
  const d = (a.d / gcd(a.d, b.d)) * b.d;
  return rat(gcd(a.n, b.n), d);
}

export class Bases {
  private readonly map: Map<string, Rational>;
  /** true when a base was refined after a term had used the coarser one */
  changed = false;

  constructor(seed?: ReadonlyMap<string, Rational>) {
    this.map = new Map(seed);
  }

  /** the bases as they stand, to seed the next pass */
  snapshot(): ReadonlyMap<string, Rational> {
    return new Map(this.map);
  }

  /**
   * c m = k (g m): the base coefficient g > 0 and the whole multiple k, for c != 0; with `unit`, g also
   * divides 1 (always for exp; for sin and cos of asin u, atan u, whose values are known at g = 1)
   */
  of(family: BaseFamily, monoKey: string, c: Rational, unit = family === 'exp'): { base: Rational; k: bigint } {
    const key = `${family}:${monoKey}`;
    const abs = rsign(c) < 0 ? rneg(c) : c;
    const seen = this.map.get(key);
    let g: Rational;
    if (seen === undefined) {
      g = unit ? rationalGcd(abs, ONE) : abs;
      this.map.set(key, g);
    } else if (isInteger(rdiv(c, seen))) {
      g = seen;
    } else {
      g = rationalGcd(seen, abs);
      this.map.set(key, g);
      this.changed = true;
    }
    return { base: g, k: rdiv(c, g).n };
  }
}
