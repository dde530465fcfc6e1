/**
 * Exact rational numbers over bigint: every number in a derivation is exact
 * (`0.5` is 1/2), so the normal form never rounds.
 */
export interface Rational {
  /** numerator; the sign lives here */
  readonly n: bigint;
  /** denominator, always > 0, coprime to n */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // a temporary, not a swap by destructuring: that allocates an array per step until V8 optimizes it
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** n/d in lowest terms with a positive denominator; d must be nonzero. */
export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === 'bigint' ? n : BigInt(n);
  let dd = typeof d === 'bigint' ? d : BigInt(d);
  if (dd === 0n) throw new Error('rational with zero denominator');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  // an integer is in lowest terms already (most of the normal form's coefficients)
  const g = dd === 1n ? 1n : gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };
export const MINUS_ONE: Rational = { n: -1n, d: 1n };

/** a + b */
export const radd = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
/** a - b */
export const rsub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
/** a * b */
export const rmul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
/** a / b, b nonzero */
export const rdiv = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
/** -a */
export const rneg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
/** sign of a: -1, 0 or 1 */
export const rsign = (a: Rational): number => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);
/** a compared with b: negative, zero or positive */
export const rcmp = (a: Rational, b: Rational): number => rsign(rsub(a, b));
export const requal = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const isZero = (a: Rational): boolean => a.n === 0n;
export const isOne = (a: Rational): boolean => a.n === 1n && a.d === 1n;
export const isInteger = (a: Rational): boolean => a.d === 1n;

/** a^k for an integer k (a nonzero when k < 0) */
export function rpow(a: Rational, k: bigint): Rational {
  if (k < 0n) return rdiv(ONE, rpow(a, -k));
  return { n: a.n ** k, d: a.d ** k };
}

/**
 * why: 10^e has about 3.3 e bits, so a literal such as 1e99999999999 would
 * hang or crash bigint arithmetic; no real derivation writes an exponent past
 * a few hundred, and the parser refuses numbers past MAX_NUMBER_DIGITS digits
 * long before this
 */
export const MAX_DECIMAL_EXPONENT = 10_000n;

/**
 * The exact value of a decimal literal such as "0.125" or "12" or "1.5e-3";
 * undefined for text that is not one, or whose exponent is beyond
 * MAX_DECIMAL_EXPONENT (refused, never wrapped or rounded).
 */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  // the exponent as an exact bigint, compared with the budget before any power is taken
  const exp = m[3] ? BigInt(m[3]) : 0n;
  if (exp > MAX_DECIMAL_EXPONENT || exp < -MAX_DECIMAL_EXPONENT) return undefined;
  let num = BigInt(intPart + frac || '0');
  let den = 10n ** BigInt(frac.length);
  if (exp >= 0n) num *= 10n ** exp;
  else den *= 10n ** -exp;
  return rat(num, den);
}

/** "3", "-1/2" */
export function rationalToString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** the nearest float64 (for display and fast screening only, never for a verdict) */
export function rationalToNumber(a: Rational): number {
  return Number(a.n) / Number(a.d); // approximate: a float for the numeric layer's screens; the core never imports it
}
