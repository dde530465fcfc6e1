/**
 * The built-in functions in float64, with their derivatives: the arithmetic
 * of the reverse-mode tape and of gradcheck's closed-form evaluation. The only
 * file of src/numeric that uses float64 Math for values: these are oracles for
 * speed and cross-checks, never the 50-digit values a verdict rests on.
 *
 * A value outside a function's domain is NaN (log of a negative number) or
 * infinite (1/0); callers treat any non-finite value as "not usable here".
 */

/** opcodes of the unary built-ins, in the order of UNARY_NAMES (shared with the tape's opcodes) */
export const UNARY_NAMES = [
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'asin',
  'acos',
  'atan',
  'sigma',
] as const;

/** the opcode of a unary built-in by name, or -1 */
export function unaryCode(name: string): number {
  return (UNARY_NAMES as readonly string[]).indexOf(name);
}

/** sigma(x) = 1/(1 + exp(-x)), with exp of -|x| only so it never overflows */
function sigma(x: number): number {
  const t = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + t) : t / (1 + t);
}

/** f(x) for the unary built-in with opcode `code` (its index in UNARY_NAMES) */
export function applyUnary(code: number, x: number): number {
  switch (code) {
    case 0:
      return Math.exp(x);
    case 1:
      return x > 0 ? Math.log(x) : x === 0 ? -Infinity : NaN;
    case 2:
      return Math.sqrt(x);
    case 3:
      return Math.sin(x);
    case 4:
      return Math.cos(x);
    case 5:
      return Math.tan(x);
    case 6:
      return Math.sinh(x);
    case 7:
      return Math.cosh(x);
    case 8:
      return Math.tanh(x);
    case 9:
      return Math.asin(x);
    case 10:
      return Math.acos(x);
    case 11:
      return Math.atan(x);
    case 12:
      return sigma(x);
    default:
      throw new Error(`not a unary opcode: ${code}`);
  }
}

/**
 * f'(x), given fx = f(x). Each formula avoids cancellation where the obvious
 * one has it: sigma' = t/(1+t)^2 with t = exp(-|x|) (not sigma(1 - sigma),
 * which loses every digit of 1 - sigma for large x), tanh' = 1/cosh^2,
 * asin' = 1/sqrt((1-x)(1+x)).
 */
export function unaryDerivative(code: number, x: number, fx: number): number {
  switch (code) {
    case 0:
      return fx;
    case 1:
      return 1 / x;
    case 2:
      return 0.5 / fx;
    case 3:
      return Math.cos(x);
    case 4:
      return -Math.sin(x);
    case 5:
      return 1 + fx * fx;
    case 6:
      return Math.cosh(x);
    case 7:
      return Math.sinh(x);
    case 8: {
      const c = Math.cosh(x);
      return 1 / (c * c);
    }
    case 9:
      return 1 / Math.sqrt((1 - x) * (1 + x));
    case 10:
      return -1 / Math.sqrt((1 - x) * (1 + x));
    case 11:
      return 1 / (1 + x * x);
    case 12: {
      const t = Math.exp(-Math.abs(x));
      return t / ((1 + t) * (1 + t));
    }
    default:
      throw new Error(`not a unary opcode: ${code}`);
  }
}

/**
 * sup |f'(t)| over t in [x - e, x + e] for the unary built-in `code` (e > 0),
 * Infinity when that interval meets a singularity or leaves the domain: the
 * factor by which an error of at most e in x can move f(x) (mean value
 * theorem), so error bounds stay bounds even when e is not small.
 */
export function unaryDerivativeBound(code: number, x: number, e: number): number {
  const near0 = Math.max(0, Math.abs(x) - e); // the smallest |t| of the interval
  const far = Math.abs(x) + e; // the largest |t|
  switch (code) {
    case 0:
      return Math.exp(x + e);
    case 1:
      return x - e > 0 ? 1 / (x - e) : Infinity;
    case 2:
      return x - e > 0 ? 0.5 / Math.sqrt(x - e) : Infinity;
    case 3:
    case 4:
      return 1;
    case 5: {
      // 1 + tan^2 is convex between two poles: its sup is at an end, if no pole lies inside
      const lo = x - e,
        hi = x + e;
      if (!(2 * e < Math.PI && Math.cos(lo) * Math.cos(hi) > 0)) return Infinity;
      return Math.max(1 + Math.tan(lo) ** 2, 1 + Math.tan(hi) ** 2);
    }
    case 6:
    case 7:
      return Math.cosh(far);
    case 8:
      return 1 / Math.cosh(near0) ** 2;
    case 9:
    case 10:
      return far < 1 ? 1 / Math.sqrt((1 - far) * (1 + far)) : Infinity;
    case 11:
      return 1 / (1 + near0 * near0);
    case 12: {
      const t = Math.exp(-near0);
      return t / ((1 + t) * (1 + t));
    }
    default:
      throw new Error(`not a unary opcode: ${code}`);
  }
}

