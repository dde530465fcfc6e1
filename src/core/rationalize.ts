/**
 * A constant with square roots in its denominator, made rational there
 * (rule `nf.rationalize`): 1/(1 + sqrt(2)) = sqrt(2) - 1. The denominator
 * D = A + B r, r a square root of a positive rational (r^2 = c), is
 * multiplied with its conjugate A - B r, which leaves A^2 - B^2 c without r,
 * and the numerator with it too; one root at a time until D is a rational.
 * D != 0 (it is a denominator of an expression that is defined), and
 * A - B r != 0 too: otherwise A = B r and D = 2 B r, whose conjugate would
 * be 0 only if B r = A = 0. Only numbers are touched: the value is the same.
 */
import type { NormalHost } from './normal-rules.js';
import { rdiv, rsign } from '../ir/rational.js';
import { type Poly, type Term, addPoly, constPoly, constantValue, divideMono, mono, negPoly } from './poly.js';
import { type RatFunc, rfPoly } from './ratfunc.js';
import { MAX_CONJUGATIONS } from './budget.js';

/** U with a rational denominator when its denominators are sums of square roots of rationals; else U */
export function rationalize(H: NormalHost, U: RatFunc): RatFunc {
  if (U.den.length === 0 || !U.den.every((f) => isRootConstant(H, f.poly))) return U;
  const ring = H.field.ring;
  let num = U.num;
  let den: Poly = constPoly({ n: 1n, d: 1n });
  for (const f of U.den) den = ring.mul(den, ring.pow(f.poly, f.mult));
  for (let i = 0; i < MAX_CONJUGATIONS; i++) {
    const c = constantValue(den);
    if (c !== undefined) {
      if (rsign(c) === 0) return U;
      H.used.add('nf.rationalize');
      return H.field.scale(rfPoly(num), rdiv({ n: 1n, d: 1n }, c));
    }
    const atom = [...den.values()].flatMap((t) => t.mono.powers.map((p) => p.atom))[0]!;
    const conj = conjugate(den, atom);
    num = ring.mul(num, conj);
    den = ring.mul(den, conj);
  }
  return U;
}

/** A - B r for p = A + B r (r appears to the first power only, as r^2 reduces) */
function conjugate(p: Poly, atom: string): Poly {
  const A = new Map<string, Term>();
  const B = new Map<string, Term>();
  for (const [k, t] of p) {
    const rest = divideMono(t.mono, mono([{ atom, exp: 1n }]));
    if (rest) B.set(k, t);
    else A.set(k, t);
  }
  return addPoly(A, negPoly(B));
}

/** true when every atom of p is a square root of a positive rational */
function isRootConstant(H: NormalHost, p: Poly): boolean {
  for (const t of p.values())
    for (const pw of t.mono.powers) {
      const red = H.atoms.get(pw.atom)?.reduction;
      if (red?.kind !== 'root' || red.q !== 2n || pw.exp !== 1n) return false;
      const c = constantValue(red.base);
      if (c === undefined || rsign(c) <= 0) return false;
    }
  return true;
}
