/**
 * The rule tables. Each entry has a stable id (shipped ids never change
 * meaning), a statement, the side condition it requires, and a doc line.
 * The differentiator, the normal form, the explainer and the property tests
 * all read these tables.
 */
import { type Expr, call, mul, num, pow, add, neg, div, sub, sym } from '../ir/expr.js';
import { rat } from '../ir/rational.js';

export interface DerivativeRule {
  readonly id: `d.${string}`;
  readonly fn: string;
  /**
   * the partial derivatives of f at its arguments, one per argument (for a
   * function of one argument, f'(u)); d f(a, b) = f_a a' + f_b b'
   */
  readonly partials: (args: readonly Expr[]) => readonly Expr[];
  readonly statement: string;
  readonly doc: string;
}

const one = num(1);
/** the partials of a function of one argument, from f' */
const unary =
  (f: (u: Expr) => Expr) =>
  (args: readonly Expr[]): readonly Expr[] => [f(args[0]!)];
/** (a - b)/abs(a - b): the sign of a - b, undefined where a = b (the corner of max and min) */
const signOfDifference = (a: Expr, b: Expr): Expr => div(sub(a, b), call('abs', [sub(a, b)]));
const half = num(rat(1, 2));
const sq = (u: Expr) => pow(u, num(2));

/** d/dx f(u) = f'(u) * du/dx: the table of f' for every built-in function */
const DERIVATIVE_TABLE = [
  {
    id: 'd.exp',
    fn: 'exp',
    partials: unary((u) => call('exp', [u])),
    statement: "exp'(u) = exp(u)",
    doc: 'derivative of exp',
  },
  { id: 'd.log', fn: 'log', partials: unary((u) => div(one, u)), statement: "log'(u) = 1/u", doc: 'derivative of log' },
  {
    id: 'd.sqrt',
    fn: 'sqrt',
    partials: unary((u) => div(one, mul([num(2), call('sqrt', [u])]))),
    statement: "sqrt'(u) = 1/(2 sqrt(u))",
    doc: 'derivative of sqrt',
  },
  {
    id: 'd.sin',
    fn: 'sin',
    partials: unary((u) => call('cos', [u])),
    statement: "sin'(u) = cos(u)",
    doc: 'derivative of sin',
  },
  {
    id: 'd.cos',
    fn: 'cos',
    partials: unary((u) => neg(call('sin', [u]))),
    statement: "cos'(u) = -sin(u)",
    doc: 'derivative of cos',
  },
  {
    id: 'd.tan',
    fn: 'tan',
    partials: unary((u) => div(one, sq(call('cos', [u])))),
    statement: "tan'(u) = 1/cos(u)^2",
    doc: 'derivative of tan',
  },
  {
    id: 'd.sinh',
    fn: 'sinh',
    partials: unary((u) => call('cosh', [u])),
    statement: "sinh'(u) = cosh(u)",
    doc: 'derivative of sinh',
  },
  {
    id: 'd.cosh',
    fn: 'cosh',
    partials: unary((u) => call('sinh', [u])),
    statement: "cosh'(u) = sinh(u)",
    doc: 'derivative of cosh',
  },
  {
    id: 'd.tanh',
    fn: 'tanh',
    partials: unary((u) => sub(one, sq(call('tanh', [u])))),
    statement: "tanh'(u) = 1 - tanh(u)^2",
    doc: 'derivative of tanh',
  },
  {
    id: 'd.asin',
    fn: 'asin',
    partials: unary((u) => div(one, call('sqrt', [sub(one, sq(u))]))),
    statement: "asin'(u) = 1/sqrt(1 - u^2)",
    doc: 'derivative of asin',
  },
  {
    id: 'd.acos',
    fn: 'acos',
    partials: unary((u) => neg(div(one, call('sqrt', [sub(one, sq(u))])))),
    statement: "acos'(u) = -1/sqrt(1 - u^2)",
    doc: 'derivative of acos',
  },
  {
    id: 'd.atan',
    fn: 'atan',
    partials: unary((u) => div(one, add([one, sq(u)]))),
    statement: "atan'(u) = 1/(1 + u^2)",
    doc: 'derivative of atan',
  },
  {
    id: 'd.sigma',
    fn: 'sigma',
    partials: unary((u) => mul([call('sigma', [u]), sub(one, call('sigma', [u]))])),
    statement: "sigma'(u) = sigma(u) (1 - sigma(u))",
    doc: 'derivative of the logistic sigmoid',
  },
  {
    id: 'd.abs',
    fn: 'abs',
    partials: unary((u) => div(u, call('abs', [u]))),
    statement: "abs'(u) = u/abs(u), undefined at u = 0 (the corner)",
    doc: 'derivative of the absolute value',
  },
  {
    id: 'd.max',
    fn: 'max',
    partials: ([a, b]) => {
      const s = signOfDifference(a!, b!);
      return [mul([half, add([one, s])]), mul([half, sub(one, s)])];
    },
    statement: "d max(a, b) = (1 + t)/2 a' + (1 - t)/2 b' with t = (a - b)/abs(a - b), undefined where a = b",
    doc: 'derivative of max: the derivative of the larger argument',
  },
  {
    id: 'd.min',
    fn: 'min',
    partials: ([a, b]) => {
      const s = signOfDifference(a!, b!);
      return [mul([half, sub(one, s)]), mul([half, add([one, s])])];
    },
    statement: "d min(a, b) = (1 - t)/2 a' + (1 + t)/2 b' with t = (a - b)/abs(a - b), undefined where a = b",
    doc: 'derivative of min: the derivative of the smaller argument',
  },
] as const satisfies readonly DerivativeRule[];