/**
 * sup |f''(t)| over t in [x - e, x + e] (e >= 0), Infinity when that
 * interval meets a singularity or leaves the domain: how far an error of e
 * in x can move the local partial f'(x) a backward sweep multiplies by
 */
export function unarySecondDerivativeBound(code: number, x: number, e: number): number {
  const far = Math.abs(x) + e;
  switch (code) {
    case 0:
      return Math.exp(x + e);
    case 1:
      return x - e > 0 ? 1 / (x - e) ** 2 : Infinity;
    case 2:
      return x - e > 0 ? 0.25 / (x - e) ** 1.5 : Infinity;
    case 3:
    case 4:
      return 1;
    case 5: {
      // 2 tan (1 + tan^2) is monotone between two poles: its sup is at an end, if no pole lies inside
      const lo = x - e,
        hi = x + e;
      if (!(2 * e < Math.PI && Math.cos(lo) * Math.cos(hi) > 0)) return Infinity;
      const f = (t: number): number => Math.abs(2 * Math.tan(t) * (1 + Math.tan(t) ** 2));
      return Math.max(f(lo), f(hi));
    }
    case 6:
    case 7:
      return Math.cosh(far);
    // why these constants: the global maxima of |f''|, rounded up (tanh: 4/(3 sqrt 3), atan: 3 sqrt 3/8, sigma: sqrt 3/18)
    case 8:
      return 0.7699;
    case 9:
    case 10:
      return far < 1 ? far / ((1 - far) * (1 + far)) ** 1.5 : Infinity;
    case 11:
      return 0.6496;
    case 12:
      return 0.0963;
    default:
      throw new Error(`not a unary opcode: ${code}`);
  }
}

/** sup |d/dt t^k| over t in [a - e, a + e] for an integer k; Infinity when a negative power's interval meets 0 */
export function powIntDerivativeBound(a: number, k: number, e: number): number {
  if (k === 0) return 0;
  if (k >= 1) return Math.abs(k) * (Math.abs(a) + e) ** (k - 1);
  return Math.abs(a) > e ? Math.abs(k) * (Math.abs(a) - e) ** (k - 1) : Infinity;
}

/** sup |d/dt t^r| over t in [a - e, a + e] for a non-integer constant r (t >= 0); Infinity when needed below 0 */
export function powRealDerivativeBound(a: number, r: number, e: number): number {
  if (r >= 1) return a - e >= 0 ? r * (a + e) ** (r - 1) : Infinity;
  return a - e > 0 ? Math.abs(r) * (a - e) ** (r - 1) : Infinity;
}

/** a^k for an integer k (a < 0 is fine) */
export const powInt = (a: number, k: number): number => a ** k;

/** d/da a^k = k a^(k-1), and 0 for k = 0 (also at a = 0) */
export const powIntDerivative = (a: number, k: number): number => (k === 0 ? 0 : k * a ** (k - 1));

/** a^r for a non-integer constant r: defined for a >= 0 only, as in the 50-digit field */
export const powReal = (a: number, r: number): number => (a < 0 ? NaN : a ** r);

/** a^b for computed a and b, read as the 50-digit field does: an integer b is an integer power */
export const powGeneral = (a: number, b: number): number => (Number.isInteger(b) ? a ** b : powReal(a, b));

/** log(a), the factor d/db a^b = a^b log(a) needs; NaN for a <= 0 (a variable exponent needs a positive base) */
export const logBase = (a: number): number => (a > 0 ? Math.log(a) : NaN);

/** pi in float64 */
export const PI = Math.PI;
/** e in float64 */
export const E = Math.E;

/** a uniform float in [0, 1) from a 32-bit unsigned integer */
export const unitFloat = (u32: number): number => u32 / 4294967296;

/** x / sqrt(n): the weight scale of gradcheck's random networks */
export const invSqrt = (n: number): number => 1 / Math.sqrt(n);
