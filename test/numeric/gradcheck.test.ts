/**
 * gradcheck's core: a derived closed form against reverse-mode autodiff of
 * the objective at every (i, j) of random DAG networks. The log joint of a
 * sigmoid belief net passes; closed forms with a plausible mistake fail at a
 * named element; inputs it cannot check are problems, not crashes.
 */
import { describe, expect, test } from 'vitest';
import type { Elem } from '../../src/ir/expr.js';
import { DenseInputs } from '../../src/numeric/dense-inputs.js';
import { gradcheck, type GradcheckInput, type GradcheckResult } from '../../src/numeric/gradcheck.js';
import { compileFloat } from '../../src/numeric/float-program.js';
import { randomNetwork } from '../../src/numeric/network.js';
import { Prng } from '../../src/numeric/prng.js';
import { array, domain, ex, index, opaque, scopeOf } from './helpers.js';

const decls = [index('i'), index('j'), index('k'), index('m'), array('s', 1, domain('binary')), array('w', 2)];
const defs = { 'a(u)': 'sum(k, w[u,k]*s[k])', 'p(u)': 'sigma(a(u))' };
const scope = scopeOf(decls, defs);
const logJoint = 'sum(m, s[m]*log(p(m)) + (1 - s[m])*log(1 - p(m)))';

function check(closedForm: string, over: Partial<GradcheckInput> = {}): GradcheckResult {
  return gradcheck({
    objective: ex(logJoint),
    wrt: ex('w[i,j]') as Elem,
    closedForm: ex(closedForm),
    scope,
    units: 30,
    seed: 1,
    instances: 2,
    ...over,
  });
}

function report(r: GradcheckResult): Extract<GradcheckResult, { kind: 'report' }> {
  if (r.kind !== 'report') throw new Error(r.message);
  return r;
}

describe('the log joint of a sigmoid belief net', () => {
  test('s[j] (s[i] - p(i)) matches every partial from one backward pass', () => {
    const r = report(check('s[j]*(s[i] - p(i))'));
    expect(r.ok).toBe(true);
    expect(r.partials).toBe(900);
    expect(r.instances).toHaveLength(2);
    expect(r.worst.mixed).toBeLessThan(1e-13);
    // the worst element is a real one: both sides nonzero there
    expect(r.worst.autodiff).not.toBe(0);
    expect(r.worst.closedForm).toBeCloseTo(r.worst.autodiff, 12);
    for (const inst of r.instances) expect(Number.isFinite(inst.value) && inst.value < 0).toBe(true);
  });

  test.each([
    ['the indices swapped', 's[i]*(s[j] - p(j))'],
    ['s[j] dropped', 's[i] - p(i)'],
    ["the wrong unit's probability", 's[j]*(s[i] - p(j))'],
    ['the sign lost', 's[j]*(p(i) - s[i])'],
  ])('%s fails, naming the worst (i, j) and both values there', (_, wrong) => {
    const r = report(check(wrong));
    expect(r.ok).toBe(false);
    const { i, j } = Object.fromEntries(r.worst.units);
    expect(i).toBeGreaterThanOrEqual(1);
    expect(j).toBeLessThanOrEqual(30);
    expect(r.worst.absolute).toBeCloseTo(Math.abs(r.worst.autodiff - r.worst.closedForm), 15);
    expect(r.worst.mixed).toBeGreaterThan(0.01);
  });

  test('the same seed gives the same networks and the same worst element; another seed other networks', () => {
    const a = report(check('s[i]*(s[j] - p(j))'));
    const b = report(check('s[i]*(s[j] - p(j))'));
    expect(b.worst).toEqual(a.worst);
    const c = report(check('s[i]*(s[j] - p(j))', { seed: 2 }));
    expect(c.instances[0]!.value).not.toBe(a.instances[0]!.value);
  });
});

