/**
 * The square-free part of a polynomial in one atom: p / gcd(p, p'), which
 * vanishes exactly where p does (over the reals, a repeated factor q^k
 * vanishes where q does). Used only to key a `nonzero` definedness
 * condition, so that `(x-1)^2 != 0` and `x^2 - 2x + 1 != 0` are one
 * condition. Degrees are bigints bounded by MAX_EXPAND_EXPONENT.
 */
import { type Rational, ZERO, isZero, radd, rdiv, rmul, rneg, rat } from '../ir/rational.js';
import { type AtomInfo, type Poly, addPoly, atomPoly, constPoly, polyAtoms, scalePoly } from './poly.js';
import { MAX_EXPAND_EXPONENT } from './budget.js';

/** a polynomial in one atom: degree -> coefficient, no zero coefficients */
type Uni = Map<bigint, Rational>;

const degree = (u: Uni): bigint => [...u.keys()].reduce((m, d) => (d > m ? d : m), -1n);

function addTerm(u: Uni, d: bigint, c: Rational): void {
  const v = radd(u.get(d) ?? ZERO, c);
  if (isZero(v)) u.delete(d);
  else u.set(d, v);
}

/** u = q v + r with deg r < deg v (v nonzero) */
function divmod(u: Uni, v: Uni): { q: Uni; r: Uni } {
  const r: Uni = new Map(u);
  const q: Uni = new Map();
  const dv = degree(v);
  const lv = v.get(dv)!;
  for (let dr = degree(r); dr >= dv; dr = degree(r)) {
    const c = rdiv(r.get(dr)!, lv);
    addTerm(q, dr - dv, c);
    for (const [d, a] of v) addTerm(r, d + dr - dv, rneg(rmul(c, a)));
  }
  return { q, r };
}

function gcd(a: Uni, b: Uni): Uni {
  let [x, y] = [a, b];
  while (y.size > 0) [x, y] = [y, divmod(x, y).r];
  return x;
}

function derivative(u: Uni): Uni {
  const out: Uni = new Map();
  for (const [d, c] of u) if (d > 0n) out.set(d - 1n, rmul(c, rat(d)));
  return out;
}

/**
 * The square-free part of p when p is a polynomial in one atom without a
 * reduction rule (a plain variable, not cos or a root), of degree at most
 * MAX_EXPAND_EXPONENT; otherwise p itself.
 */
export function squareFreePart(p: Poly, atoms: ReadonlyMap<string, AtomInfo>): Poly {
  const used = polyAtoms(p);
  if (used.size !== 1) return p;
  const atom = [...used][0]!;
  if (atoms.get(atom)?.reduction) return p;
  const u: Uni = new Map();
  for (const t of p.values()) {
    const pw = t.mono.powers[0];
    u.set(pw ? pw.exp : 0n, t.coeff);
  }
  if (degree(u) > BigInt(MAX_EXPAND_EXPONENT) || degree(u) < 2n) return p;
  const g = gcd(u, derivative(u));
  if (degree(g) <= 0n) return p;
  const { q } = divmod(u, g);
  let out: Poly = new Map();
  for (const [d, c] of q) out = addPoly(out, d === 0n ? constPoly(c) : scalePoly(atomPoly(atom, d), c));
  return out;
}
