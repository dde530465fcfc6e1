/**
 * Exact facts about numbers too large to compute (src/derivation/exact-bounds.ts):
 * every operation on facts that hold of true values gives facts that hold of
 * the true result (or nothing), and two views of one number never
 * "certainly differ". The true values here are small enough to compute, and
 * the facts handed in are deliberately weakened (a smaller size, no parity,
 * looser bounds, no sign), so the paths for huge numbers run on numbers whose
 * value is known.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Exponent,
  type Known,
  addKnown,
  certainlyDiffer,
  exact,
  exactPower,
  mulKnown,
  power,
  reciprocal,
} from '../../src/derivation/exact-bounds.js';
import { type Rational, ONE, radd, rat, rcmp, rdiv, requal, rmul, rpow, rsign, rsub } from '../../src/ir/rational.js';
import { runs } from '../helpers/runs.js';

const abs = (n: bigint) => (n < 0n ? -n : n);

/** do the facts k hold of the number v? */
function holdsOf(k: Known, v: Rational): boolean {
  if (k.kind === 'exact') return requal(k.value, v);
  if (k.kind === 'whole') {
    if (v.d !== 1n || rsign(v) !== k.sign || abs(v.n) < k.atLeast) return false;
    return k.parity === undefined || abs(v.n) % 2n === k.parity;
  }
  const { lo, hi, sign } = k.bounds;
  if (lo !== undefined && rcmp(lo, v) > 0) return false;
  if (hi !== undefined && rcmp(v, hi) > 0) return false;
  return sign === undefined || rsign(v) === sign;
}

const small = fc
  .record({ n: fc.integer({ min: -9, max: 9 }), d: fc.integer({ min: 1, max: 4 }) })
  .map(({ n, d }) => rat(n, d));
const slack = fc
  .record({ n: fc.integer({ min: 0, max: 7 }), d: fc.integer({ min: 1, max: 3 }) })
  .map(({ n, d }) => rat(n, d));

/** some facts that hold of v: exactly v, or (for an integer) a whole number's weakened facts, or bounds around it */
function factsOf(v: Rational): fc.Arbitrary<Known> {
  const s = rsign(v);
  const exactly = fc.constant<Known>(exact(v));
  const bounds = fc.record({ below: fc.option(slack), above: fc.option(slack), signed: fc.boolean() }).map(
    ({ below, above, signed }): Known => ({
      kind: 'bounds',
      bounds: {
        lo: below === null ? undefined : rsub(v, below),
        hi: above === null ? undefined : radd(v, above),
        sign: signed && s !== 0 ? (s as 1 | -1) : undefined,
      },
    }),
  );
  if (v.d !== 1n || s === 0) return fc.oneof(exactly, bounds);
  const whole = fc.record({ atLeast: fc.bigInt({ min: 1n, max: abs(v.n) }), parity: fc.boolean() }).map(
    ({ atLeast, parity }): Known => ({
      kind: 'whole',
      sign: s as 1 | -1,
      atLeast,
      parity: parity ? ((abs(v.n) % 2n) as 0n | 1n) : undefined,
    }),
  );
  return fc.oneof(exactly, bounds, whole);
}

/** a true value and facts of it */
const known = small.chain((v) => factsOf(v).map((k) => ({ v, k })));
/** a larger whole value (up to 3^60), so that sizes, parities and signs of big numbers meet */
const bigWhole = fc
  .record({
    b: fc.integer({ min: -3, max: 3 }),
    e: fc.integer({ min: 1, max: 60 }),
    c: fc.integer({ min: -2, max: 2 }),
  })
  .map(({ b, e, c }) => radd(rpow(rat(b), BigInt(e)), rat(c)))
  .chain((v) => factsOf(v).map((k) => ({ v, k })));
const anyKnown = fc.oneof(known, bigWhole);

