/**
 * Counterexamples are shrunk to the smallest failing instance found: free
 * indices on the smallest units, the fewest units, and the simplest values
 * (0, 1, 1/2, -1, 2, ...) that still make the step fail, re-checked at 50
 * and 100 digits, with both sides' values, the seed and how it was found.
 */
import { describe, expect, test } from 'vitest';
import { numericCompare } from '../../src/numeric/compare.js';
import { DecimalField } from '../../src/numeric/field.js';
import { planInstances } from '../../src/numeric/instance.js';
import { confirmedOutcome, instanceContext } from '../../src/numeric/point-check.js';
import { pointsOf } from '../../src/numeric/points.js';
import { prepareComparison, type Prepared } from '../../src/numeric/prepare.js';
import { Prng } from '../../src/numeric/prng.js';
import { shrinkFailure } from '../../src/numeric/shrink.js';
import type { Counterexample } from '../../src/verdict/result.js';
import type { Scope } from '../../src/ir/symbols.js';
import { array, domain, ex, index, opaque, scalar, scopeOf } from './helpers.js';

const SEEDS = [1, 2, 3, 4, 20240601];
const net = scopeOf([
  index('i'),
  index('j'),
  index('k'),
  array('s', 1, domain('binary')),
  array('w', 2),
  array('x', 1),
]);

function refuted(lhs: string, rhs: string, scope: Scope, seed = 1): Counterexample {
  const v = numericCompare(ex(lhs), ex(rhs), scope, { seed });
  if (v.kind !== 'disagree') throw new Error(`expected disagree for ${lhs} vs ${rhs}, got ${JSON.stringify(v)}`);
  return v.counterexample;
}

describe('a wrong delta collapse', () => {
  test('sum(k, delta(k,j) w[i,k]) is not w[i,i]: the counterexample names the units and has the simplest values', () => {
    for (const seed of SEEDS) {
      const c = refuted('sum(k, delta(k,j)*w[i,k])', 'w[i,i]', net, seed);
      expect(c.units).toBe(2);
      expect(c.values).toEqual({ i: '1', j: '2', 'w[1,1]': '0', 'w[1,2]': '1' });
      expect(c.lhs).toBe('1');
      expect(c.rhs).toBe('0');
      expect(c.seed).toBe(seed);
      expect(c.how).toMatch(/^(random point|special point w\[1,[12]\] = .*); i, j distinct; shrunk \(.*simplified\)/);
    }
  });

  test('picking the other index of the weight fails too, also with i and j on units 1 and 2', () => {
    for (const seed of SEEDS) {
      const c = refuted('sum(k, delta(k,j)*w[i,k])', 'w[j,i]', net, seed);
      expect(c.values.i).toBe('1');
      expect(c.values.j).toBe('2');
      expect(c.values['w[1,2]']).not.toBe(c.values['w[2,1]']);
      expect(['0', '1']).toContain(c.values['w[1,2]']);
      expect(['0', '1']).toContain(c.values['w[2,1]']);
    }
  });
});

describe('shrinking a failure found on a large network', () => {
  test('from n = 5 with i, j on units 4 and 2 to n = 2 with i = 1, j = 2', () => {
    const p = prepareComparison(
      ex('sum(k, delta(k,j)*x[k]) + sum(k, x[k])'),
      ex('x[i] + sum(k, x[k])'),
      net,
    ) as Prepared;
    const inst = {
      n: 5,
      units: new Map([
        ['i', 4],
        ['j', 2],
      ]),
      pattern: 'i, j distinct',
    };
    const meter = { used: 0, limit: 1e8 };
    const ctx = instanceContext(p, inst, net, meter, new Prng(9));
    const point = [...pointsOf(ctx.sampled, new Prng(10), 12, false)][0]!;
    const { outcome, accessed } = confirmedOutcome(p, inst, point, ctx.models, net, new DecimalField(50, meter));
    expect(outcome.kind).toBe('differ');
    if (outcome.kind !== 'differ') return;
    const shrunk = shrinkFailure(p, net, { inst, point, atoms: ctx.atoms, models: ctx.models, outcome, accessed });
    expect(shrunk.inst.n).toBe(2);
    expect([...shrunk.inst.units]).toEqual([
      ['i', 1],
      ['j', 2],
    ]);
    expect(shrunk.note).toMatch(/^n 5 -> 2, units renumbered, \d values? simplified$/);
    // the sums over every unit cancel; x[j] - x[i] is what is left, at the simplest values that differ
    expect(Object.fromEntries([...shrunk.point.values].map(([k, v]) => [k, `${v.n}/${v.d}`]))).toEqual({
      'x[1]': '0/1',
      'x[2]': '1/1',
    });
  });

  test('the planned instances still try the smallest networks first', () => {
    const p = prepareComparison(ex('x[i]'), ex('x[j]'), net) as Prepared;
    const plan = planInstances(p, 1);
    // n = 1 first since the instances include one unit (exp(log(sum(k, a[k]) - a[j])) is false only there)
    expect('instances' in plan && plan.instances[0]!.n).toBe(1);
  });
});

describe('scalars shrink to the simplest failing value', () => {
  test('sqrt(x^2) = x fails at x = -1', () => {
    for (const seed of SEEDS) {
      const c = refuted('sqrt(x^2)', 'x', scopeOf([]), seed);
      expect(c.values).toEqual({ x: '-1' });
      expect(c.lhs).toBe('1');
      expect(c.rhs).toBe('-1');
    }
  });

  test('log(x^2) = 2 log(x) fails at x = -1, the right side undefined', () => {
    const c = refuted('log(x^2)', '2*log(x)', scopeOf([]));
    expect(c.values).toEqual({ x: '-1' });
    expect(c.rhs).toMatch(/^undefined/);
  });

  test('a relative difference of 1e-20 fails at x = 0, and the values show it', () => {
    const c = refuted('exp(x)*(1 + 10^(-20))', 'exp(x)', scopeOf([]));
    expect(c.values).toEqual({ x: '0' });
    expect(c.lhs).toBe('1.00000000000000000001');
    expect(c.rhs).toBe('1');
  });

  test('a value is kept when no simpler one fails: x/x = 1 at x = 0 is already simplest', () => {
    const c = refuted('x/x', '1', scopeOf([]));
    expect(c.values).toEqual({ x: '0' });
    expect(c.how).toBe('special point x = 0');
  });

  test('only values in the domain are tried: x in (3, 4) stays random', () => {
    const c = refuted(
      'exp(x)*(1 + 10^(-20))',
      'exp(x)',
      scopeOf([
        scalar('x', { kind: 'interval', lo: { n: 3n, d: 1n }, hi: { n: 4n, d: 1n }, loOpen: true, hiOpen: true }),
      ]),
    );
    expect(Number(c.values.x)).toBeGreaterThan(3);
    expect(Number(c.values.x)).toBeLessThan(4);
  });

  test('an opaque factor not declared independent: the other variable shrinks, the opaque value is reported', () => {
    const scope = scopeOf([index('i'), index('j'), array('w', 2), opaque('pQ', domain('positive'))]);
    const c = refuted('diff(pQ*y, w[i,j])', '0', scope);
    expect(c.values.y).toBe('1');
    expect(c.values.pQ).toBeDefined();
    expect(c.how).toMatch(
      /derivatives by forward-mode dual numbers \(50 digits\), confirmed by Richardson finite differences/,
    );
  });
});