/** the id of a row of the derivative table */
export type DerivativeRuleId = (typeof DERIVATIVE_TABLE)[number]['id'];
export const DERIVATIVE_RULES: readonly (DerivativeRule & { readonly id: DerivativeRuleId })[] = DERIVATIVE_TABLE;

export const DERIVATIVE_BY_FN: ReadonlyMap<string, DerivativeRule & { readonly id: DerivativeRuleId }> = new Map(
  DERIVATIVE_RULES.map((r) => [r.fn, r]),
);

/** the structural rules of differentiation, written once in derivative.ts */
export const STRUCTURAL_RULES = {
  'd.const': { statement: 'dc/dx = 0 for c not depending on x', doc: 'constant rule' },
  'd.var': { statement: 'dx/dx = 1', doc: 'a variable by itself' },
  'd.indexed': { statement: 'd w[m,k] / d w[i,j] = delta(m,i) delta(k,j)', doc: 'indexed variable: Kronecker deltas' },
  'd.symmetric': {
    statement:
      'd W[m,k] / d W[i,j] = delta(m,i) delta(k,j) + delta(m,j) delta(k,i) - delta(m,i) delta(k,j) delta(i,j) for symmetric W',
    doc: 'symmetric array: both positions of W[i,j], once on the diagonal',
  },
  'd.independent': { statement: 'dq/dv = 0 when q is declared independent of v', doc: 'declared independence' },
  'd.opaque': { statement: 'dq/dv stays diff(q, v) for an opaque q that may depend on v', doc: 'opaque quantity' },
  'd.sum-rule': { statement: "(f + g)' = f' + g'", doc: 'sum rule' },
  'd.product': { statement: "(f g)' = f' g + f g'", doc: 'product rule' },
  'd.power': { statement: "(u^c)' = c u^(c-1) u' for c not depending on x", doc: 'power rule' },
  'd.exp-power': { statement: "(b^u)' = b^u log(b) u' for b not depending on x", doc: 'exponential rule' },
  'd.general-power': { statement: "(u^v)' = u^v (v' log(u) + v u'/u)", doc: 'general power rule' },
  'd.chain': { statement: "f(u)' = f'(u) u'", doc: 'chain rule' },
  'd.sum-index': { statement: 'd/dx sum(k, f) = sum(k, df/dx)', doc: 'differentiate under the sum' },
  // named by explanations (src/explain/derivative-steps.ts) as a textbook does; the core itself reaches both by the product rule
  'd.quotient': { statement: "(f/g)' = (f' g - f g')/g^2", doc: 'quotient rule (explanations)' },
  'd.constant-multiple': {
    statement: "(c f)' = c f' for c not depending on x",
    doc: 'constant-multiple rule (explanations)',
  },
} as const satisfies Record<`d.${string}`, { statement: string; doc: string }>;
export type StructuralRuleId = keyof typeof STRUCTURAL_RULES;

export interface AlgebraRule {
  readonly id: `nf.${string}`;
  readonly statement: string;
  /** the side condition, checked by interval analysis (sign.ts) before the rule applies */
  readonly requires?: string;
  readonly doc: string;
}

