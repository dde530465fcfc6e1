/**
 * The words of every rule of the core (src/core/rules.ts): its statement, the
 * side condition it requires, and a doc line, for explanations and
 * documentation. The core computes with the ids alone; keyed by the typed
 * `RuleId`, so a rule without words, or words for no rule, does not compile
 * (test/core/rule-ids.test.ts checks each is written out).
 */
import type { RuleId } from '../core/rules.js';

interface RuleWords {
  readonly statement: string;
  /** the side condition, checked by interval analysis (sign.ts) before the rule applies */
  readonly requires?: string;
  readonly doc: string;
}

export const RULE_DOCS: Readonly<Record<RuleId, RuleWords>> = {
  'd.exp': {
    statement: "exp'(u) = exp(u)",
    doc: 'derivative of exp',
  },
  'd.log': {
    statement: "log'(u) = 1/u",
    doc: 'derivative of log',
  },
  'd.sqrt': {
    statement: "sqrt'(u) = 1/(2 sqrt(u))",
    doc: 'derivative of sqrt',
  },
  'd.sin': {
    statement: "sin'(u) = cos(u)",
    doc: 'derivative of sin',
  },
  'd.cos': {
    statement: "cos'(u) = -sin(u)",
    doc: 'derivative of cos',
  },
  'd.tan': {
    statement: "tan'(u) = 1/cos(u)^2",
    doc: 'derivative of tan',
  },
  'd.sinh': {
    statement: "sinh'(u) = cosh(u)",
    doc: 'derivative of sinh',
  },
  'd.cosh': {
    statement: "cosh'(u) = sinh(u)",
    doc: 'derivative of cosh',
  },
  'd.tanh': {
    statement: "tanh'(u) = 1 - tanh(u)^2",
    doc: 'derivative of tanh',
  },
  'd.asin': {
    statement: "asin'(u) = 1/sqrt(1 - u^2)",
    doc: 'derivative of asin',
  },
  'd.acos': {
    statement: "acos'(u) = -1/sqrt(1 - u^2)",
    doc: 'derivative of acos',
  },
  'd.atan': {
    statement: "atan'(u) = 1/(1 + u^2)",
    doc: 'derivative of atan',
  },
  'd.sigma': {
    statement: "sigma'(u) = sigma(u) (1 - sigma(u))",
    doc: 'derivative of the logistic sigmoid',
  },
  'd.abs': {
    statement: "abs'(u) = u/abs(u), undefined at u = 0 (the corner)",
    doc: 'derivative of the absolute value',
  },
  'd.max': {
    statement: "d max(a, b) = (1 + t)/2 a' + (1 - t)/2 b' with t = (a - b)/abs(a - b), undefined where a = b",
    doc: 'derivative of max: the derivative of the larger argument',
  },
  'd.min': {
    statement: "d min(a, b) = (1 - t)/2 a' + (1 + t)/2 b' with t = (a - b)/abs(a - b), undefined where a = b",
    doc: 'derivative of min: the derivative of the smaller argument',
  },
  'd.const': {
    statement: 'dc/dx = 0 for c not depending on x',
    doc: 'constant rule',
  },
  'd.var': {
    statement: 'dx/dx = 1',
    doc: 'a variable by itself',
  },
  'd.indexed': {
    statement: 'd w[m,k] / d w[i,j] = delta(m,i) delta(k,j)',
    doc: 'indexed variable: Kronecker deltas',
  },
  'd.symmetric': {
    statement:
      'd W[m,k] / d W[i,j] = delta(m,i) delta(k,j) + delta(m,j) delta(k,i) - delta(m,i) delta(k,j) delta(i,j) for symmetric W',
    doc: 'symmetric array: both positions of W[i,j], once on the diagonal',
  },
  'd.independent': {
    statement: 'dq/dv = 0 when q is declared independent of v',
    doc: 'declared independence',
  },
  'd.opaque': {
    statement: 'dq/dv stays diff(q, v) for an opaque q that may depend on v',
    doc: 'opaque quantity',
  },
  'd.sum-rule': {
    statement: "(f + g)' = f' + g'",
    doc: 'sum rule',
  },
  'd.product': {
    statement: "(f g)' = f' g + f g'",
    doc: 'product rule',
  },
  'd.power': {
    statement: "(u^c)' = c u^(c-1) u' for c not depending on x",
    doc: 'power rule',
  },
  'd.exp-power': {
    statement: "(b^u)' = b^u log(b) u' for b not depending on x",
    doc: 'exponential rule',
  },
  'd.general-power': {
    statement: "(u^v)' = u^v (v' log(u) + v u'/u)",
    doc: 'general power rule',
  },
  'd.chain': {
    statement: "f(u)' = f'(u) u'",
    doc: 'chain rule',
  },
  'd.sum-index': {
    statement: 'd/dx sum(k, f) = sum(k, df/dx)',
    doc: 'differentiate under the sum',
  },
  'd.quotient': {
    statement: "(f/g)' = (f' g - f g')/g^2",
    doc: 'quotient rule (explanations)',
  },
  'd.constant-multiple': {
    statement: "(c f)' = c f' for c not depending on x",
    doc: 'constant-multiple rule (explanations)',
  },
  'nf.expand': {
    statement: 'products of sums expand; like terms collect',
    doc: 'polynomial arithmetic with exact rationals',
  },
  'nf.cancel': {
    statement: 'a f / (b f) = a / b',
    requires: 'f != 0 wherever the expression is defined (definedness is compared separately)',
    doc: 'cancel a common factor',
  },
  'nf.nonzero-product': {
    statement:
      'a nonzero factor f one side needs excludes no point the other keeps when f divides the product of its nonzero factors',
    requires:
      'the division is exact (checked by multiplying back); every differing condition is such a factor, both ways',
    doc: 'denominators factored differently ask for the same points (x^2 - 1 against (x - 1)(x + 1))',
  },
  'nf.binary': {
    statement: 's^2 = s',
    requires: 's binary',
    doc: 'a binary variable is idempotent',
  },
  'nf.delta': {
    statement: 'delta(a, a) = 1; delta(a, b)^2 = delta(a, b); distinct literals give 0',
    doc: 'Kronecker delta',
  },
  'nf.delta-collapse': {
    statement: 'sum(k, delta(k, j) f(k)) = f(j)',
    requires: 'j is a unit (an index variable or a literal unit)',
    doc: 'only the k = j term survives',
  },
  'nf.sum-split': {
    statement: 'sum(k, a f + b g) = a sum(k, f) + b sum(k, g) for a, b free of k',
    doc: 'linearity of sums',
  },
  'nf.sum-const': {
    statement: 'sum(k, c) = n c for c free of k',
    doc: 'a constant summed over n units',
  },
  'nf.sum-alpha': {
    statement: 'sum(k, f(k)) = sum(m, f(m))',
    doc: 'bound indices are renamed canonically',
  },
  'nf.sigma': {
    statement: 'sigma(u) = exp(u) / (1 + exp(u))',
    doc: 'the logistic function in terms of exp',
  },
  'nf.exp-sum': {
    statement:
      'exp(a + b) = exp(a) exp(b); exp(k g m) = exp(g m)^k for whole k, g the common base of the monomial m in both sides (bases.ts: exp(x/2), exp(x) share exp(x/2))',
    doc: 'exp of a sum',
  },
  'nf.exp-log': {
    statement: 'exp(c log(u)) = u^c',
    requires: 'u > 0 (log(u) defined)',
    doc: 'exp undoes log',
  },
  'nf.log-exp': {
    statement: 'log(exp(u)) = u',
    doc: 'log undoes exp',
  },
  'nf.log-product': {
    statement: 'log(a b) = log(a) + log(b); log(a / b) = log(a) - log(b); log(a^c) = c log(a)',
    requires: 'a > 0 and b > 0',
    doc: 'log of a product',
  },
  'nf.log-rational': {
    statement: 'log(p^a q^b) = a log(p) + b log(q) for primes p, q',
    doc: 'log of a rational number',
  },
  'nf.root': {
    statement: 'u^(p/q) = r^p with r = u^(1/q), r^q = u',
    requires: 'u >= 0 (where r is defined)',
    doc: 'rational powers',
  },
  'nf.root-split': {
    statement:
      '(c a^e b^f)^k = c^k a^(e k) b^(f k); (g m P)^k = g^k m^k P^k for the content g > 0 and common monomial m of a sum; (u^(1/q))^e = u^(e/q); (u^m)^k = u^(m k) for odd m or u >= 0; (N/D)^k = N^k D^(-k) for D > 0; c^(p/q) over the primes of c (sqrt(8) = 2 sqrt(2)); one root order 60 per base',
    requires:
      'c > 0 and g > 0; every atom a, b >= 0 and every atom of m > 0 on the whole domain (interval analysis); u >= 0 where u^(1/q) is defined',
    doc: 'radicals split over factors',
  },
  'nf.root-denest': {
    statement:
      'sqrt(a + b sqrt(r)) = sqrt((a + d)/2) + sgn(b) sqrt((a - d)/2) for rationals a > 0, b, r > 0 with a^2 - b^2 r = d^2, d >= 0 rational',
    requires: 'a > 0 and a^2 - b^2 r a rational square (checked exactly)',
    doc: 'a nested square root that denests',
  },
  'nf.rationalize': {
    statement:
      'N/(A + B r) = N (A - B r)/(A^2 - B^2 c) for r = sqrt(c), c > 0 rational, inside sin, cos and rational powers',
    requires:
      'every atom of the denominator a square root of a positive rational; the final denominator a nonzero rational',
    doc: 'a rational denominator for a constant with square roots',
  },
  'nf.binary-power': {
    statement: 'b^(a + c s) = (1 - s) b^a + s b^(a+c)',
    requires: 's binary; a and a + c whole numbers >= 0',
    doc: 'a power with a binary exponent',
  },
  'nf.binary-log': {
    statement: 'log((1 - s) A + s B) = (1 - s) log A + s log B',
    requires: 's binary, A > 0 and B > 0',
    doc: 'the log of a value selected by a binary variable',
  },
  'nf.power-exp': {
    statement: 'b^v = exp(v log(b))',
    requires: 'b > 0',
    doc: 'a variable exponent',
  },
  'nf.power-split': {
    statement: '(c a b)^v = |c|^v a^v (sgn(c) b)^v; (-1)^e a^e for a < 0 goes out as (-a)^e',
    requires: 'c != 0 rational; every atom taken out (a) > 0 or < 0 on the whole domain (interval analysis)',
    doc: 'a variable power of a product split over its one-signed factors',
  },
  'nf.hyperbolic': {
    statement: 'sinh, cosh, tanh in terms of exp',
    doc: 'hyperbolic functions',
  },
  'nf.trig': {
    statement: 'tan = sin/cos; cos(u)^2 = 1 - sin(u)^2; sin(-u) = -sin(u); cos(-u) = cos(u)',
    doc: 'trigonometric atoms',
  },
  'nf.trig-expand': {
    statement:
      'sin(a + b) = sin a cos b + cos a sin b, cos(a + b) = cos a cos b - sin a sin b; c m = k (g m) as a whole multiple k of the common base angle g m of the monomial m in both sides (bases.ts); sin, cos at multiples of pi/12 exactly',
    requires: 'at most MAX_TRIG_TERMS terms and multiples up to MAX_TRIG_MULTIPLE (else the argument stays whole)',
    doc: 'trigonometric addition and multiple angles',
  },
  'nf.inverse': {
    statement:
      'sin(asin(u)) = u, cos(asin(u)) = sqrt(1 - u^2), sin(atan(u)) = u/sqrt(1 + u^2), cos(atan(u)) = 1/sqrt(1 + u^2) (so cos(acos(u)) = u, tan(atan(u)) = u)',
    doc: 'a function after its inverse',
  },
  'nf.odd': {
    statement: 'asin(-u) = -asin(u), atan(-u) = -atan(u), acos(u) = pi/2 - asin(u)',
    doc: 'inverse trigonometric atoms',
  },
  'nf.abs': {
    statement:
      'max(a, b) = (a + b + abs(a - b))/2, min(a, b) = (a + b - abs(a - b))/2; abs(c) = |c|; abs(-u) = abs(u); abs(c u) = |c| abs(u); abs(u)^2 = u^2; abs(u) = u for u >= 0 and -u for u <= 0',
    requires: 'the sign of u shown by interval analysis, for the last rule',
    doc: 'absolute value, max and min',
  },
  'nf.symmetric': {
    statement: 'W[b,a] = W[a,b] for symmetric W',
    doc: 'a symmetric array',
  },
  'nf.assume': {
    statement: 'sum(k, f) = v where the file assumes it',
    requires: 'an assume equation of the file (a premise every report lists)',
    doc: 'an assumed equation',
  },
  'nf.special-values': {
    statement: 'exp(0) = 1, log(1) = 0, sin(0) = 0, cos(0) = 1, ...',
    doc: 'values at 0 and 1',
  },
};
