/**
 * A power with a variable exponent, B^X, B not shown > 0 (rule
 * `nf.power-split`): when B is one term c a1^e1 ... an^en, the factors shown
 * > 0 or < 0 on the domain are taken out, (P Q)^X = P^X Q^X with P > 0
 * (`(2 p y)^z = 2^z p^z y^z` for p > 0; a factor a < 0 goes out as (-a)^X).
 * Where (P Q)^X is defined, Q^X is defined too (Q has the sign of P Q, and
 * P^X is defined for P > 0) and the values agree; P^X then becomes
 * exp(X log P) like any power of a positive base. What is left, Q, stays one
 * atom Q^X.
 */
import type { NormalHost } from './normal-rules.js';
import { type Expr, mul, num, pow } from '../ir/expr.js';
import { type Rational, isInteger, isOne, rat, rmul, rneg, rsign } from '../ir/rational.js';
import { isNegativeRange, isNonnegRange, isPositiveRange, rangeOf } from './sign.js';
import { type Power, mono } from './poly.js';
import { type RatFunc, rfPoly } from './ratfunc.js';

/** B^X for a non-constant exponent X, where B is not shown > 0 */
export function variablePower(H: NormalHost, B: RatFunc, X: RatFunc): RatFunc {
  const whole = () => H.atom(pow(H.toExpr(B), H.toExpr(X)));
  if (B.den.length > 0 || B.num.size !== 1) return whole();
  const t = [...B.num.values()][0]!;
  let sign = rsign(t.coeff);
  const outside: Power[] = [];
  const inside: Power[] = [];
  for (const p of t.mono.powers) {
    const r = rangeOf(H.atoms.get(p.atom)!.expr, H.symbols);
    if (isPositiveRange(r)) outside.push(p);
    else if (isNegativeRange(r)) {
      outside.push(p);
      if (p.exp % 2n === 1n) sign = -sign;
    } else inside.push(p);
  }
  const coeff: Rational = rsign(t.coeff) < 0 ? rneg(t.coeff) : t.coeff;
  if (outside.length === 0 && isOne(coeff)) return whole();
  const rest = mono(inside);
  // Q = sign * (the rest): a bare -1 stays inside the whole power
  if (rest.powers.length === 0 && sign < 0) return whole();
  const F = H.field;
  const Xe = H.toExpr(X);
  // P^X = |c|^X * product of a^(e X) (a > 0) and (-a)^(e X) (a < 0), each base > 0
  const bases: [Expr, bigint][] = [[num(coeff), 1n]];
  for (const p of outside) {
    const a = H.atoms.get(p.atom)!.expr;
    bases.push([isPositiveRange(rangeOf(a, H.symbols)) ? a : mul([num(-1), a]), p.exp]);
  }
  // each base is > 0 by construction; checked again, as its power must go the way of a positive base
  if (!bases.every(([b]) => isPositiveRange(rangeOf(b, H.symbols)))) return whole();
  H.used.add('nf.power-split');
  let acc = rfPoly(new Map([['1', { coeff: rat(1), mono: mono([]) }]]));
  for (const [b, e] of bases) acc = F.mul(acc, F.pow(H.nf(pow(b, Xe)), e)!);
  if (rest.powers.length > 0) {
    const Q = rfPoly(new Map([[rest.key, { coeff: rat(sign), mono: rest }]]));
    acc = F.mul(acc, H.atom(pow(H.toExpr(Q), Xe)));
  }
  return acc;
}

/**
 * (u^m)^k = u^(m k) for a whole m != 0 and a fractional k, when m is odd or u >= 0 on the domain (rule
 * `nf.root-split`): u^m >= 0 exactly where u >= 0 then (> 0 where u > 0), so both sides are defined at the
 * same points, with the same value; `sqrt((a + b x)^3) = (a + b x)^(3/2)`. Undefined when it does not apply.
 */
export function powerOfPower(H: NormalHost, b: Expr, k: Rational): RatFunc | undefined {
  if (b.kind !== 'pow' || b.exp.kind !== 'num' || !isInteger(b.exp.value) || b.exp.value.n === 0n) return undefined;
  const m = b.exp.value.n;
  if (m % 2n === 0n && !isNonnegRange(rangeOf(b.base, H.symbols))) return undefined;
  H.used.add('nf.root-split');
  return H.nf(pow(b.base, num(rmul(rat(m), k))));
}
