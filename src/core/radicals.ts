/**
 * Rational powers B^(p/q) (rule `nf.root`), where B^(p/q) is defined only
 * for B >= 0 (definedness.ts). A root atom r = u^(1/q) is reduced by
 * r^q = u, true wherever r is defined. Two canonical choices make equal
 * values share atoms:
 * - a positive rational constant is split into primes, c^(p/q) = product of
 *   prime^(e p/q), each a rational times a power of the prime's root atom
 *   (`sqrt(8) = 2 sqrt(2)`, `sqrt(6) = sqrt(2) sqrt(3)`), under
 *   MAX_COEFFICIENT_BITS and MAX_ROOT_ORDER;
 * - a non-constant base with q dividing COMMON_ROOT_ORDER gets the root atom
 *   u^(1/60), so `x^(1/2) x^(1/3) = x^(5/6)` (every power here is of the
 *   same r, and r^60 = u where r is defined).
 */
import { num, pow } from '../ir/expr.js';
import { type Rational, ONE, isInteger, isOne, rat, rmul, rneg, rpow, rsign } from '../ir/rational.js';
import { isNonnegRange, rangeOf } from './sign.js';
import { type RatFunc, rfAtom, rfConst, rfConstantValue, rfPoly } from './ratfunc.js';
import { type Fail, contentSplit, denest, quotientSplit } from './radical-split.js';
import type { NormalHost } from './normal-rules.js';
import { MAX_COEFFICIENT_BITS, MAX_ROOT_ORDER } from './budget.js';
import { exactRoot, factorInteger } from './integers.js';
import { rationalize } from './rationalize.js';

/** why: 60 = lcm(1..6) covers the roots people write (square, cube, ..., sixth) with one atom per base; r^60 = u needs 60-fold products of one atom only */
const COMMON_ROOT_ORDER = 60n;

export function rationalPower(H: NormalHost, A: RatFunc, k: Rational, fail: Fail): RatFunc {
  H.used.add('nf.root');
  const B = rationalize(H, A);
  const q = k.d;
  const c = rfConstantValue(B);
  if (c !== undefined && rsign(c) >= 0) {
    const rn = exactRoot(c.n, q);
    const rd = exactRoot(c.d, q);
    if (rn !== undefined && rd !== undefined) return H.field.pow(rfConst(rat(rn, rd)), k.n) ?? fail();
    const split = constantPower(H, c, k);
    if (split) return split;
  }
  const factors = c === undefined ? splitMonomial(H, B, k, fail) : undefined;
  if (factors) return factors;
  const power = (P: RatFunc, e: Rational) => rationalPowerOrWhole(H, P, e, fail);
  const split =
    c === undefined
      ? (quotientSplit(H, B, k, power) ?? contentSplit(H, B, k, power) ?? denest(H, B, k, power))
      : undefined;
  if (split) return split;
  if (q > MAX_ROOT_ORDER || B.den.length > 0 || (c !== undefined && rsign(c) < 0)) {
    return H.atom(pow(H.toExpr(B), num(k)));
  }
  const order = c === undefined && COMMON_ROOT_ORDER % q === 0n ? COMMON_ROOT_ORDER : q;
  const root = H.atom(pow(H.toExpr(B), num(rat(1n, order))), { kind: 'root', q: order, base: B.num });
  return H.field.pow(root, k.n * (order / q)) ?? fail();
}

/** B^k, where an integer k is a plain power */
function rationalPowerOrWhole(H: NormalHost, B: RatFunc, k: Rational, fail: Fail): RatFunc {
  if (isInteger(k)) return H.field.pow(B, k.n) ?? fail();
  return rationalPower(H, B, k, fail);
}

/**
 * (c a1^e1 ... an^en)^k = c^k a1^(e1 k) ... an^(en k) when c > 0 and every
 * atom a_i is >= 0 on the whole domain (interval analysis), n >= 2 or e1 > 1:
 * both sides are then defined at the same points with the same value.
 */
function splitMonomial(H: NormalHost, B: RatFunc, k: Rational, fail: Fail): RatFunc | undefined {
  if (B.den.length > 0 || B.num.size !== 1) return undefined;
  const t = [...B.num.values()][0]!;
  const nonneg = (a: string) => {
    const info = H.atoms.get(a);
    return info !== undefined && isNonnegRange(rangeOf(info.expr, H.symbols));
  };
  const abs = rsign(t.coeff) < 0 ? rneg(t.coeff) : t.coeff;
  if (rsign(t.coeff) < 0 || !t.mono.powers.every((p) => nonneg(p.atom))) {
    // (c M)^k = |c|^k (sgn(c) M)^k: B >= 0 exactly where sgn(c) M >= 0
    if (isOne(abs)) return undefined;
    H.used.add('nf.root-split');
    const unit = rfPoly(new Map([[t.mono.key, { coeff: rat(rsign(t.coeff)), mono: t.mono }]]));
    return H.field.mul(rationalPower(H, rfConst(abs), k, fail), rationalPower(H, unit, k, fail));
  }
  if (t.mono.powers.length === 1 && t.mono.powers[0]!.exp === 1n && isOne(t.coeff)) return undefined;
  H.used.add('nf.root-split');
  let acc = rationalPower(H, rfConst(t.coeff), k, fail);
  for (const p of t.mono.powers) {
    const red = H.atoms.get(p.atom)?.reduction;
    // a root atom u^(1/q) >= 0: (u^(1/q))^e = u^(e/q) for u >= 0
    const [base, e] =
      red?.kind === 'root' ? [rfPoly(red.base), rmul(rat(p.exp, red.q), k)] : [rfAtom(p.atom), rmul(rat(p.exp), k)];
    const part = isInteger(e) ? H.field.pow(base, e.n) : rationalPower(H, base, e, fail);
    acc = H.field.mul(acc, part ?? fail());
  }
  return acc;
}

/** c^k for a rational c > 0 (not a perfect power) as a rational times powers of prime root atoms; undefined past a budget */
function constantPower(H: NormalHost, c: Rational, k: Rational): RatFunc | undefined {
  const F = H.field;
  let coeff: Rational = ONE;
  let acc: RatFunc = rfConst(ONE);
  const primes = [
    ...factorInteger(c.n).map(([p, e]): [bigint, bigint] => [p, e]),
    ...factorInteger(c.d).map(([p, e]): [bigint, bigint] => [p, -e]),
  ];
  for (const [p, e] of primes) {
    // p^(e k) = p^whole * p^(a/b) with 0 <= a/b < 1
    const E = rmul(rat(e), k);
    const whole = E.n >= 0n ? E.n / E.d : -((-E.n + E.d - 1n) / E.d);
    const bits = BigInt(p.toString(2).length) * (whole < 0n ? -whole : whole);
    if (bits > MAX_COEFFICIENT_BITS) return undefined;
    coeff = rmul(coeff, rpow(rat(p), whole));
    const a = E.n - whole * E.d;
    if (a === 0n) continue;
    if (E.d > MAX_ROOT_ORDER) return undefined;
    const root = H.atom(pow(num(rat(p)), num(rat(1n, E.d))), { kind: 'root', q: E.d, base: rfConst(rat(p)).num });
    const r = F.pow(root, a);
    if (!r) return undefined;
    acc = F.mul(acc, r);
  }
  return F.scale(acc, coeff);
}
