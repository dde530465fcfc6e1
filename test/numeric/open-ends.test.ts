import { describe, expect, test } from 'vitest';
import { type Rational, rat, rcmp } from '../../src/ir/rational.js';
import type { Domain } from '../../src/ir/symbols.js';
import { stepConstants } from '../../src/numeric/constants.js';
import { constantNeighbours, openEndNeighbours, specialValues } from '../../src/numeric/sampling.js';
import { inDomain } from '../../src/ir/symbols.js';
import { numericCompare } from '../../src/numeric/compare.js';
import { domain, ex, scalar, scopeOf } from './helpers.js';

const interval = (lo: Rational | undefined, hi: Rational | undefined, loOpen: boolean, hiOpen: boolean): Domain =>
  ({ kind: 'interval', ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), loOpen, hiOpen }) as Domain;

describe('special values just inside an open end (sampling.ts openEndNeighbours)', () => {
  test('(0, 3.1416) gets a value in (pi, 3.1416), where sin < 0 (abs(sin(x)) = sin(x) was accepted there)', () => {
    const d = interval(rat(0), rat(31416, 10000), true, true);
    const pi = rat(3141592653589793n, 1000000000000000n);
    const vs = specialValues(d);
    expect(vs.some((v) => rcmp(v, pi) > 0 && rcmp(v, rat(31416, 10000)) < 0)).toBe(true);
  });

  test('(0, 355/113) gets a value in (pi, 355/113) (2.7e-7 wide)', () => {
    const d = interval(rat(0), rat(355, 113), true, true);
    const piUp = rat(3141592654n, 1000000000n);
    expect(specialValues(d).some((v) => rcmp(v, piUp) > 0 && rcmp(v, rat(355, 113)) < 0)).toBe(true);
  });

  test('every neighbour lies strictly inside the domain, and closed, infinite and 0 ends get none', () => {
    const domains = [
      interval(rat(-2), rat(5), true, true),
      interval(rat(-2), rat(5), false, false),
      interval(rat(7, 3), undefined, true, true),
      interval(undefined, rat(-1000), true, true),
      interval(rat(0), undefined, true, true),
      interval(rat(0), rat(1), true, true),
    ];
    const counts = domains.map((d) => {
      const vs = openEndNeighbours(d);
      for (const v of vs) expect(inDomain(v, d)).toBe(true);
      return vs.length;
    });
    expect(counts).toEqual([4, 0, 2, 2, 0, 2]);
  });

  test('an end far from 0 with no other end is approached relative to its magnitude', () => {
    const vs = openEndNeighbours(interval(undefined, rat(-1000), true, true));
    expect(vs.map((v) => `${v.n}/${v.d}`)).toEqual([
      `${-1000n * 1000n - 1n}/1000`,
      `${-1000n * 1000000n - 1n}/1000000`,
    ]);
  });
});

describe('computed huge integer constants are kept exactly (constants.ts stepConstants)', () => {
  test('2^64 and 10^20 + 1 written as expressions are constants, so x = 1 +- m/k are tried', () => {
    const cs = stepConstants([ex('x^(2^64)'), ex('x^(10^20 + 1) * x')]);
    expect(cs.some((c) => c.d === 1n && c.n === 2n ** 64n)).toBe(true);
    expect(cs.some((c) => c.d === 1n && c.n === 10n ** 20n + 1n)).toBe(true);
    const near = constantNeighbours(cs);
    expect(near.some((v) => rcmp(v, rat(2n ** 64n + 1n, 2n ** 64n)) === 0)).toBe(true);
  });

  test('a huge constant that is no integer (exp(50)) adds no such point', () => {
    const cs = stepConstants([ex('x^exp(50)')]);
    expect(cs.some((c) => c.d === 1n && c.n > 10n ** 13n)).toBe(false);
  });
});

describe('special points with more binary variables than MAX_BINARY_VARIANTS put them all at 0 (points.ts binaryVariants)', () => {
  const three = scopeOf(['s', 't', 'u'].map((n) => scalar(n, domain('binary'))));
  test('x^(s t u - 1) x against x^(s t u) is refuted at x = 0 with the binaries at 0', () => {
    for (const seed of [1, 2, 99]) {
      const v = numericCompare(ex('x^(s*t*u - 1) * x'), ex('x^(s*t*u)'), three, { seed });
      expect(v.kind).toBe('disagree');
      if (v.kind === 'disagree') expect(v.counterexample.values.x).toBe('0');
    }
  });
  test('x^(s t u + 1) against x^(s t u) x still agrees', () => {
    expect(numericCompare(ex('x^(s*t*u + 1)'), ex('x^(s*t*u) * x'), three, { seed: 1 }).kind).toBe('agree');
  });
});
