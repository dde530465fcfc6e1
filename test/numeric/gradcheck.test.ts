/**
 * gradcheck's core: a derived closed form against reverse-mode autodiff of
 * the objective at every (i, j) of random networks of every weight family
 * (a DAG, dense, symmetric pairs; several scales). The log joint of a
 * sigmoid belief net passes; closed forms with a plausible mistake fail at a
 * named element; a closed form right only on a DAG fails on the dense
 * networks; saturated units make elements unsettled, never a failure;
 * inputs it cannot check are problems, not crashes.
 */
import { describe, expect, test } from 'vitest';
import type { Elem } from '../../src/ir/expr.js';
import { DenseInputs } from '../../src/numeric/dense-inputs.js';
import { gradcheck, type GradcheckInput } from '../../src/numeric/gradcheck.js';
import { type GradcheckResult, familyText } from '../../src/verdict/gradcheck.js';
import { compileFloat } from '../../src/numeric/float-program.js';
import { WEIGHT_FAMILIES, randomNetwork } from '../../src/numeric/network.js';
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

const familyOf = (r: Extract<GradcheckResult, { kind: 'report' }>, k: number) => familyText(r.networks[k]!.family);

describe('the log joint of a sigmoid belief net', () => {
  test('s[j] (s[i] - p(i)) matches every partial from one backward pass, on every family of networks', () => {
    const r = report(check('s[j]*(s[i] - p(i))'));
    expect(r.verdict).toBe('ok');
    expect(r.partials).toBe(900);
    // two rounds of the five families, in order
    expect(r.networks.map((_, k) => familyOf(r, k))).toEqual(
      [...WEIGHT_FAMILIES, ...WEIGHT_FAMILIES].map((f) => familyText(f)),
    );
    expect(r.differing).toBe(0);
    expect(r.agreeing + r.unsettled).toBe(2 * 5 * 900);
    // the balanced networks are settled everywhere
    for (const net of r.networks.filter((x) => x.family.scaleText === '2/sqrt(n)')) {
      expect(net.comparison.agreeing).toBe(900);
      expect(Number.isFinite(net.value) && net.value < 0).toBe(true);
    }
    const w = r.worst!;
    expect(w.mixed).toBeLessThan(1e-8);
    // the worst element is a real one: both sides nonzero there
    expect(w.autodiff).not.toBe(0);
    expect(w.closedForm).toBeCloseTo(w.autodiff, 7);
  });

  test.each([
    ['the indices swapped', 's[i]*(s[j] - p(j))'],
    ['s[j] dropped', 's[i] - p(i)'],
    ["the wrong unit's probability", 's[j]*(s[i] - p(j))'],
    ['the sign lost', 's[j]*(p(i) - s[i])'],
  ])('%s fails, naming the worst (i, j) and both values there', (_, wrong) => {
    const r = report(check(wrong));
    expect(r.verdict).toBe('failed');
    const w = r.worst!;
    const { i, j } = Object.fromEntries(w.units);
    expect(i).toBeGreaterThanOrEqual(1);
    expect(j).toBeLessThanOrEqual(30);
    expect(w.absolute).toBeCloseTo(Math.abs(w.autodiff - w.closedForm), 15);
    expect(w.mixed).toBeGreaterThan(0.01);
    // a real difference: beyond the tolerance plus both error bounds
    expect(w.absolute - w.autodiffError - w.closedFormError).toBeGreaterThan(r.tolerance);
  });

  test('the same seed gives the same networks and the same worst element; another seed other networks', () => {
    const a = report(check('s[i]*(s[j] - p(j))'));
    const b = report(check('s[i]*(s[j] - p(j))'));
    expect(b.worst).toEqual(a.worst);
    const c = report(check('s[i]*(s[j] - p(j))', { seed: 2 }));
    expect(c.networks[0]!.value).not.toBe(a.networks[0]!.value);
  });
});

