/**
 * exp and ln of decimal.js, remembered, for the 50-digit field's functions
 * (field-functions.ts) and the enclosures' (interval.ts). The checker
 * evaluates the same values many times over: both sides of a step share
 * their sub-expressions (sigma(sum(k, w[i,k] s[k])) on each), consecutive
 * steps are compared at
 * the same points, and the proof re-check evaluates every point again in
 * enclosures. On the seed derivation 140 calls of exp and ln had 28
 * distinct arguments, and at a cold start (code not yet optimized by V8)
 * one call costs about a millisecond.
 *
 * Exact, not approximate: decimal.js's result depends only on the
 * argument's value and on the constructor's precision, rounding mode and
 * exponent range, and all of them are in the key (the argument by its
 * exact decimal text). Decimals are immutable, so a remembered result can
 * be shared.
 */
import type { Decimal, DecimalConstructor } from './decimal.js';
import { certainExp, certainLn } from './exp-ln-enclosure.js';

/** why 4096: a derivation's distinct arguments number in the hundreds; the bound only keeps a long run's memory flat */
const MAX_ENTRIES = 4096;

const cache = new Map<string, Decimal>();

function remembered(fn: 'exp' | 'ln', D: DecimalConstructor, x: Decimal): Decimal {
  const key = `${fn} ${D.precision} ${D.rounding} ${D.minE} ${D.maxE} ${x.toString()}`;
  let r = cache.get(key);
  if (r === undefined) {
    // the same decimal either way (both correctly rounded): the enclosures' where they are certain, as they cost less
    r = fn === 'exp' ? (certainExp(D, x) ?? D.exp(x)) : (certainLn(D, x) ?? D.ln(x));
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, r);
  }
  return r;
}

/** D.exp(x), remembered */
export const memoExp = (D: DecimalConstructor, x: Decimal): Decimal => remembered('exp', D, x);

/** D.ln(x), remembered */
export const memoLn = (D: DecimalConstructor, x: Decimal): Decimal => remembered('ln', D, x);
