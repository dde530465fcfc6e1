/**
 * Top-level `assume:` equations (contract version 2): listed as premises,
 * used by the core (a sum replaced by its assumed value; a variable by an
 * assumed constant), numeric points constructed to satisfy them, and every
 * equation the checker cannot use refused at its place.
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';
import { numericCompare } from '../../src/numeric/compare.js';
import { parseDomain } from '../../src/parse/domain.js';
import { makeScope } from '../helpers/scope.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const run = (text: string, strict = false) => verifyText('d.yaml', text, { seed: 5, strict });
const T = ['symbols:', '  k: index', '  j: index', '  t: {indices: 1}'];

describe('assumed equations are premises the core uses', () => {
  it('sum(k, t[k]) = 1 lets y sum(k, t[k]) become y; without it the step fails at a point', () => {
    const steps = ['steps:', '  - expr: y * sum(k, t[k])', '  - expr: y'];
    const withIt = run(yaml('title: t', ...T, 'assume:', '  - "sum(k, t[k]) = 1"', ...steps), true);
    expect(withIt.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    expect(withIt.steps[1]!.rules).toContain('nf.assume');
    expect(withIt.premises?.map((p) => p.text)).toContain('sum(k, t[k]) = 1');
    const without = run(yaml('title: t', ...T, ...steps));
    expect(without.steps[1]!.status).toBe('failed');
  });

  it('a false step under the assumption fails at a point that satisfies it', () => {
    const r = run(
      yaml('title: t', ...T, 'assume:', '  - "sum(k, t[k]) = 1"', 'steps:', '  - expr: sum(k, t[k])', '  - expr: t[j]'),
    );
    const s = r.steps[1]!;
    expect(s.status).toBe('failed');
    const values = s.counterexample!.values;
    const total = Object.entries(values)
      .filter(([k]) => k.startsWith('t['))
      .reduce((acc, [, v]) => acc + Number(v), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('a variable assumed equal to a constant is put in, by the core and the numeric layer', () => {
    const r = run(
      yaml('title: t', 'assume:', '  - "p = 1/2"', 'steps:', '  - expr: p * x + p * x', '  - expr: x'),
      true,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    expect(r.premises?.map((p) => p.text)).toContain('p = 1 / 2');
  });
});

describe('numeric points satisfy the assumed equations', () => {
  it('sum(k, t[k]) = 1 agrees numerically only when the points are constructed', () => {
    const { scope, p } = makeScope({ indices: ['k'], arrays: { t: { arity: 1 } } });
    const lhs = p('sum(k, t[k])');
    const rhs = p('1');
    const assumed = { ...scope, equations: [{ sum: lhs, value: rhs }] };
    expect(numericCompare(lhs, rhs, assumed, { seed: 1 }).kind).toBe('agree');
    expect(numericCompare(lhs, rhs, scope, { seed: 1 }).kind).toBe('disagree');
  });
  it('an equation the checker cannot construct points for makes the step inconclusive, saying so', () => {
    const { scope, p } = makeScope({ indices: ['k'], arrays: { t: { arity: 1 } } });
    const eq = { sum: p('sum(k, t[k]^2)'), value: p('1') };
    const v = numericCompare(p('sum(k, t[k]^2)'), p('2'), { ...scope, equations: [eq] }, { seed: 1 });
    expect(v.kind).toBe('inconclusive');
    if (v.kind === 'inconclusive') expect(v.reason).toContain('needs points that satisfy it');
  });
});

describe('bad assumptions are input errors at their place', () => {
  const errors = (...lines: string[]) => {
    const r = loadDerivation('d.yaml', yaml(...lines));
    if (r.ok) throw new Error('loaded');
    return r.errors;
  };
  it.each([
    ['"sum(k, t[k]) == 1"', 'one `=`', 7, 19],
    ['"sum(k, t[k]) < 1"', 'one `=`', 7, 19],
    ['"sum(k, t[k])"', 'one `=`', 7, 6],
    ['"sum(k, t[k]) = (1"', 'never closed', 7, 21],
    ['"t[j]^2 = 1"', 'none of these', 7, 6],
    ['{a: 1}', 'equation in quotes', 7, 5],
    ['"j = 1"', 'declared as an index', 7, 6],
  ])('%s: %s', (item, message, line, column) => {
    const es = errors('title: t', ...T, 'assume:', `  - ${item}`, 'steps: [{expr: "1"}]');
    expect(es[0]!.message).toContain(message);
    expect(es[0]!.place).toMatchObject({ line, column });
  });
  it('a value outside the declared domain, and an opaque quantity, are refused', () => {
    const outside = errors(
      'title: t',
      'symbols:',
      '  s: {domain: binary}',
      'assume:',
      '  - "s = 2"',
      'steps: [{expr: "1"}]',
    );
    expect(outside[0]!.message).toContain('outside the declared domain');
    const opaque = errors(
      'title: t',
      'symbols:',
      '  q: {opaque: true}',
      'assume:',
      '  - "q = 2"',
      'steps: [{expr: "1"}]',
    );
    expect(opaque[0]!.message).toContain('use define');
  });
  it('a derivative by a constrained variable is refused', () => {
    const es = errors(
      'title: t',
      ...T,
      'assume:',
      '  - "sum(k, t[k]) = 1"',
      'steps:',
      '  - expr: diff(sum(k, t[k]), t[j])',
    );
    expect(es[0]!.code).toBe('bad-assume');
    expect(es[0]!.message).toContain('constrains');
    expect(es[0]!.place).toMatchObject({ line: 9, column: 11 });
  });
});

describe('points for sum(k, a[k]) = c over an array of positive, nonnegative or probability elements', () => {
  const withArray = (name: string) => {
    const d = parseDomain(name);
    if (!d.ok) throw new Error(name);
    return makeScope({ indices: ['k'], arrays: { t: { arity: 1, domain: d.domain } } });
  };

  it.each(['positive', 'nonnegative', 'probability'])(
    'a true step the core leaves is numeric over %s elements, at points that satisfy the equation',
    (domain) => {
      const { scope, p } = withArray(domain);
      const eq = { sum: p('sum(k, t[k])'), value: p('1') };
      // true under the assumption (the sum is 1), beyond the core: sqrt of the sum
      const v = numericCompare(p('sqrt(sum(k, t[k]))'), p('1'), { ...scope, equations: [eq] }, { seed: 1 });
      expect(v.kind).toBe('agree');
    },
  );

  it('a false step over probability elements fails at a point whose elements are in [0, 1] and sum to 1', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  k: index',
        '  j: index',
        '  t: {indices: 1, domain: probability}',
        'assume:',
        '  - "sum(k, t[k]) = 1"',
        'steps:',
        '  - expr: sqrt(sum(k, t[k]))',
        '  - expr: sqrt(t[j])',
      ),
    );
    const s = r.steps[1]!;
    expect(s.status).toBe('failed');
    const elements = Object.entries(s.counterexample!.values).filter(([k]) => k.startsWith('t['));
    expect(elements.length).toBeGreaterThan(0);
    for (const [, v] of elements) {
      expect(Number(v)).toBeGreaterThanOrEqual(0);
      expect(Number(v)).toBeLessThanOrEqual(1);
    }
    // every element of the instance is in the counterexample (the sum's own), so they sum to 1
    expect(elements.reduce((acc, [, v]) => acc + Number(v), 0)).toBeCloseTo(1, 12);
  });

  it('an equation the elements cannot meet (probabilities summing to -1) gives no evidence, never a pass', () => {
    const { scope, p } = withArray('probability');
    const eq = { sum: p('sum(k, t[k])'), value: p('-1') };
    const v = numericCompare(p('sqrt(sum(k, t[k])^2)'), p('1'), { ...scope, equations: [eq] }, { seed: 1 });
    expect(v.kind).not.toBe('agree');
  });
});
