/**
 * gradcheck's closed form costs O(edges) per network, not a power of n: the
 * float64 program memoizes every sub-expression over the indices it uses,
 * so a backpropagated error computes each unit's value once per network.
 * Pinned by counting work, never by a clock: the number of sum-body
 * evaluations needed to evaluate the closed form at all n^2 elements of
 * the weight array. The closed forms here have n x n weight arrays (edges
 * ~ n^2), so linear in edges means that count is c n^2: exactly 4x when n
 * doubles. (Before the memoization was generalized the two-hidden-layer
 * count grew like n^6: 5792, 304256, 3280032 at n = 4, 8, 12.)
 */
import { describe, expect, test } from 'vitest';
import { unfold } from '../../src/ir/unfold.js';
import { DenseInputs } from '../../src/numeric/dense-inputs.js';
import { compileFloat } from '../../src/numeric/float-program.js';
import { array, ex, index, scopeOf } from './helpers.js';

/** two hidden tanh layers and a linear output, as in derivations/two-hidden-layer-backprop.yaml */
const twoHidden = scopeOf(
  [...['i', 'j', 'k', 'l', 'm', 'p', 'q'].map((x) => index(x)), array('x', 1), array('t', 1)].concat(
    ['w1', 'w2', 'w3'].map((w) => array(w, 2)),
  ),
  {
    'a1(u)': 'sum(i, w1[u,i] * x[i])',
    'z1(u)': 'tanh(a1(u))',
    'a2(u)': 'sum(j, w2[u,j] * z1(j))',
    'z2(u)': 'tanh(a2(u))',
    'y(v)': 'sum(l, w3[v,l] * z2(l))',
    'dout(v)': 'y(v) - t[v]',
    'd2(u)': '(1 - z2(u)^2) * sum(k, w3[k,u] * dout(k))',
    'd1(u)': '(1 - z1(u)^2) * sum(m, w2[m,u] * d2(m))',
  },
);
const ARRAYS = [
  { name: 't', arity: 1 },
  { name: 'w1', arity: 2 },
  { name: 'w2', arity: 2 },
  { name: 'w3', arity: 2 },
  { name: 'x', arity: 1 },
];

/** deterministic values of order 1 (the count does not depend on them; the direct loop below does) */
const valuesOf = (inputs: DenseInputs): Float64Array => new Float64Array(inputs.count).map((_, k) => Math.sin(k + 1));

/** the closed form d1(p) x[q] at every (p, q) of n units: its values and the sum-body evaluations they took */
function closedForm(n: number): { values: Float64Array; sumBodies: number; inputs: DenseInputs; data: Float64Array } {
  const inputs = new DenseInputs(n, ARRAYS, []);
  const data = valuesOf(inputs);
  const program = compileFloat(unfold(ex('d1(p) * x[q]'), twoHidden.definitions), n, inputs, data, ['p', 'q']);
  const values = new Float64Array(n * n);
  for (let p = 1; p <= n; p++)
    for (let q = 1; q <= n; q++) {
      program.bind('p', p);
      program.bind('q', q);
      values[(p - 1) * n + q - 1] = program.run();
    }
  return { values, sumBodies: program.sumBodies, inputs, data };
}

describe('the closed form of two hidden layers costs O(edges)', () => {
  test('sum-body evaluations: 8 n^2 at every n (8/3 per weight of the 3 n^2), so 4x when n doubles', () => {
    const counts = [4, 8, 16, 32].map((n) => closedForm(n).sumBodies);
    expect(counts).toEqual([4, 8, 16, 32].map((n) => 8 * n * n));
    for (let k = 1; k < counts.length; k++) expect(counts[k]! / counts[k - 1]!).toBe(4);
  });

  test('the memoized values are the direct backpropagation loop', () => {
    const n = 7;
    const { values, inputs, data } = closedForm(n);
    const at = (name: string, ...units: number[]): number => data[inputs.element(name, units)]!;
    const range = Array.from({ length: n }, (_, u) => u + 1);
    const z1 = range.map((u) => Math.tanh(range.reduce((s, i) => s + at('w1', u, i) * at('x', i), 0)));
    const z2 = range.map((u) => Math.tanh(range.reduce((s, j) => s + at('w2', u, j) * z1[j - 1]!, 0)));
    const dout = range.map((v) => range.reduce((s, l) => s + at('w3', v, l) * z2[l - 1]!, 0) - at('t', v));
    const d2 = range.map((u) => (1 - z2[u - 1]! ** 2) * range.reduce((s, k) => s + at('w3', k, u) * dout[k - 1]!, 0));
    const d1 = range.map((u) => (1 - z1[u - 1]! ** 2) * range.reduce((s, m) => s + at('w2', m, u) * d2[m - 1]!, 0));
    for (const p of range)
      for (const q of range) expect(values[(p - 1) * n + q - 1]).toBeCloseTo(d1[p - 1]! * at('x', q), 12);
  });
});

describe('memoization keys', () => {
  test('a sum index that shadows an outer one: the value depends on the inner index only, and each (i, j) is right', () => {
    const n = 5;
    const inputs = new DenseInputs(
      n,
      [
        { name: 's', arity: 1 },
        { name: 'w', arity: 2 },
      ],
      [],
    );
    const data = valuesOf(inputs);
    const program = compileFloat(ex('s[j] * sum(j, w[i,j] * tanh(s[j]))'), n, inputs, data, ['i', 'j']);
    const at = (name: string, ...units: number[]): number => data[inputs.element(name, units)]!;
    for (let i = 1; i <= n; i++)
      for (let j = 1; j <= n; j++) {
        program.bind('i', i);
        program.bind('j', j);
        let inner = 0;
        for (let u = 1; u <= n; u++) inner += at('w', i, u) * Math.tanh(at('s', u));
        expect(program.run()).toBeCloseTo(at('s', j) * inner, 13);
      }
  });
});
