/**
 * Enclosures at points with every digit of the precision used, near the
 * places where a function is ill-conditioned or where one more digit is
 * needed: asin near +-1 (decimal.js squares its argument at only 6 more
 * digits, and 1 - x^2 cancels), tanh of an argument whose double needs one
 * more digit than the precision (doubled by the argument's own rounding
 * constructor), tanh near 0 (where 1 - exp(-2x) cancels). The truth is decimal.js at 320 digits, where both are exact
 * enough; each enclosure must contain it.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../src/numeric/decimal.js';
import { Interval, IntervalMath } from '../../src/numeric/interval.js';
import { runs } from '../helpers/runs.js';

const T = Decimal.clone({ precision: 320 });

const TRUTH: Readonly<Record<string, (x: Decimal) => Decimal>> = {
  asin: (x) => T.asin(x),
  acos: (x) => T.acos(x),
  atan: (x) => T.atan(x),
  tanh: (x) => {
    const t = T.exp(x.abs().times(-2));
    const r = T.sub(1, t).div(T.add(1, t));
    return x.lt(0) ? r.neg() : r;
  },
  sigma: (x) => T.div(1, T.add(1, T.exp(x.neg()))),
  exp: (x) => T.exp(x),
  log: (x) => T.ln(x),
  sqrt: (x) => T.sqrt(x),
};

/** the enclosure of fn at the exact decimal `at` (at most `precision` digits), and whether it holds the truth */
function holds(fn: string, at: string, precision: number): { ok: boolean; where: string } {
  const m = new IntervalMath(precision);
  const x = m.real(at);
  expect(x.lo.eq(x.hi)).toBe(true); // the point is exact at this precision
  const r = m.apply(fn, x);
  if (!(r instanceof Interval)) return { ok: true, where: '' };
  const truth = TRUTH[fn]!(new T(at));
  const ok = truth.gte(r.lo) && truth.lte(r.hi);
  return { ok, where: `${fn}(${at}) at ${precision} digits: ${truth.toSD(precision + 5)} not in [${r.lo}, ${r.hi}]` };
}

describe('enclosures at full-precision points near hard places', () => {
  test('tanh of a positive argument whose double has one digit more than the precision, and near 0', () => {
    for (const [at, p] of [
      ['0.99999999999963033813', 20],
      ['0.50000000000000000001', 20],
      [`0.${'6'.repeat(49)}7`, 50],
      [`0.${'6'.repeat(50)}`, 50],
      ['5.0000000000000000001', 20],
      [`1.${'6'.repeat(49)}`, 50],
      ['5.0120060271571e-11', 20],
    ] as const) {
      const r = holds('tanh', at, p);
      expect(r.ok, r.where).toBe(true);
    }
  });

  test('asin near 1 and -1, where 1 - x^2 cancels', () => {
    const near =
      '0.9999999999999999999999999999999999999999999999992521179955807608071239222771818539893369130495947556';
    for (const at of [near, `-${near}`]) {
      const r = holds('asin', at, 100);
      expect(r.ok, r.where).toBe(true);
    }
  });

  test('random points with every digit used, near 0, +-1 and at moderate size', () => {
    const digitsArb = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
    const pointArb = fc
      .record({
        p: fc.constantFrom(20, 50, 100),
        zeros: fc.integer({ min: 0, max: 18 }),
        kind: fc.constantFrom('near one', 'small', 'moderate'),
        negative: fc.boolean(),
        seedDigits: digitsArb(100),
      })
      .map(({ p, zeros, kind, negative, seedDigits }) => {
        const d = seedDigits.slice(0, p).join('');
        let v: Decimal;
        if (kind === 'near one') v = new T(1).minus(new T(`0.${'0'.repeat(zeros)}${d}`));
        else if (kind === 'small') v = new T(`0.${'0'.repeat(zeros)}${d}`);
        else v = new T(`${d[0]}.${d.slice(1)}`);
        v = v.toSD(p, Decimal.ROUND_DOWN);
        return { p, at: (negative ? v.neg() : v).toString() };
      });
    fc.assert(
      fc.property(pointArb, fc.constantFrom(...Object.keys(TRUTH)), ({ p, at }, fn) => {
        const r = holds(fn, at, p);
        if (!r.ok) throw new Error(r.where);
      }),
      { numRuns: runs(300), seed: 20261207 },
    );
  });
});

describe('exact values at exact points', () => {
  // why: sqrt(sin(x)) at x = 0 was "uncertain" (sin's enclosure [-1e-57, 1e-57]), so x^(-1/2))^(-1/2) + sqrt(sin(x))
  // against x^(1/4) + sqrt(sin(x)) was never settled at x = 0, the one point where the sides differ
  test.each([
    ['sin', 0, '0'],
    ['tan', 0, '0'],
    ['cos', 0, '1'],
    ['cosh', 0, '1'],
    ['exp', 0, '1'],
    ['sigma', 0, '0.5'],
  ])('%s(%d) is the point %s', (fn, x, value) => {
    const M = new IntervalMath(50);
    const r = M.apply(fn, M.real(x)) as Interval;
    expect([r.lo.toString(), r.hi.toString()]).toEqual([value, value]);
  });
});