describe('random networks: the DAG family', () => {
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
      WEIGHT_FAMILIES[0]!,
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
      WEIGHT_FAMILIES[0]!,
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

describe('general weights: dense, symmetric pairs, several scales', () => {
  const n = 40;
  const inputs = new DenseInputs(
    n,
    [
      { name: 's', arity: 1 },
      { name: 'v', arity: 2 },
      { name: 'w', arity: 2 },
      { name: 'W', arity: 2 },
    ],
    [],
  );
  const symbols = [
    { name: 's', arity: 1, domain: domain('binary') },
    { name: 'v', arity: 2, domain: domain('real') },
    { name: 'w', arity: 2, domain: domain('real') },
    { name: 'W', arity: 2, domain: domain('real'), symmetric: true },
  ];
  const draw = (k: number) => {
    const values = randomNetwork(inputs, symbols, 'w', WEIGHT_FAMILIES[k]!, new Prng(11));
    return (name: string, a: number, b: number): number => values[inputs.element(name, [a, b])]!;
  };
  const all = (f: (a: number, b: number) => boolean): boolean => {
    for (let a = 1; a <= n; a++) for (let b = 1; b <= n; b++) if (!f(a, b)) return false;
    return true;
  };

  test.each(WEIGHT_FAMILIES.map((f, k) => [familyText(f), k] as const))(
    '%s: every weight array within the scale, and reaching it',
    (_, k) => {
      const family = WEIGHT_FAMILIES[k]!;
      const scale = family.scale(n);
      const w = draw(k);
      for (const name of ['v', 'w', 'W']) {
        expect(all((a, b) => Math.abs(w(name, a, b)) <= scale)).toBe(true);
        let largest = 0;
        for (let a = 1; a <= n; a++) for (let b = 1; b <= n; b++) largest = Math.max(largest, Math.abs(w(name, a, b)));
        expect(largest).toBeGreaterThan(0.9 * scale);
      }
    },
  );

  test('dense: every weight nonzero, the diagonal too; not symmetric', () => {
    const w = draw(WEIGHT_FAMILIES.findIndex((f) => f.shape === 'dense'));
    for (const name of ['v', 'w']) {
      expect(all((a, b) => w(name, a, b) !== 0)).toBe(true);
      expect(all((a, b) => w(name, a, b) === w(name, b, a))).toBe(false);
    }
  });

  test('symmetric pairs: w[a,b] = w[b,a], the diagonal nonzero, every real two-index array', () => {
    const w = draw(WEIGHT_FAMILIES.findIndex((f) => f.shape === 'symmetric'));
    for (const name of ['v', 'w']) {
      expect(all((a, b) => w(name, a, b) === w(name, b, a) && w(name, a, b) !== 0)).toBe(true);
    }
  });

  test('an array declared symmetric is symmetric in every family; the DAG family leaves it dense', () => {
    for (let k = 0; k < WEIGHT_FAMILIES.length; k++) {
      const w = draw(k);
      expect(all((a, b) => w('W', a, b) === w('W', b, a) && w('W', a, b) !== 0)).toBe(true);
    }
    // while the other arrays of the DAG family have its zeros
    const dag = draw(0);
    expect(all((a) => dag('v', a, a) === 0 && dag('w', a, a) === 0)).toBe(true);
  });

  test('a closed form right only on a DAG (it adds w[i,i], which a DAG has 0) fails on the dense networks only', () => {
    const r = report(check('s[j]*(s[i] - sigma(a(i) + w[i,i]))'));
    expect(r.verdict).toBe('failed');
    r.networks.forEach((net, k) => {
      if (net.family.shape === 'dag') expect(net.comparison.differing, familyOf(r, k)).toBe(0);
    });
    expect(
      r.networks.filter((net) => net.family.shape !== 'dag' && net.comparison.differing > 0).length,
    ).toBeGreaterThan(0);
    expect(r.networks[r.worst!.network]!.family.shape).not.toBe('dag');
  });

  test('a closed form right only for symmetric weights (the transposed net input) fails on the others', () => {
    const r = report(check('s[j]*(s[i] - sigma(sum(k, w[k,i]*s[k])))'));
    expect(r.verdict).toBe('failed');
    r.networks.forEach((net, k) => {
      if (net.family.shape === 'symmetric') expect(net.comparison.differing, familyOf(r, k)).toBe(0);
      else expect(net.comparison.differing, familyOf(r, k)).toBeGreaterThan(0);
    });
  });
});

describe('float64 rounding is never reported as a difference', () => {
  const sat = scopeOf(decls, { 'a(u)': 'sum(k, w[u,k]*s[k])' });
  const saturating = (over: Partial<GradcheckInput> = {}) =>
    report(
      gradcheck({
        objective: ex('sum(m, log(1 - sigma(a(m))))'),
        wrt: ex('w[i,j]') as Elem,
        closedForm: ex('-sigma(a(i)) * s[j]'),
        scope: sat,
        units: 30,
        seed: 1,
        instances: 5,
        ...over,
      }),
    );

  test('at weights +-5, 1 - sigma(a) keeps few digits: those partials are unsettled, the true closed form is ok', () => {
    const r = saturating();
    expect(r.verdict).toBe('ok');
    expect(r.differing).toBe(0);
    expect(r.unsettled).toBeGreaterThan(0);
    // some unsettled element is one the tolerance alone would have called a difference
    const examples = r.networks.flatMap((net) =>
      net.comparison.unsettledExample ? [net.comparison.unsettledExample] : [],
    );
    expect(
      examples.some((x) => Math.abs(x.closedForm - x.autodiff) > r.tolerance * Math.max(1, Math.abs(x.autodiff))),
    ).toBe(true);
    // only the saturating scale has them
    for (const net of r.networks) if (net.family.scaleText !== '5') expect(net.comparison.unsettled).toBe(0);
  });

  test('the same claim with a wrong sign still fails there, beyond the error bounds', () => {
    const r = saturating({ closedForm: ex('sigma(a(i)) * s[j]') });
    expect(r.verdict).toBe('failed');
    expect(r.worst!.absolute).toBeGreaterThan(1);
  });

  test('a closed form that overflows in float64 (exp(1000) - exp(1000)) is unsettled, not wrong', () => {
    const r = report(check('s[j]*(s[i] - p(i)) + exp(1000) - exp(1000)', { instances: 1 }));
    expect(r.differing).toBe(0);
    expect(r.verdict).toBe('undecided');
    expect(r.networks[0]!.comparison.unsettledExample!.reason).toMatch(/closed form's float64 value is NaN/);
  });

  test('a closed form certainly undefined (log of a value <= -1) where the partial exists fails', () => {
    const r = report(check('s[j]*(s[i] - p(i)) + log(s[i] - 2)', { instances: 1 }));
    expect(r.verdict).toBe('failed');
    expect(r.differing).toBe(5 * 900);
    expect(Number.isNaN(r.worst!.closedForm)).toBe(true);
  });
});

describe('progress', () => {
  test('past progressAfterMs, a line on the progress callback names the network, the family and how far', () => {
    const lines: string[] = [];
    const r = report(
      check('s[j]*(s[i] - p(i))', { units: 70, instances: 1, progress: (l) => lines.push(l), progressAfterMs: 0 }),
    );
    expect(r.verdict).toBe('ok');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(
      /^gradcheck: network 1 of 5 \(dag, \+-2\/sqrt\(n\)\): closed form at 4096 of 4900 elements, [\d.]+ s$/,
    );
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
