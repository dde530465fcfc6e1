/**
 * Two canonical forms of a rational power B^k of a sum (rule `nf.root-split`),
 * so that equal radicals written differently share atoms:
 * - content: B = g m P with g > 0 the gcd of B's coefficients and m the
 *   monomial common to B's terms when every atom of m is > 0 on the domain;
 *   then B^k = g^k m^k P^k (`sqrt(4 - 4x^2) = 2 sqrt(1 - x^2)`,
 *   `sqrt(p^2 + x p^2) = p sqrt(1 + x)` for p > 0). B >= 0 exactly where
 *   P >= 0, so both sides are defined at the same points.
 * - denesting: sqrt(a + b sqrt(r)) = sqrt(u) + sgn(b) sqrt(v) with
 *   u, v = (a +- d)/2 when a > 0 and a^2 - b^2 r = d^2 for a rational d >= 0
 *   (`sqrt(3 - 2 sqrt(2)) = sqrt(2) - 1`): (sqrt u + s sqrt v)^2 = a + b sqrt(r)
 *   and sqrt u > sqrt v, so the right side is the nonnegative root.
 */
import type { NormalHost } from './normal-rules.js';
import { type Rational, ONE, isOne, rat, rdiv, rmul, rsign, rsub, radd } from '../ir/rational.js';
import { isPositiveRange, rangeOf } from './sign.js';
import { type Mono, type Poly, type Power, type Term, divideMono, mono } from './poly.js';
import { type RatFunc, rfConst, rfPoly } from './ratfunc.js';
import { exactRoot } from './integers.js';
import { rationalGcd } from './bases.js';

/** throws: a power of 0 is negative */
export type Fail = () => never;

type Power_ = (B: RatFunc, k: Rational) => RatFunc;

/** B^k = g^k m^k P^k, or undefined when B (two or more terms) has no content to take out */
export function contentSplit(H: NormalHost, B: RatFunc, k: Rational, power: Power_): RatFunc | undefined {
  if (B.den.length > 0 || B.num.size < 2) return undefined;
  const terms = [...B.num.values()];
  let g: Rational | undefined;
  for (const t of terms) {
    const abs = rsign(t.coeff) < 0 ? rmul(t.coeff, rat(-1)) : t.coeff;
    g = g === undefined ? abs : rationalGcd(g, abs);
  }
  const m = commonPositiveMonomial(H, terms);
  if ((g === undefined || isOne(g)) && m.powers.length === 0) return undefined;
  const content = g ?? ONE;
  const P = new Map<string, Term>();
  for (const t of terms) {
    const rest = divideMono(t.mono, m)!;
    P.set(rest.key, { coeff: rdiv(t.coeff, content), mono: rest });
  }
  H.used.add('nf.root-split');
  const F = H.field;
  let acc = F.mul(power(rfConst(content), k), power(rfPoly(P), k));
  for (const p of m.powers) acc = F.mul(acc, power(rfPoly(new Map([[p.atom, atomTerm(p)]])), rmul(rat(p.exp), k)));
  return acc;
}

const atomTerm = (p: Power): Term => ({ coeff: ONE, mono: mono([{ atom: p.atom, exp: 1n }]) });

/** the monomial dividing every term, over the atoms interval analysis shows > 0 */
function commonPositiveMonomial(H: NormalHost, terms: readonly Term[]): Mono {
  const least = new Map<string, bigint>();
  for (const p of terms[0]!.mono.powers) least.set(p.atom, p.exp);
  for (const t of terms.slice(1)) {
    const here = new Map(t.mono.powers.map((p) => [p.atom, p.exp]));
    for (const [a, e] of least) {
      const f = here.get(a);
      if (f === undefined) least.delete(a);
      else if (f < e) least.set(a, f);
    }
  }
  const positive = (a: string) => {
    const info = H.atoms.get(a);
    return info !== undefined && isPositiveRange(rangeOf(info.expr, H.symbols));
  };
  return mono([...least].filter(([a]) => positive(a)).map(([atom, exp]) => ({ atom, exp })));
}

/** P^k for k = p/2 and P = a + b R, R a product of square roots of constants (R^2 = r rational), when it denests */
export function denest(H: NormalHost, P: RatFunc, k: Rational, power: Power_): RatFunc | undefined {
  if (k.d !== 2n || P.den.length > 0 || P.num.size !== 2) return undefined;
  let a: Rational | undefined;
  let b: Rational | undefined;
  let r: Rational = ONE;
  for (const t of P.num.values()) {
    if (t.mono.degree === 0n) a = t.coeff;
    else {
      const square = rootSquare(H, t.mono);
      if (square === undefined) return undefined;
      b = t.coeff;
      r = square;
    }
  }
  if (a === undefined || b === undefined || rsign(a) <= 0) return undefined;
  const disc = rsub(rmul(a, a), rmul(rmul(b, b), r));
  const dn = exactRoot(disc.n, 2n);
  const dd = exactRoot(disc.d, 2n);
  if (dn === undefined || dd === undefined) return undefined;
  const d = rat(dn, dd);
  const half = rat(1, 2);
  const u = rmul(radd(a, d), half);
  const v = rmul(rsub(a, d), half);
  H.used.add('nf.root-denest');
  const F = H.field;
  const su = power(rfConst(u), half);
  const sv = power(rfConst(v), half);
  const root = rsign(b) > 0 ? F.add(su, sv) : F.sub(su, sv);
  return F.pow(root, k.n);
}

/** r with R^2 = r when the monomial R is a product of distinct square-root atoms of positive constants */
function rootSquare(H: NormalHost, m: Mono): Rational | undefined {
  let r: Rational = ONE;
  for (const p of m.powers) {
    const red = H.atoms.get(p.atom)?.reduction;
    if (p.exp !== 1n || red?.kind !== 'root' || red.q !== 2n) return undefined;
    const c = constantOf(red.base);
    if (c === undefined || rsign(c) <= 0) return undefined;
    r = rmul(r, c);
  }
  return r;
}

function constantOf(p: Poly): Rational | undefined {
  if (p.size === 0) return rat(0);
  const t = p.get('1');
  return p.size === 1 && t ? t.coeff : undefined;
}

/** (N/D)^k = N^k D^(-k) when every factor of D is > 0 on the domain: N/D >= 0 exactly where N >= 0 */
export function quotientSplit(H: NormalHost, B: RatFunc, k: Rational, power: Power_): RatFunc | undefined {
  if (B.den.length === 0) return undefined;
  if (!B.den.every((f) => isPositiveRange(rangeOf(H.toExpr(rfPoly(f.poly)), H.symbols)))) return undefined;
  H.used.add('nf.root-split');
  let acc = power(rfPoly(B.num), k);
  for (const f of B.den) acc = H.field.mul(acc, power(rfPoly(f.poly), rmul(rat(-f.mult), k)));
  return acc;
}
