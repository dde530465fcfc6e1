import { describe, expect, test } from 'vitest';
import { prepareComparison, type Prepared } from '../../src/numeric/prepare.js';
import { collectAtoms, planInstances, type Plan } from '../../src/numeric/instance.js';
import { MAX_WORK_PER_COMPARE } from '../../src/numeric/bounds.js';
import { array, domain, ex, index, opaque, scopeOf } from './helpers.js';

const scope = scopeOf([
  index('i'),
  index('j'),
  index('k'),
  array('s', 1, domain('binary')),
  array('w', 2),
  array('x', 1),
  opaque('pR', domain('positive'), ['w[i,j]']),
]);

function prep(l: string, r: string, sc = scope): Prepared {
  const p = prepareComparison(ex(l), ex(r), sc);
  if ('problem' in p) throw new Error(p.problem);
  return p;
}
function plan(p: Prepared): Plan {
  const q = planInstances(p, 1);
  if ('problem' in q) throw new Error(q.problem);
  return q;
}

describe('instances', () => {
  test('free indices, literals and bound indices are told apart', () => {
    const p = prep('sum(k, w[i,k]*s[k]) + x[2]', 'delta(j, 1)');
    expect(p.freeIndices).toEqual(['i', 'j']);
    expect(p.literals).toEqual([2, 1].sort());
    expect(p.indexed).toBe(true);
    expect(prep('y + 1', 'y').indexed).toBe(false);
  });

  test('an opaque symbol used brings the indices of its independent_of list', () => {
    expect(prep('pR', 'pR').freeIndices).toEqual(['i', 'j']);
  });

  test('two indices: distinct and equal, for n = 1, 2, 3, 5, smallest n first (one unit: only equal)', () => {
    const q = plan(prep('w[i,j]', 'w[j,i]'));
    expect(q.instances.map((x) => [x.n, x.pattern])).toEqual([
      [1, 'j = i'],
      [2, 'i, j distinct'],
      [2, 'j = i'],
      [3, 'i, j distinct'],
      [3, 'j = i'],
      [5, 'i, j distinct'],
      [5, 'j = i'],
    ]);
    for (const x of q.instances) {
      const [i, j] = [x.units.get('i')!, x.units.get('j')!];
      expect(i >= 1 && i <= x.n! && j >= 1 && j <= x.n!).toBe(true);
      expect(i === j).toBe(x.pattern === 'j = i');
    }
    expect(q.description).toBe('n = 1, 2, 3, 5; i, j distinct and equal');
  });

  test('three indices: all five patterns of coincidence where they fit', () => {
    const q = plan(prep('w[i,j]*x[k]', '0'));
    expect(q.instances.filter((x) => x.n === 2)).toHaveLength(4); // all-distinct needs 3 units
    expect(q.instances.filter((x) => x.n === 3)).toHaveLength(5);
  });

  test('an index may coincide with a literal unit', () => {
    const q = plan(prep('x[i]', 'x[1]'));
    const patterns = new Set(q.instances.map((x) => x.pattern));
    expect(patterns).toEqual(new Set(['i at a random unit', 'i = 1']));
    for (const x of q.instances) if (x.pattern === 'i at a random unit') expect(x.units.get('i')).not.toBe(1);
  });

  test('the atoms of an instance: sums expanded, diff targets included, direct atoms marked', () => {
    const p = prep('diff(sum(k, w[i,k]*s[k]), w[i,j])', 'y');
    const inst = plan(p).instances.find((x) => x.n === 3 && x.pattern === 'i, j distinct')!;
    const { atoms } = collectAtoms(p, inst, scope, { used: 0, limit: MAX_WORK_PER_COMPARE });
    const i = inst.units.get('i');
    const j = inst.units.get('j');
    const keys = atoms.map((a) => a.key).sort();
    expect(keys).toEqual([`w[${i},1]`, `w[${i},2]`, `w[${i},3]`, 's[1]', 's[2]', 's[3]', 'y'].sort());
    const direct = atoms
      .filter((a) => a.direct)
      .map((a) => a.key)
      .sort();
    expect(direct).toEqual([`w[${i},${j}]`, 'y'].sort());
  });

  test('structural problems are reported, not thrown', () => {
    expect(prepareComparison(ex('w[i]'), ex('0'), scope)).toMatchObject({
      problem: expect.stringMatching(/2 indices/),
    });
    expect(prepareComparison(ex('w + 1'), ex('0'), scope)).toMatchObject({
      problem: expect.stringMatching(/without indices/),
    });
    expect(prepareComparison(ex('diff(x[k], k)'), ex('0'), scope)).toMatchObject({
      problem: expect.stringMatching(/index/),
    });
    expect(prepareComparison(ex('exp(1, 2)'), ex('0'), scope)).toMatchObject({
      problem: expect.stringMatching(/takes 1 argument/),
    });
    expect(prepareComparison(ex('a'), ex('0'), scopeOf([], { a: 'b', b: 'a' }))).toMatchObject({
      problem: expect.stringMatching(/cycle/),
    });
  });
});
