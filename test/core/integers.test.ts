/**
 * Exact integer roots (src/core/integers.ts), which the radicals rest on
 * (sqrt(8) = 2 sqrt(2) takes 4 = 2^2 out): against a plain definition, for
 * small numbers exhaustively and for large perfect powers and their
 * neighbours at random.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactRoot, floorRoot } from '../../src/core/integers.js';
import { runs } from '../helpers/runs.js';

/** r with r^q <= n < (r + 1)^q by counting up (small n only) */
function naiveFloorRoot(n: bigint, q: bigint): bigint {
  let r = 0n;
  while ((r + 1n) ** q <= n) r++;
  return r;
}

describe('integer roots', () => {
  it('floorRoot and exactRoot agree with the definition for n < 3000, q = 1..7', () => {
    // one expect for the whole table: 42000 expect calls cost more than the roots
    const wrong: string[] = [];
    for (let q = 1n; q <= 7n; q++)
      for (let n = 0n; n < 3000n; n++) {
        const r = naiveFloorRoot(n, q);
        if (floorRoot(n, q) !== r) wrong.push(`floorRoot(${n}, ${q})`);
        if (exactRoot(n, q) !== (r ** q === n ? r : undefined)) wrong.push(`exactRoot(${n}, ${q})`);
      }
    expect(wrong).toEqual([]);
  });
  it('a large perfect power has its root; its neighbours have none, and their floor root is the right one', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 10n ** 30n }), fc.integer({ min: 2, max: 9 }), (r, k) => {
        const q = BigInt(k);
        const n = r ** q;
        expect(exactRoot(n, q)).toBe(r);
        expect(exactRoot(n + 1n, q)).toBeUndefined();
        expect(exactRoot(n - 1n, q)).toBeUndefined();
        expect(floorRoot(n - 1n, q)).toBe(r - 1n);
        expect(floorRoot(n + 1n, q)).toBe(r);
      }),
      { numRuns: runs(300), seed: 3 },
    );
  });
  it('no root of a negative number, nor of order 0', () => {
    expect(exactRoot(-8n, 3n)).toBeUndefined();
    expect(exactRoot(8n, 0n)).toBeUndefined();
  });
});
