/**
 * sin and cos of a normal form U (rules `nf.trig`, `nf.trig-expand`,
 * `nf.special-values`, `nf.inverse`). U's terms are split (sin(a + b) =
 * sin a cos b + cos a sin b, true for all reals); each term c m, c = p/d,
 * is the whole multiple p of the base angle m/d (sin(k t), cos(k t) are
 * polynomials in sin t and cos t, true for all reals), so sin(2x), sin(x)
 * and cos(x - pi/2) share the atoms sin(x), cos(x). A multiple of pi/12
 * takes its exact value (in square roots of 2 and 3). No denominator is
 * ever created: every rewrite holds at every point. Past MAX_TRIG_TERMS
 * terms or MAX_TRIG_MULTIPLE the argument stays whole (one atom).
 */
import type { NormalHost } from './normal-rules.js';
import { type Expr, call, constant, mul, num, pow, add } from '../ir/expr.js';
import { rat, rmul, rneg, rsign, isInteger, isOne, ONE } from '../ir/rational.js';
import { type Poly, type Term, addPoly, constPoly, scalePoly } from './poly.js';
import type { RatFunc } from './ratfunc.js';
import { rfConstantValue, rfKey, rfPoly, leadingSign, RF_ONE, RF_ZERO, singleAtomExpr } from './ratfunc.js';
import { MAX_TRIG_MULTIPLE, MAX_TRIG_TERMS } from './budget.js';
import { rationalize } from './rationalize.js';

interface SinCos {
  readonly s: RatFunc;
  readonly c: RatFunc;
}

const half = (e: Expr) => mul([e, pow(num(2), num(-1))]);
const root = (n: number) => pow(num(n), num(rat(1, 2)));
/** sin(k pi/12) for k = 0..6 */
const FIRST_QUADRANT: readonly Expr[] = [
  num(0),
  mul([num(rat(1, 4)), add([mul([root(2), root(3)]), mul([num(-1), root(2)])])]),
  num(rat(1, 2)),
  half(root(2)),
  half(root(3)),
  mul([num(rat(1, 4)), add([mul([root(2), root(3)]), root(2)])]),
  num(1),
];

/** sin(k pi/12) exactly, for any whole k */
function sinTwelfth(k: bigint): Expr {
  const r = ((k % 24n) + 24n) % 24n;
  const table = (i: bigint) => FIRST_QUADRANT[[0n, 1n, 2n, 3n, 4n, 5n, 6n].indexOf(i)]!;
  if (r <= 6n) return table(r);
  if (r <= 12n) return table(12n - r);
  const neg = (e: Expr) => mul([num(-1), e]);
  return r <= 18n ? neg(table(r - 12n)) : neg(table(24n - r));
}

export function sinCos(H: NormalHost, fn: 'sin' | 'cos', V: RatFunc): RatFunc {
  H.used.add('nf.trig');
  const U = rationalize(H, V);
  const terms = [...U.num.values()];
  if (U.den.length > 0) return whole(H, fn, U);
  if (terms.length > MAX_TRIG_TERMS) {
    H.limited.add('MAX_TRIG_TERMS');
    return whole(H, fn, U);
  }
  let acc: SinCos = { s: RF_ZERO, c: RF_ONE };
  for (const t of terms) {
    const one = termSinCos(H, t);
    if (!one) return whole(H, fn, U);
    const F = H.field;
    acc = { s: F.add(F.mul(acc.s, one.c), F.mul(acc.c, one.s)), c: F.sub(F.mul(acc.c, one.c), F.mul(acc.s, one.s)) };
  }
  if (terms.length > 1 || !isOne(terms[0]?.coeff ?? ONE)) H.used.add('nf.trig-expand');
  return fn === 'sin' ? acc.s : acc.c;
}

/** sin and cos of one term c m: an exact value at a multiple of pi/12, else k = p times the base angle m/d */
function termSinCos(H: NormalHost, t: Term): SinCos | undefined {
  const p = t.mono.powers;
  if (p.length === 1 && p[0]!.exp === 1n && p[0]!.atom === '#pi') {
    const twelfths = rmul(t.coeff, rat(12));
    if (isInteger(twelfths)) {
      H.used.add('nf.special-values');
      return { s: H.nf(sinTwelfth(twelfths.n)), c: H.nf(sinTwelfth(twelfths.n + 6n)) };
    }
    const halves = rmul(twelfths, rat(2));
    if (isInteger(halves)) return oddTwentyFourth(H, halves.n);
  }
  const atom = p.length === 1 && p[0]!.exp === 1n ? H.atoms.get(p[0]!.atom)?.expr : undefined;
  const inverse = atom?.kind === 'call' && (atom.fn === 'asin' || atom.fn === 'atan');
  const { base: baseCoeff, k } = H.bases.of('trig', t.mono.key, t.coeff, inverse);
  if (k > MAX_TRIG_MULTIPLE || k < -MAX_TRIG_MULTIPLE) {
    H.limited.add('MAX_TRIG_MULTIPLE');
    return undefined;
  }
  const base: Poly = new Map([[t.mono.key, { coeff: baseCoeff, mono: t.mono }]]);
  const one = baseAtoms(H, rfPoly(base));
  let acc: SinCos = { s: RF_ZERO, c: RF_ONE };
  const F = H.field;
  const n = k < 0n ? -k : k;
  for (let i = 0n; i < n; i++)
    acc = { s: F.add(F.mul(acc.s, one.c), F.mul(acc.c, one.s)), c: F.sub(F.mul(acc.c, one.c), F.mul(acc.s, one.s)) };
  return k < 0n ? { s: F.neg(acc.s), c: acc.c } : acc;
}