/** rewrites the normal form applies to atoms (normal.ts); ids appear in explanations */
const ALGEBRA_TABLE = [
  {
    id: 'nf.expand',
    statement: 'products of sums expand; like terms collect',
    doc: 'polynomial arithmetic with exact rationals',
  },
  {
    id: 'nf.cancel',
    statement: 'a f / (b f) = a / b',
    requires: 'f != 0 wherever the expression is defined (definedness is compared separately)',
    doc: 'cancel a common factor',
  },
  { id: 'nf.binary', statement: 's^2 = s', requires: 's binary', doc: 'a binary variable is idempotent' },
  {
    id: 'nf.delta',
    statement: 'delta(a, a) = 1; delta(a, b)^2 = delta(a, b); distinct literals give 0',
    doc: 'Kronecker delta',
  },
  {
    id: 'nf.delta-collapse',
    statement: 'sum(k, delta(k, j) f(k)) = f(j)',
    requires: 'j is a unit (an index variable or a literal unit)',
    doc: 'only the k = j term survives',
  },
  {
    id: 'nf.sum-split',
    statement: 'sum(k, a f + b g) = a sum(k, f) + b sum(k, g) for a, b free of k',
    doc: 'linearity of sums',
  },
  { id: 'nf.sum-const', statement: 'sum(k, c) = n c for c free of k', doc: 'a constant summed over n units' },
  { id: 'nf.sum-alpha', statement: 'sum(k, f(k)) = sum(m, f(m))', doc: 'bound indices are renamed canonically' },
  { id: 'nf.sigma', statement: 'sigma(u) = exp(u) / (1 + exp(u))', doc: 'the logistic function in terms of exp' },
  {
    id: 'nf.exp-sum',
    statement:
      'exp(a + b) = exp(a) exp(b); exp(k g m) = exp(g m)^k for whole k, g the common base of the monomial m in both sides (bases.ts: exp(x/2), exp(x) share exp(x/2))',
    doc: 'exp of a sum',
  },
  { id: 'nf.exp-log', statement: 'exp(c log(u)) = u^c', requires: 'u > 0 (log(u) defined)', doc: 'exp undoes log' },
  { id: 'nf.log-exp', statement: 'log(exp(u)) = u', doc: 'log undoes exp' },
  {
    id: 'nf.log-product',
    statement: 'log(a b) = log(a) + log(b); log(a / b) = log(a) - log(b); log(a^c) = c log(a)',
    requires: 'a > 0 and b > 0',
    doc: 'log of a product',
  },
  {
    id: 'nf.log-rational',
    statement: 'log(p^a q^b) = a log(p) + b log(q) for primes p, q',
    doc: 'log of a rational number',
  },
  {
    id: 'nf.root',
    statement: 'u^(p/q) = r^p with r = u^(1/q), r^q = u',
    requires: 'u >= 0 (where r is defined)',
    doc: 'rational powers',
  },
  {
    id: 'nf.root-split',
    statement:
      '(c a^e b^f)^k = c^k a^(e k) b^(f k); (g m P)^k = g^k m^k P^k for the content g > 0 and common monomial m of a sum; (u^(1/q))^e = u^(e/q); (u^m)^k = u^(m k) for odd m or u >= 0; (N/D)^k = N^k D^(-k) for D > 0; c^(p/q) over the primes of c (sqrt(8) = 2 sqrt(2)); one root order 60 per base',
    requires:
      'c > 0 and g > 0; every atom a, b >= 0 and every atom of m > 0 on the whole domain (interval analysis); u >= 0 where u^(1/q) is defined',
    doc: 'radicals split over factors',
  },
  {
    id: 'nf.root-denest',
    statement:
      'sqrt(a + b sqrt(r)) = sqrt((a + d)/2) + sgn(b) sqrt((a - d)/2) for rationals a > 0, b, r > 0 with a^2 - b^2 r = d^2, d >= 0 rational',
    requires: 'a > 0 and a^2 - b^2 r a rational square (checked exactly)',
    doc: 'a nested square root that denests',
  },
  {
    id: 'nf.rationalize',
    statement:
      'N/(A + B r) = N (A - B r)/(A^2 - B^2 c) for r = sqrt(c), c > 0 rational, inside sin, cos and rational powers',
    requires:
      'every atom of the denominator a square root of a positive rational; the final denominator a nonzero rational',
    doc: 'a rational denominator for a constant with square roots',
  },
  {
    id: 'nf.binary-power',
    statement: 'b^(a + c s) = (1 - s) b^a + s b^(a+c)',
    requires: 's binary; a and a + c whole numbers >= 0',
    doc: 'a power with a binary exponent',
  },
  {
    id: 'nf.binary-log',
    statement: 'log((1 - s) A + s B) = (1 - s) log A + s log B',
    requires: 's binary, A > 0 and B > 0',
    doc: 'the log of a value selected by a binary variable',
  },
  { id: 'nf.power-exp', statement: 'b^v = exp(v log(b))', requires: 'b > 0', doc: 'a variable exponent' },
  {
    id: 'nf.power-split',
    statement: '(c a b)^v = |c|^v a^v (sgn(c) b)^v; (-1)^e a^e for a < 0 goes out as (-a)^e',
    requires: 'c != 0 rational; every atom taken out (a) > 0 or < 0 on the whole domain (interval analysis)',
    doc: 'a variable power of a product split over its one-signed factors',
  },
  { id: 'nf.hyperbolic', statement: 'sinh, cosh, tanh in terms of exp', doc: 'hyperbolic functions' },
  {
    id: 'nf.trig',
    statement: 'tan = sin/cos; cos(u)^2 = 1 - sin(u)^2; sin(-u) = -sin(u); cos(-u) = cos(u)',
    doc: 'trigonometric atoms',
  },
  {
    id: 'nf.trig-expand',
    statement:
      'sin(a + b) = sin a cos b + cos a sin b, cos(a + b) = cos a cos b - sin a sin b; c m = k (g m) as a whole multiple k of the common base angle g m of the monomial m in both sides (bases.ts); sin, cos at multiples of pi/12 exactly',
    requires: `at most MAX_TRIG_TERMS terms and multiples up to MAX_TRIG_MULTIPLE (else the argument stays whole)`,
    doc: 'trigonometric addition and multiple angles',
  },
  {
    id: 'nf.inverse',
    statement:
      'sin(asin(u)) = u, cos(asin(u)) = sqrt(1 - u^2), sin(atan(u)) = u/sqrt(1 + u^2), cos(atan(u)) = 1/sqrt(1 + u^2) (so cos(acos(u)) = u, tan(atan(u)) = u)',
    doc: 'a function after its inverse',
  },
  {
    id: 'nf.odd',
    statement: 'asin(-u) = -asin(u), atan(-u) = -atan(u), acos(u) = pi/2 - asin(u)',
    doc: 'inverse trigonometric atoms',
  },
  {
    id: 'nf.abs',
    statement:
      'max(a, b) = (a + b + abs(a - b))/2, min(a, b) = (a + b - abs(a - b))/2; abs(c) = |c|; abs(-u) = abs(u); abs(c u) = |c| abs(u); abs(u)^2 = u^2; abs(u) = u for u >= 0 and -u for u <= 0',
    requires: 'the sign of u shown by interval analysis, for the last rule',
    doc: 'absolute value, max and min',
  },
  { id: 'nf.symmetric', statement: 'W[b,a] = W[a,b] for symmetric W', doc: 'a symmetric array' },
  {
    id: 'nf.assume',
    statement: 'sum(k, f) = v where the file assumes it',
    requires: 'an assume equation of the file (a premise every report lists)',
    doc: 'an assumed equation',
  },
  {
    id: 'nf.special-values',
    statement: 'exp(0) = 1, log(1) = 0, sin(0) = 0, cos(0) = 1, ...',
    doc: 'values at 0 and 1',
  },
] as const satisfies readonly AlgebraRule[];

export type AlgebraRuleId = (typeof ALGEBRA_TABLE)[number]['id'];
export const ALGEBRA_RULES: readonly (AlgebraRule & { readonly id: AlgebraRuleId })[] = ALGEBRA_TABLE;

/** every rule id: a misspelt id does not compile */
export type RuleId = DerivativeRuleId | StructuralRuleId | AlgebraRuleId;

/** every rule id with its statement and doc line */
export const ALL_RULES: ReadonlyMap<RuleId, { readonly statement: string; readonly doc: string }> = new Map<
  RuleId,
  { readonly statement: string; readonly doc: string }
>([
  ...DERIVATIVE_TABLE.map((r) => [r.id, r] as const),
  ...(Object.entries(STRUCTURAL_RULES) as [StructuralRuleId, { statement: string; doc: string }][]),
  ...ALGEBRA_TABLE.map((r) => [r.id, r] as const),
]);

/** x, the placeholder variable the property tests use to check DERIVATIVE_RULES */
export const RULE_VARIABLE = sym('u');
