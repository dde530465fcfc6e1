/**
 * Witness search: exact candidate points where a definedness condition that
 * only one side of a step needs fails (the core reports such conditions as
 * data, `ConditionReport`). Untrusted and only a proposal: the numeric layer
 * evaluates both sides at each candidate and certifies, or discards it. A
 * candidate sets one variable to an exact value (a rational, or a rational
 * combination of pi for trig poles); the other variables are left to the
 * sampler.
 *
 * What it finds: rational roots of a polynomial in one variable (a
 * denominator `x^2 - 3x + 2`, a log argument), exact points where such a
 * polynomial is negative (a square root, an asin argument), zeros of
 * `cos(a v + b)` and `sin(a v + b)` (tan poles) for a few small multiples of
 * pi, and 0 for a lone scalar or array element that must be nonzero.
 */
import { type Expr, type Variable, add, call, children, constant, mul, num } from '../ir/expr.js';
import { type Rational, ONE, ZERO, isZero, radd, rat, rdiv, rmul, rneg, rsign } from '../ir/rational.js';
import type { ConditionKind } from '../core/definedness.js';
import { polynomialAt, rationalRoots, univariate } from './univariate.js';

/** why: the poles of tan(a v + b) repeat every pi/a; a few on each side of 0 are enough for the sampler to find one inside a domain */
const WITNESS_PI_MULTIPLES: readonly number[] = [0, -1, 1, -2, 2];

/** what the search needs of a condition: the core's ConditionReport has these fields */
interface WitnessCondition {
  readonly kind: ConditionKind;
  readonly expr: Expr;
  readonly forAll: readonly string[];
}

/** one proposed point: the variable (its indices may be the condition's bound indices `%c1`...) and its exact value */
export interface WitnessCandidate {
  readonly variable: Variable;
  readonly value: Expr;
  /** the index of the condition (in the list given) that fails there */
  readonly condition: number;
  /** how it was found, for messages */
  readonly why: string;
}

/** an exact point v = value where the condition's expression is zero */
interface Zero {
  readonly variable: Variable;
  readonly value: Expr;
  readonly why: string;
}

/**
 * Exact candidate points where each condition fails: for `nonzero` and
 * `positive`, the zeros of its expression; for `positive` and
 * `nonnegative`, also exact points where a one-variable polynomial is
 * negative; for `defined` (a power b^x), points where the base is zero or
 * negative.
 */