/**
 * sin and cos of k pi/24 for odd k: with C = cos(pi/24) = sqrt((1 + cos(pi/12))/2) (> 0) and
 * tan(pi/24) = (1 - cos(pi/12))/sin(pi/12) (tan(t/2) = (1 - cos t)/sin t), sin(pi/24) = tan(pi/24) C, and
 * k pi/24 = pi/24 + m pi/12 by the addition formulas; every value is a constant times C, so tan and cot of
 * k pi/24 are exact radicals
 */
function oddTwentyFourth(H: NormalHost, k: bigint): SinCos {
  H.used.add('nf.special-values');
  const F = H.field;
  const cos12 = sinTwelfth(7n);
  const C = H.nf(call('sqrt', [mul([num(rat(1, 2)), add([num(1), cos12])])]));
  const tan24 = H.nf(mul([add([num(1), mul([num(-1), cos12])]), pow(sinTwelfth(1n), num(-1))]));
  const S = F.mul(tan24, C);
  const m = (k - 1n) / 2n;
  const sm = H.nf(sinTwelfth(m));
  const cm = H.nf(sinTwelfth(m + 6n));
  return { s: F.add(F.mul(S, cm), F.mul(C, sm)), c: F.sub(F.mul(C, cm), F.mul(S, sm)) };
}

/** sin and cos of a base angle T (positive leading coefficient): atoms, or values for T = asin(u), atan(u) */
function baseAtoms(H: NormalHost, T: RatFunc): SinCos {
  const inner = singleAtomExpr(H.atoms, T);
  const fn = inner?.kind === 'call' ? inner.fn : undefined;
  const u = inner?.kind === 'call' ? inner.args[0]! : undefined;
  if (u && fn === 'asin') {
    // where asin(u) is defined, cos(asin u) = sqrt(1 - u^2) (asin u in [-pi/2, pi/2], so cos >= 0)
    H.used.add('nf.inverse');
    return { s: H.nf(u), c: H.nf(call('sqrt', [add([num(1), mul([num(-1), pow(u, num(2))])])])) };
  }
  if (u && fn === 'atan') {
    // cos(atan u) = 1/sqrt(1 + u^2) > 0, sin(atan u) = u/sqrt(1 + u^2); sqrt(1 + u^2) >= 1 is never 0
    H.used.add('nf.inverse');
    const w = H.nf(pow(add([num(1), pow(u, num(2))]), num(rat(-1, 2))));
    return { s: H.field.mul(H.nf(u), w), c: w };
  }
  const arg = H.toExpr(T);
  const sinAtom = H.atom(call('sin', [arg]));
  const to = addPoly(constPoly(ONE), scalePoly(H.ring.mul(sinAtom.num, sinAtom.num), rneg(ONE)));
  return { s: sinAtom, c: H.atom(call('cos', [arg]), { kind: 'square', to }) };
}

/** sin(U), cos(U) kept whole: one atom of U with a positive leading coefficient */
function whole(H: NormalHost, fn: 'sin' | 'cos', U: RatFunc): RatFunc {
  const c = rfConstantValue(U);
  if (c !== undefined && rsign(c) === 0) return fn === 'sin' ? RF_ZERO : RF_ONE;
  const negated = leadingSign(U) < 0;
  const V = negated ? H.field.neg(U) : U;
  const one = baseAtoms(H, V);
  if (fn === 'cos') return one.c;
  return negated ? H.field.neg(one.s) : one.s;
}

/** tan(k pi/12) for k = 0..5, in the forms people write (1/sqrt(3) and sqrt(3)/3 both) */
const TAN_TABLE: readonly [bigint, Expr][] = [
  [0n, num(0)],
  [1n, add([num(2), mul([num(-1), root(3)])])],
  [2n, mul([num(rat(1, 3)), root(3)])],
  [2n, pow(root(3), num(-1))],
  [3n, num(1)],
  [4n, root(3)],
  [5n, add([num(2), root(3)])],
];

/**
 * asin(U), atan(U) when U is exactly a table value (rule `nf.special-values`):
 * asin(sin(k pi/12)) = k pi/12 for |k| <= 6, atan(tan(k pi/12)) = k pi/12 for
 * |k| <= 5, the principal values. Matched by normal form, so only an exact
 * equality of U with the table value matches.
 */
export function inverseValue(H: NormalHost, fn: 'asin' | 'atan', U: RatFunc): RatFunc | undefined {
  const key = rfKey(rationalize(H, U));
  const candidates: [bigint, Expr][] =
    fn === 'asin'
      ? [-6n, -5n, -4n, -3n, -2n, -1n, 0n, 1n, 2n, 3n, 4n, 5n, 6n].map((k) => [k, sinTwelfth(k)])
      : TAN_TABLE.flatMap(([k, v]) => [
          [k, v],
          [-k, mul([num(-1), v])],
        ]);
  for (const [k, v] of candidates) {
    if (rfKey(H.nf(v)) !== key) continue;
    H.used.add('nf.special-values');
    return H.nf(mul([num(rat(k, 12n)), constant('pi')]));
  }
  return undefined;
}
