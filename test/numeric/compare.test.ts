import { describe, expect, test } from 'vitest';
import { numericCompare, type NumericVerdict } from '../../src/numeric/compare.js';
import { rat } from '../../src/ir/rational.js';
import type { Scope } from '../../src/ir/symbols.js';
import type { Counterexample } from '../../src/verdict/result.js';
import { array, domain, ex, index, interval, opaque, scalar, scopeOf } from './helpers.js';

const SEEDS = [1, 2, 3, 20240601];
const plain = scopeOf([]);
const net = [index('i'), index('j'), index('k'), array('s', 1, domain('binary')), array('w', 2), array('x', 1)];

function verdict(lhs: string, rhs: string, scope: Scope = plain, seed = 1, samples?: number): NumericVerdict {
  return numericCompare(ex(lhs), ex(rhs), scope, { seed, ...(samples ? { samples } : {}) });
}

/** the counterexample, failing the test when the verdict is not `disagree` (for every seed tried) */
function refuted(lhs: string, rhs: string, scope: Scope = plain, seed = 1): Counterexample {
  const v = verdict(lhs, rhs, scope, seed);
  if (v.kind !== 'disagree') throw new Error(`expected disagree for ${lhs} vs ${rhs}, got ${JSON.stringify(v)}`);
  return v.counterexample;
}

function agrees(lhs: string, rhs: string, scope: Scope = plain, seed = 1): Extract<NumericVerdict, { kind: 'agree' }> {
  const v = verdict(lhs, rhs, scope, seed);
  if (v.kind !== 'agree') throw new Error(`expected agree for ${lhs} vs ${rhs}, got ${JSON.stringify(v)}`);
  expect(v.points).toBeGreaterThanOrEqual(8);
  return v;
}