export function proposeWitnesses(conditions: readonly WitnessCondition[]): WitnessCandidate[] {
  const out: WitnessCandidate[] = [];
  const seen = new Set<string>();
  conditions.forEach((c, index) => {
    const target = c.kind === 'defined' && c.expr.kind === 'pow' ? c.expr.base : c.expr;
    const found: Zero[] = [];
    if (c.kind !== 'nonnegative') found.push(...zerosOf(target));
    if (c.kind !== 'nonzero') found.push(...negativePoints(target));
    for (const z of found) {
      const key = `${index}|${z.variable.key}|${z.value.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ variable: z.variable, value: z.value, condition: index, why: z.why });
    }
  });
  return out;
}

/** exact points where e = 0, as far as they can be found in closed form */
function zerosOf(e: Expr): Zero[] {
  const poly = univariate(e);
  if (poly) {
    const v = poly.variable;
    if (!v) return [];
    const roots = rationalRoots(poly.coeffs).map((r) => ({ variable: v, value: num(r), why: 'a rational root' }));
    return roots.length > 0 ? roots : quadraticRoots(v, poly.coeffs);
  }
  const shifted = linearWithConstant(e);
  if (shifted) return [shifted];
  switch (e.kind) {
    case 'mul':
      // a product is zero where one factor is (the numeric layer checks the others are defined there)
      return e.factors.flatMap(zerosOf);
    case 'pow':
      return e.exp.kind === 'num' && rsign(e.exp.value) > 0 ? zerosOf(e.base) : [];
    case 'call':
      if (e.fn === 'cos' || e.fn === 'sin') return trigZeros(e.fn, e.args[0]!);
      if (e.fn === 'sqrt' || e.fn === 'abs') return zerosOf(e.args[0]!);
      if (e.fn === 'log') return zerosOf(add([e.args[0]!, num(-1)]));
      return [];
    default:
      return [];
  }
}

/** a v + b for one variable v, with rational a != 0 and b */
function linear(e: Expr): { variable: Variable; a: Rational; b: Rational } | undefined {
  const p = univariate(e);
  if (p?.variable === undefined || p.coeffs.length !== 2) return undefined;
  return { variable: p.variable, a: p.coeffs[1]!, b: p.coeffs[0]! };
}

/**
 * Zeros of cos(u) and sin(u) for u = a v + b, or u = pi (a v + b): cos is 0
 * at u = (m + 1/2) pi, sin at u = m pi, for the small m in WITNESS_PI_MULTIPLES.
 */
function trigZeros(fn: 'cos' | 'sin', u: Expr): Zero[] {
  const shift = fn === 'cos' ? rat(1, 2) : ZERO;
  const why = `a zero of ${fn}`;
  const piFactor = u.kind === 'mul' && u.factors.some((f) => f.kind === 'const' && f.name === 'pi');
  if (piFactor) {
    // u = pi w: zero where w = m + shift, a rational point
    const w = mul(u.factors.filter((f) => !(f.kind === 'const' && f.name === 'pi')));
    const l = linear(w);
    if (!l) return [];
    return WITNESS_PI_MULTIPLES.map((m) => {
      const value = rdiv(radd(radd(rat(m), shift), rneg(l.b)), l.a);
      return { variable: l.variable, value: num(value), why };
    });
  }
  const l = linear(u);
  if (!l) return [];
  // v = ((m + shift) pi - b) / a
  return WITNESS_PI_MULTIPLES.map((m) => {
    const piCoeff = rdiv(radd(rat(m), shift), l.a);
    const rest = rdiv(rneg(l.b), l.a);
    const piTerm = isZero(piCoeff) ? [] : [mul([num(piCoeff), constant('pi')])];
    const value = add([...piTerm, ...(isZero(rest) ? [] : [num(rest)])]);
    return { variable: l.variable, value, why };
  });
}

/**
 * Exact points where a one-variable polynomial is negative: one left of,
 * between and right of its rational roots, and a few small numbers (for
 * polynomials whose roots are irrational), each checked exactly.
 */
function negativePoints(e: Expr): Zero[] {
  const poly = univariate(e);
  if (poly?.variable === undefined) return [];
  const v = poly.variable;
  const roots = rationalRoots(poly.coeffs);
  const probes: Rational[] = [ZERO, ONE, rat(-1), rat(2), rat(-2), rat(1, 2), rat(-1, 2)];
  if (roots.length > 0) {
    probes.push(radd(roots[0]!, rat(-1)), radd(roots[roots.length - 1]!, ONE));
    for (let k = 1; k < roots.length; k++) probes.push(rmul(radd(roots[k - 1]!, roots[k]!), rat(1, 2)));
  }
  const seen = new Set<string>();
  const out: Zero[] = [];
  for (const p of probes) {
    const key = `${p.n}/${p.d}`;
    if (seen.has(key) || rsign(polynomialAt(poly.coeffs, p)) >= 0) continue;
    seen.add(key);
    out.push({ variable: v, value: num(p), why: 'a point where it is negative' });
  }
  return out;
}

/** the irrational roots (-b ± sqrt(b^2 - 4ac)) / 2a of a quadratic with rational coefficients, as exact expressions */
function quadraticRoots(v: Variable, coeffs: readonly Rational[]): Zero[] {
  if (coeffs.length !== 3) return [];
  const [c, b, a] = coeffs as [Rational, Rational, Rational];
  const disc = radd(rmul(b, b), rmul(rat(-4), rmul(a, c)));
  if (rsign(disc) <= 0) return [];
  const centre = rdiv(rneg(b), rmul(rat(2), a));
  const half = rdiv(ONE, rmul(rat(2), a));
  return [ONE, rat(-1)].map((sign) => ({
    variable: v,
    value: add([...(isZero(centre) ? [] : [num(centre)]), mul([num(rmul(sign, half)), call('sqrt', [num(disc)])])]),
    why: 'an irrational root of a quadratic',
  }));
}

/** true when e has no variable in it (numbers, pi, e, functions of them) */
function variableFree(e: Expr): boolean {
  if (e.kind === 'sym' || e.kind === 'elem' || e.kind === 'units' || e.kind === 'sum' || e.kind === 'diff')
    return false;
  return children(e).every(variableFree);
}

/** the zero of a v + C, with rational a != 0 and C free of variables (x - exp(7)): v = -C/a */
function linearWithConstant(e: Expr): Zero | undefined {
  if (e.kind !== 'add') return undefined;
  const rest = e.terms.filter(variableFree);
  const moving = e.terms.filter((t) => !variableFree(t));
  if (moving.length !== 1 || rest.length === 0) return undefined;
  const l = univariate(moving[0]!);
  if (l?.variable === undefined || l.coeffs.length !== 2 || !isZero(l.coeffs[0]!)) return undefined;
  const a = l.coeffs[1]!;
  return { variable: l.variable, value: mul([num(rdiv(rat(-1), a)), add(rest)]), why: 'the zero of a linear factor' };
}
