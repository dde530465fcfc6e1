/** Exact integer helpers for the normal form: prime factors and exact roots. */

/** why: trial division past this bound costs too much for a log's argument; a larger cofactor stays whole */
export const MAX_TRIAL_DIVISOR = 100_000n;

/** n = product of p^e over the returned pairs, for n >= 1; a cofactor with no factor below MAX_TRIAL_DIVISOR is returned as one entry */
export function factorInteger(n: bigint): [bigint, number][] {
  const out: [bigint, number][] = [];
  for (let p = 2n; p * p <= n && p <= MAX_TRIAL_DIVISOR; p += p === 2n ? 1n : 2n) {
    let e = 0;
    while (n % p === 0n) {
      n /= p;
      e++;
    }
    if (e) out.push([p, e]);
  }
  if (n > 1n) out.push([n, 1]);
  return out;
}

/** the integer r >= 0 with r^q = n, when there is one (n >= 0, q >= 1) */
export function exactRoot(n: bigint, q: number): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  // Newton's method on integers, starting above the root
  const bits = n.toString(2).length;
  let x = 1n << BigInt(Math.ceil(bits / q) + 1);
  const Q = BigInt(q);
  for (;;) {
    const y = ((Q - 1n) * x + n / x ** (Q - 1n)) / Q;
    if (y >= x) break;
    x = y;
  }
  for (const r of [x - 1n, x, x + 1n]) if (r >= 0n && r ** Q === n) return r;
  return undefined;
}