describe('random DAG networks', () => {
  test('w is the weights of a DAG: n(n-1)/2 nonzero weights, none on the diagonal, and an order they respect', () => {
    const n = 40;
    const inputs = new DenseInputs(
      n,
      [
        { name: 's', arity: 1 },
        { name: 'w', arity: 2 },
      ],
      [],
    );
    const values = randomNetwork(
      inputs,
      [
        { name: 's', arity: 1, domain: domain('binary') },
        { name: 'w', arity: 2, domain: domain('real') },
      ],
      'w',
      new Prng(5),
    );
    const w = (a: number, b: number): number => values[inputs.element('w', [a, b])]!;
    let nonzero = 0;
    for (let a = 1; a <= n; a++) for (let b = 1; b <= n; b++) if (w(a, b) !== 0) nonzero++;
    expect(nonzero).toBe((n * (n - 1)) / 2);
    for (let a = 1; a <= n; a++) expect(w(a, a)).toBe(0);
    // acyclic: repeatedly remove a unit with no nonzero incoming weight w[u, .] from the remaining ones
    const left = new Set(Array.from({ length: n }, (_, u) => u + 1));
    while (left.size > 0) {
      const source = [...left].find((u) => [...left].every((b) => w(u, b) === 0));
      expect(source).toBeDefined();
      left.delete(source!);
    }
    const s = Array.from({ length: n }, (_, u) => values[inputs.element('s', [u + 1])]);
    expect(new Set(s)).toEqual(new Set([0, 1]));
    for (let a = 1; a <= n; a++)
      for (let b = 1; b <= n; b++) expect(Math.abs(w(a, b))).toBeLessThanOrEqual(2 / Math.sqrt(n));
  });

  test("the closed-form program computes each unit's net input once, and gives the same values as a direct loop", () => {
    const n = 25;
    const inputs = new DenseInputs(
      n,
      [
        { name: 's', arity: 1 },
        { name: 'w', arity: 2 },
      ],
      [],
    );
    const values = randomNetwork(
      inputs,
      [
        { name: 's', arity: 1, domain: domain('binary') },
        { name: 'w', arity: 2, domain: domain('real') },
      ],
      'w',
      new Prng(6),
    );
    const program = compileFloat(ex('s[j]*(s[i] - sigma(sum(k, w[i,k]*s[k])))'), n, inputs, values, ['i', 'j']);
    for (const [i, j] of [
      [1, 1],
      [3, 7],
      [25, 2],
      [3, 9],
    ] as const) {
      program.bind('i', i);
      program.bind('j', j);
      let a = 0;
      for (let k = 1; k <= n; k++) a += values[inputs.element('w', [i, k])]! * values[inputs.element('s', [k])]!;
      const expected = values[inputs.element('s', [j])]! * (values[inputs.element('s', [i])]! - 1 / (1 + Math.exp(-a)));
      expect(program.run()).toBeCloseTo(expected, 14);
    }
  });
});

describe('what gradcheck cannot check is a problem with a reason', () => {
  test.each([
    [
      'an opaque objective',
      { objective: ex('log(pN)'), scope: scopeOf([...decls, opaque('pN', domain('positive'))], defs) },
      /opaque symbol `pN`/,
    ],
    ['an objective with free indices', { objective: ex('log(p(i))') }, /the objective has free indices \(i\)/],
    [
      'a closed form with an index w[i,j] does not bind',
      { closedForm: ex('s[m]') },
      /free indices \(m\) that w\[i,j\] does not bind/,
    ],
    ['a derivative left in the closed form', { closedForm: ex('diff(p(i), w[i,j])') }, /contains a derivative/],
    ['too many units', { units: 5001 }, /MAX_GRADCHECK_UNITS = 5000/],
    ['a repeated index in the element', { wrt: ex('w[i,i]') as Elem }, /distinct index variables/],
    ['an element of an undeclared array', { wrt: ex('v[i,j]') as Elem }, /`v` is not a declared array/],
    [
      'a literal unit beyond the network',
      { closedForm: ex('s[40]') },
      /the unit 40 is used, but the network has only 30 units/,
    ],
  ])('%s', (_, over, message) => {
    const r = gradcheck({
      objective: ex(logJoint),
      wrt: ex('w[i,j]') as Elem,
      closedForm: ex('s[j]*(s[i] - p(i))'),
      scope,
      units: 30,
      seed: 1,
      instances: 1,
      ...over,
    });
    expect(r.kind).toBe('problem');
    expect(r.kind === 'problem' ? r.message : '').toMatch(message);
  });
});