describe('operations on facts keep holding of the true values', () => {
  it('a + b and a b', () => {
    fc.assert(
      fc.property(anyKnown, anyKnown, (a, b) => {
        expect(holdsOf(addKnown(a.k, b.k), radd(a.v, b.v))).toBe(true);
        expect(holdsOf(mulKnown(a.k, b.k), rmul(a.v, b.v))).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });
  it('1/a, or nothing when a may be 0', () => {
    fc.assert(
      fc.property(anyKnown, (a) => {
        const r = reciprocal(a.k);
        if (rsign(a.v) === 0) expect(r).toBeUndefined();
        else if (r) expect(holdsOf(r, rdiv(ONE, a.v))).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
  it('a^N from the facts of N (a smaller size, perhaps no parity), computed exactly for small N', () => {
    const exponent = fc
      .record({
        k: fc.integer({ min: -40, max: 40 }).filter((k) => k !== 0),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        parity: fc.boolean(),
      })
      .map(({ k, share, parity }) => {
        const size = BigInt(Math.abs(k));
        const atLeast = 1n + BigInt(Math.floor(share * Number(size - 1n)));
        const n: Exponent = { sign: k > 0 ? 1 : -1, atLeast, parity: parity ? ((size % 2n) as 0n | 1n) : undefined };
        return { k: BigInt(k), n };
      });
    fc.assert(
      fc.property(anyKnown, exponent, (a, { k, n }) => {
        const p = power(a.k, n);
        if (rsign(a.v) === 0 && k < 0n) expect(p).toBeUndefined();
        else if (p) expect(holdsOf(p, rpow(a.v, k))).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });
  it('a^k for an exact k, small or past the size limit (3^5000)', () => {
    const k = fc.oneof(
      fc.integer({ min: -70, max: 70 }),
      fc.integer({ min: 2000, max: 5000 }),
      fc.integer({ min: -5000, max: -2000 }),
    );
    fc.assert(
      fc.property(known, k, (a, kk) => {
        const p = exactPower(a.k, BigInt(kk));
        if (rsign(a.v) === 0 && kk <= 0) expect(p).toBeUndefined();
        else if (p) expect(holdsOf(p, rpow(a.v, BigInt(kk)))).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
  it('two views of one number never certainly differ; exact different numbers do', () => {
    fc.assert(
      fc.property(
        anyKnown.chain((a) => factsOf(a.v).map((k2) => ({ ...a, k2 }))),
        (a) => {
          expect(certainlyDiffer(a.k, a.k2)).toBe(false);
          expect(certainlyDiffer(a.k2, a.k)).toBe(false);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

describe('facts of powers too large to compute', () => {
  const ten10 = exactPower(exact(rat(10)), 10n ** 10n)!; // 10^(10^10)
  const n = (k: Known) => {
    if (k.kind !== 'whole') throw new Error(`not a whole number: ${k.kind}`);
    return { sign: k.sign, atLeast: k.atLeast, parity: k.parity };
  };
  it('10^(10^10) is a positive even whole number, past 10^1000; adding 1 makes it odd', () => {
    expect(ten10).toMatchObject({ kind: 'whole', sign: 1, parity: 0n });
    expect(n(ten10).atLeast > 10n ** 1000n).toBe(true);
    expect(addKnown(ten10, exact(ONE))).toMatchObject({ kind: 'whole', parity: 1n });
    expect(mulKnown(exact(rat(2)), addKnown(ten10, exact(ONE)))).toMatchObject({ kind: 'whole', parity: 0n });
  });
  it('(-1)^N by its parity; 0^N = 0 and 1^N = 1 for N >= 1; 0 to a negative N is not claimed', () => {
    expect(power(exact(rat(-1)), n(ten10))).toEqual(exact(ONE));
    expect(power(exact(rat(-1)), n(addKnown(ten10, exact(ONE))))).toEqual(exact(rat(-1)));
    expect(power(exact(rat(-1)), { sign: 1, atLeast: 5n, parity: undefined })).toBeUndefined();
    expect(power(exact(rat(0)), n(ten10))).toEqual(exact(rat(0)));
    expect(power(exact(ONE), n(ten10))).toEqual(exact(ONE));
    expect(power(exact(rat(0)), { ...n(ten10), sign: -1 })).toBeUndefined();
  });
  it('2^N is far above 2; (1/2)^N is above 0 and far below 1/2; (-2)^(N+1) is below -2', () => {
    const big = power(exact(rat(2)), n(ten10))!;
    expect(certainlyDiffer(big, exact(rat(2)))).toBe(true);
    const tiny = power(exact(rat(1, 2)), n(ten10))!;
    expect(certainlyDiffer(tiny, exact(rat(0)))).toBe(true);
    expect(certainlyDiffer(tiny, exact(rat(1, 2)))).toBe(true);
    const negative = power(exact(rat(-2)), n(addKnown(ten10, exact(ONE))))!;
    expect(certainlyDiffer(negative, exact(rat(-2)))).toBe(true);
    expect(certainlyDiffer(negative, power(exact(rat(2)), n(addKnown(ten10, exact(ONE))))!)).toBe(true);
  });
  it('does not tell apart what it cannot: 2^(2N) and 4^N, 2^N and 2^(N+1) at their sizes', () => {
    const twoN = mulKnown(exact(rat(2)), ten10);
    expect(certainlyDiffer(power(exact(rat(2)), n(twoN))!, power(exact(rat(4)), n(ten10))!)).toBe(false);
    // both even and huge: nothing tells 2^N from 2^(N+1) here (x = -1 does, in the evaluator's tests)
    expect(
      certainlyDiffer(power(exact(rat(2)), n(ten10))!, power(exact(rat(2)), n(addKnown(ten10, exact(ONE))))!),
    ).toBe(false);
  });
  it('an exact number past the size limit keeps what holds of it: a whole number its parity and sign, a fraction bounds on its side of 0', () => {
    const big = rpow(rat(3), 3000n);
    expect(exact(big)).toMatchObject({ kind: 'whole', sign: 1, parity: 1n });
    expect(holdsOf(exact(big), big)).toBe(true);
    const tiny = rdiv(ONE, big);
    expect(exact(tiny)).toMatchObject({ kind: 'bounds', bounds: { sign: 1 } });
    expect(holdsOf(exact(tiny), tiny)).toBe(true);
    expect(holdsOf(exact(rmul(rat(-1), tiny)), rmul(rat(-1), tiny))).toBe(true);
    expect(certainlyDiffer(exact(tiny), exact(rat(0)))).toBe(true);
  });
  it('a whole number and the same plus 1 differ by parity', () => {
    expect(certainlyDiffer(ten10, addKnown(ten10, exact(ONE)))).toBe(true);
    expect(certainlyDiffer(ten10, addKnown(ten10, exact(rat(2))))).toBe(false);
  });
});