describe('definedness: a point where only one side is defined refutes the step', () => {
  test('x/x vs 1 fails at x = 0 with the left side undefined', () => {
    for (const seed of SEEDS) {
      const c = refuted('x/x', '1', plain, seed);
      expect(c.values).toEqual({ x: '0' });
      expect(c.lhs).toMatch(/^undefined \(division by zero\)/);
      expect(c.rhs).toBe('1');
      expect(c.how).toBe('special point x = 0');
      expect(c.seed).toBe(seed);
      expect(c.units).toBeUndefined();
    }
  });

  test('(x^2-1)/(x-1) vs x+1 fails at x = 1', () => {
    const c = refuted('(x^2-1)/(x-1)', 'x+1');
    expect(c.values.x).toBe('1');
    expect(c.lhs).toMatch(/^undefined/);
    expect(c.rhs).toBe('2');
  });

  test('(x^2-y^2)/(x-y) vs x+y fails where y = x; 1/(x+y) at y = -x', () => {
    const c = refuted('(x^2-y^2)/(x-y)', 'x+y');
    expect(c.values.x).toBe(c.values.y);
    expect(c.how).toBe('special point y = x');
    const d = refuted('(x+y)/(x+y)', '1');
    expect(Number(d.values.x)).toBe(-Number(d.values.y));
  });

  test('x/x vs 1 agrees when x is declared nonzero', () => {
    agrees('x/x', '1', scopeOf([scalar('x', domain('nonzero'))]));
  });

  test('log(x^2) vs 2 log(x) fails at a negative x, the right side undefined', () => {
    for (const seed of SEEDS) {
      const c = refuted('log(x^2)', '2*log(x)', plain, seed);
      expect(Number(c.values.x)).toBeLessThan(0);
      expect(c.lhs).not.toMatch(/undefined/);
      expect(c.rhs).toBe('undefined (log of a non-positive number)');
    }
  });

  test('log(x^2) vs 2 log(x) agrees when x is declared positive', () => {
    const v = agrees('log(x^2)', '2*log(x)', scopeOf([scalar('x', domain('positive'))]));
    expect(v.skipped).toBe(0);
    expect(v.instances).toBe('no indices');
  });

  test('sqrt(x^2) vs x fails with a negative x in the counterexample, agrees for x >= 0', () => {
    const c = refuted('sqrt(x^2)', 'x');
    expect(Number(c.values.x)).toBeLessThan(0);
    expect(Number(c.lhs)).toBeCloseTo(-Number(c.rhs), 12);
    agrees('sqrt(x^2)', 'x', scopeOf([scalar('x', domain('nonnegative'))]));
  });

  test('points where both sides are undefined are skipped and counted', () => {
    const v = agrees('sqrt(x) * sqrt(x)', 'x * sqrt(x)/sqrt(x)', scopeOf([scalar('x', domain('nonzero'))]));
    expect(v.skipped).toBeGreaterThan(0);
  });

  test('no point in both domains: inconclusive, saying how many points were usable', () => {
    const v = verdict('sqrt(-1 - x^2)', 'log(-1 - x^2)');
    expect(v.kind).toBe('inconclusive');
    if (v.kind === 'inconclusive') {
      expect(v.reason).toMatch(/^only 0 of \d+ points were in both sides' domains/);
      expect(v.skipped).toBeGreaterThan(0);
    }
  });

  test('asin on a closed interval domain: the closed ends are special points', () => {
    const d = interval(rat(-1), rat(1), false, false);
    agrees('sin(asin(x))', 'x', scopeOf([scalar('x', d)]));
    // at the ends the derivative of asin is infinite: those points are unsettled, not counterexamples
    const v = agrees('diff(asin(x), x) * sqrt(1 - x^2)', '1', scopeOf([scalar('x', d)]));
    expect(v.unsettled).toBe(2);
  });

  test('a derivative at a point where the chain rule meets an infinite factor is unsettled, not refuted', () => {
    // d/dx sqrt(x)^3 = 3/2 sqrt(x) holds at x = 0 too, though sqrt' is infinite there
    const v = agrees('diff(sqrt(x)^3, x)', '3/2*sqrt(x)', scopeOf([scalar('x', domain('nonnegative'))]));
    expect(v.unsettled).toBe(1);
    // and a wrong derivative is still refuted elsewhere
    refuted('diff(sqrt(x)^3, x)', '3*sqrt(x)', scopeOf([scalar('x', domain('nonnegative'))]));
  });
});

describe('precision: differences float64 cannot see are found', () => {
  test('exp(x)(1 + 10^-20) vs exp(x) disagrees, and the texts show the difference', () => {
    for (const seed of SEEDS) {
      const c = refuted('exp(x)*(1 + 10^(-20))', 'exp(x)', plain, seed);
      expect(c.lhs).not.toBe(c.rhs);
    }
    // also away from the special points
    const c = refuted('exp(x)*(1 + 10^(-20))', 'exp(x)', scopeOf([scalar('x', interval(rat(3), rat(4), true, true))]));
    expect(Number(c.values.x)).toBeGreaterThan(3);
  });

  test('a relative difference of 1e-40, below the tolerance, agrees', () => {
    agrees('exp(x)*(1 + 10^(-40))', 'exp(x)');
  });

  test('cancellation at 50 digits is not a counterexample (confirmed at 100 digits)', () => {
    // exp(60) ~ 1.1e26: subtracting it loses 26 of 50 digits, more than the 20 of headroom
    agrees('(exp(60) + x) - exp(60)', 'x');
  });

  test('values beyond 1e300 are evaluated, not skipped (decimal.js reaches 10^9e15)', () => {
    const v = agrees('exp(100*x) / exp(100*x - 1)', 'e');
    expect(v.skipped).toBe(0);
    expect(v.unsettled).toBe(0);
  });

  test('a side that overflows even 10^9e15 makes the point unsettled, not a disagreement', () => {
    const v = verdict('exp(10^17*x) / exp(10^17*x - 1)', 'e');
    expect(v.kind).not.toBe('disagree');
    if (v.kind !== 'disagree') expect(v.unsettled).toBeGreaterThan(0);
  });
});

describe('derivatives by dual numbers', () => {
  test('diff(x^3, x) is 3x^2, not 3x', () => {
    agrees('diff(x^3, x)', '3*x^2');
    const c = refuted('diff(x^3, x)', '3*x');
    expect(Number(c.lhs)).toBeCloseTo(3 * Number(c.values.x) ** 2, 10);
  });

  test('nested: diff(diff(sin(x) y, x), y) is cos(x)', () => {
    agrees('diff(diff(sin(x)*y, x), y)', 'cos(x)');
    refuted('diff(diff(sin(x)*y, x), y)', 'cos(x)*y');
    refuted('diff(diff(sin(x)*y, x), y)', 'sin(x)');
  });

  test('second derivatives and perturbation confusion', () => {
    agrees('diff(diff(x^4, x), x)', '12*x^2');
    // the inner diff's x is a constant for the outer diff with respect to y: d/dy (x * d/dx (x + y)) = 0
    agrees('diff(x * diff(x + y, x), y)', '0');
    agrees('diff(x * diff(x * y, y), x)', '2*x');
  });

  test('chain rule through every built-in', () => {
    const cases: [string, string][] = [
      ['diff(exp(2*x), x)', '2*exp(2*x)'],
      ['diff(log(x^2 + 1), x)', '2*x/(x^2 + 1)'],
      ['diff(sqrt(x^2 + 1), x)', 'x/sqrt(x^2 + 1)'],
      ['diff(tan(x), x)', '1/cos(x)^2'],
      ['diff(sinh(x) + cosh(x), x)', 'exp(x)'],
      ['diff(tanh(x), x)', '1 - tanh(x)^2'],
      ['diff(atan(x), x)', '1/(1 + x^2)'],
      ['diff(sigma(x), x)', 'sigma(x)*(1 - sigma(x))'],
      ['diff(x^x, x)', 'x^x*(log(x) + 1)'],
      ['diff(pi^x, x)', 'pi^x*log(pi)'],
      ['diff(e^x, x)', 'e^x'],
    ];
    for (const [l, r] of cases) agrees(l, r);
    agrees('diff(asin(x) + acos(x), x)', '0', scopeOf([scalar('x', interval(rat(-1), rat(1), true, true))]));
  });
});

describe('indexed expressions: random networks, every coincidence of indices', () => {
  const scope = scopeOf(net);

  test('diff(sum(k, w[i,k] s[k]), w[i,j]) is s[j]', () => {
    const v = agrees('diff(sum(k, w[i,k]*s[k]), w[i,j])', 's[j]', scope);
    expect(v.instances).toBe('n = 1, 2, 3, 5; i, j distinct and equal');
  });

  test('diff(sum(k, w[i,k] s[k]), w[i,j]) is not s[i]: the counterexample names units and elements', () => {
    for (const seed of SEEDS) {
      const c = refuted('diff(sum(k, w[i,k]*s[k]), w[i,j])', 's[i]', scope, seed);
      expect(c.units).toBe(2); // the smallest network shows it
      const { i, j } = c.values;
      expect(i).toBeDefined();
      expect(j).toBeDefined();
      expect(i).not.toBe(j);
      expect(c.values[`s[${i}]`]).toBe(c.rhs);
      expect(c.values[`s[${j}]`]).toBe(c.lhs);
      expect(c.values[`w[${i},${j}]`]).toBeDefined();
      expect(c.how).toMatch(/; i, j distinct(;|$)/);
    }
  });

  test('a delta collapses a sum onto the right element', () => {
    agrees('sum(k, delta(k,j)*x[k])', 'x[j]', scope);
    agrees('sum(k, delta(k,j)*w[i,k])', 'w[i,j]', scope);
    const c = refuted('sum(k, delta(k,j)*w[i,k])', 'w[j,i]', scope);
    expect(c.values.i).not.toBe(c.values.j);
  });

  test('distinct index names may denote the same unit', () => {
    // equal only when i = j, which the pattern i = j does not hide: delta(i,j) is 1 there
    const c = refuted('delta(i,j)', '0', scope);
    expect(c.values.i).toBe(c.values.j);
    agrees('delta(i,j)*x[i]', 'delta(i,j)*x[j]', scope);
  });

  test('literal units, and indices that coincide with them', () => {
    agrees('delta(i,1)*x[1]', 'delta(i,1)*x[i]', scope);
    const c = refuted('x[1]', 'x[i]', scope);
    expect(c.values.i).not.toBe('1');
    expect(c.values['x[1]']).toBeDefined();
  });

  test('sums range over all n units, and n is the number of units', () => {
    agrees('sum(k, 1)', 'n', scope);
    agrees('sum(k, sum(m, x[k]*x[m]))', 'sum(k, x[k])^2', scope);
    refuted('sum(k, x[k])^2', 'sum(k, x[k]^2)', scope);
  });
});

describe('opaque symbols', () => {
  const decls = [
    ...net,
    opaque('pR', domain('positive'), ['w[i,j]']),
    opaque('pQ', domain('positive')),
    opaque('q', domain('probability')),
  ];
  const scope = scopeOf(decls, { a: 'sum(k, w[i,k]*s[k])' });

  test('derivative of an opaque symbol declared independent is 0', () => {
    agrees('diff(pR*y, w[i,j])', '0', scope);
    agrees('diff(log(pR) + y, w[i,j])', '0', scope);
    agrees('diff(log(pR*sigma(a)), w[i,j])', 's[j]*(1 - sigma(a))', scope);
  });

  test('an opaque symbol not declared independent cannot be dropped', () => {
    for (const seed of SEEDS) {
      const c = refuted('diff(pQ*y, w[i,j])', '0', scope, seed);
      expect(c.values.pQ).toBeDefined();
      expect(c.values.y).toBeDefined();
    }
    refuted('diff(log(pQ*sigma(a)), w[i,j])', 's[j]*(1 - sigma(a))', scope);
  });

  test('independence is of the instantiated element only', () => {
    // pR may depend on w[j,i]; when i = j that is w[i,j] itself, so only the distinct pattern refutes
    const c = refuted('diff(pR, w[j,i])', '0', scope);
    expect(c.values.i).not.toBe(c.values.j);
  });

  test('independence of a scalar, and of a whole array', () => {
    const sc = scopeOf([...net, opaque('pB', domain('positive'), ['y']), opaque('pA', domain('nonzero'), ['w'])]);
    agrees('diff(pB, y)', '0', sc);
    refuted('diff(pB, z)', '0', sc);
    agrees('diff(pA, w[i,j])', '0', sc);
    refuted('diff(pA, x[i])', '0', sc);
  });

  test('opaque values lie in their domains', () => {
    agrees('sqrt(pQ)^2', 'pQ', scope);
    agrees('log(q) + log(1 - q) - log(q*(1 - q))', '0', scope);
  });
});

describe('assumptions fix a variable at the unit its index is assigned', () => {
  const decls = [index('i'), index('j'), array('s', 1, domain('binary'))];

  test('with s[i] = 1, s[i] x is x; without, it is not', () => {
    agrees('s[i]*x', 'x', scopeOf(decls, {}, { 's[i]': '1' }));
    refuted('s[i]*x', 'x', scopeOf(decls));
  });

  test('the assumption holds for s[j] exactly when j = i', () => {
    const c = refuted('s[j]*x', 'x', scopeOf(decls, {}, { 's[i]': '1' }));
    expect(c.values.i).not.toBe(c.values.j);
  });

  test('a derivative with respect to an assumed variable is not substituted away', () => {
    agrees('diff(s[i]*x, s[i])', 'x', scopeOf(decls, {}, { 's[i]': '1' }));
    agrees('diff(y^2, y)', '2', scopeOf([], {}, { y: '1' }));
  });
});

describe('binary variables', () => {
  test('every combination of a few binary variables is tried', () => {
    const scope = scopeOf([
      scalar('s', domain('binary')),
      scalar('t', domain('binary')),
      scalar('u', domain('binary')),
    ]);
    agrees('s^2', 's', scope);
    // wrong only at s = t = u = 1
    const c = refuted('s*t*u', '0', scope);
    expect(c.values).toEqual({ s: '1', t: '1', u: '1' });
  });
});

describe('inputs that cannot be evaluated are inconclusive, not errors', () => {
  test('unknown function', () => {
    const v = verdict('foo(x)', 'x');
    expect(v).toMatchObject({ kind: 'inconclusive', reason: expect.stringMatching(/unknown function `foo`/) });
  });

  test('a derivative with respect to a defined name', () => {
    const v = verdict('diff(a^2, a)', '2*a', scopeOf([], { a: 'x + 1' }));
    expect(v).toMatchObject({ kind: 'inconclusive', reason: expect.stringMatching(/defined, not a variable/) });
  });

  test('a literal unit beyond MAX_UNITS', () => {
    const v = verdict('x[100]', 'x[100]', scopeOf(net));
    expect(v).toMatchObject({ kind: 'inconclusive', reason: expect.stringMatching(/MAX_UNITS/) });
  });
});

describe('definitions are unfolded first', () => {
  test('a function definition with an index parameter', () => {
    const scope = scopeOf(net, { 'act(u)': 'sum(k, w[u,k]*s[k])' });
    agrees('diff(sigma(act(i)), w[i,j])', 's[j]*sigma(act(i))*(1 - sigma(act(i)))', scope);
  });
});

describe('determinism', () => {
  test('the same seed gives the same verdict and counterexample', () => {
    const scope = scopeOf(net);
    for (const [l, r] of [
      ['diff(sum(k, w[i,k]*s[k]), w[i,j])', 's[i]'],
      ['sum(k, x[k])^2', 'sum(k, x[k]^2)'],
      ['log(x^2)', '2*log(x)'],
    ] as const) {
      expect(verdict(l, r, scope, 99)).toEqual(verdict(l, r, scope, 99));
    }
    expect(verdict('diff(x^3, x)', '3*x^2', plain, 5)).toEqual(verdict('diff(x^3, x)', '3*x^2', plain, 5));
  });

  test('samples sets the number of random points per instance', () => {
    const few = verdict('x', 'x', plain, 1, 10);
    const many = verdict('x', 'x', plain, 1, 40);
    expect(few.kind === 'agree' && many.kind === 'agree' && many.points - few.points).toBe(30);
  });
});
