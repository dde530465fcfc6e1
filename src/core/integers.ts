/** Exact integer helpers for the normal form: prime factors and exact roots, all on bigint. */
import { MAX_TRIAL_DIVISOR } from './budget.js';

/** n = product of p^e over the returned pairs, for n >= 1; a cofactor with no factor below MAX_TRIAL_DIVISOR is returned as one entry */
export function factorInteger(n: bigint): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (let p = 2n; p * p <= n && p <= MAX_TRIAL_DIVISOR; p += p === 2n ? 1n : 2n) {
    let e = 0n;
    while (n % p === 0n) {
      n /= p;
      e++;
    }
    if (e) out.push([p, e]);
  }
  if (n > 1n) out.push([n, 1n]);
  return out;
}

/** the integer r >= 0 with r^q = n, when there is one (n >= 0, q >= 1) */
export function exactRoot(n: bigint, q: bigint): bigint | undefined {
  if (n < 0n || q < 1n) return undefined;
  if (n < 2n) return n;
  // 2^(bits - 1) <= n < 2^bits; for q >= bits every r >= 2 has r^q >= 2^bits > n, and 1^q = 1 < n
  const bits = BigInt(n.toString(2).length);
  // q < bits keeps every power in floorRoot small
  if (q >= bits) return undefined;
  const r = floorRoot(n, q);
  return r ** q === n ? r : undefined;
}

/** the integer r >= 0 with r^q <= n < (r + 1)^q (n >= 0, q >= 1) */
export function floorRoot(n: bigint, q: bigint): bigint {
  if (n < 2n) return n;
  const bits = BigInt(n.toString(2).length);
  // Newton's method on integers, from above the root (2^ceil(bits / q) > n^(1/q))
  let x = 2n ** ((bits + q - 1n) / q + 1n);
  for (;;) {
    const y = ((q - 1n) * x + n / x ** (q - 1n)) / q;
    if (y >= x) break;
    x = y;
  }
  while (x ** q > n) x--;
  while ((x + 1n) ** q <= n) x++;
  return x;
}
