/**
 * A case's `when` may give two elements of one array different values
 * (`{"s[i]": 1, "s[j]": 0}`): the premises then hold only where i and j are
 * different units. A point with i = j satisfies neither, so it is no
 * counterexample: a step true under the premises once failed there
 * (w[i] delta(i, j) = 0, with i = j = 1 and s[1] = 0, which breaks s[i] = 1).
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const head = [
  'title: t',
  'symbols:',
  '  s: {indices: 1, domain: binary}',
  '  W: {indices: 2, symmetric: true, domain: binary}',
  '  i: index',
  '  j: index',
  '  w: {indices: 1}',
  'steps:',
  '  - expr: w[i] * delta(i, j)',
];

/** the second step of the case s[i] = 1, s[j] = 0, from w[i] delta(i, j) to `next` */
function caseStep(next: string) {
  const r = verifyText(
    'd.yaml',
    yaml(
      ...head,
      'cases:',
      '  - when: {"s[i]": 1, "s[j]": 0}',
      '    steps:',
      '      - expr: w[i] * delta(i, j)',
      `      - expr: ${next}`,
    ),
    { seed: 1, strict: false },
  );
  return r.steps.find((x) => x.location === 'cases[0].steps[1]')!;
}

describe('two elements of one array with different values in one when', () => {
  it('a step true wherever the premises hold is never refuted at a point where they contradict', () => {
    const s = caseStep('0');
    expect(s.status, s.message).not.toBe('failed');
  });

  it('a false step under such a case still fails, at a point where i and j differ', () => {
    const s = caseStep('w[i]');
    expect(s.status).toBe('failed');
    expect(s.counterexample!.values.i).not.toBe(s.counterexample!.values.j);
  });
});

describe('a split on a symmetric array counts W[i, j] and W[j, i] as one quantity', () => {
  it('cases where both are 0 and both are 1 are exhaustive (W[i, j] = 1, W[j, i] = 0 cannot happen)', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        ...head.slice(0, -1),
        '  - expr: W[i, j] - W[j, i]',
        'cases:',
        '  - when: {"W[i, j]": 0, "W[j, i]": 0}',
        '    steps: [{expr: 0}]',
        '  - when: {"W[j, i]": 1}',
        '    steps: [{expr: 0}]',
      ),
      { seed: 1, strict: true },
    );
    expect(r.steps.filter((s) => s.status !== 'proved')).toEqual([]);
  });

  it('a missing value is still named', () => {
    const r = verifyText(
      'd.yaml',
      yaml(...head.slice(0, -1), '  - expr: W[i, j]', 'cases:', '  - when: {"W[j, i]": 1}', '    steps: [{expr: 1}]'),
      { seed: 1, strict: true },
    );
    const gap = r.steps.find((s) => s.location === 'cases')!;
    expect(gap.status).toBe('failed');
    expect(gap.message).toContain('W[j, i] = 0');
  });

  it('two values for W[i, j] and W[j, i] in one when are an error at the second', () => {
    const r = loadDerivation(
      'd.yaml',
      yaml(...head, 'cases:', '  - when: {"W[i, j]": 1, "W[j, i]": 0}', '    steps: [{expr: x}]'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'bad-when', place: { line: 11, column: 37 } });
    expect(r.errors[0]!.message).toContain('one quantity');
  });
});

describe('independent_of an element of a symmetric array', () => {
  it('covers its mirror: diff(q, W[j, i]) is 0 when q is independent of W[i, j]; another element stays unknown', () => {
    const text = yaml(
      ...head.slice(0, -2),
      '  k: index',
      '  q: {domain: positive, independent_of: ["W[i,j]"]}',
      'steps:',
      '  - expr: diff(q, W[j, i])',
      '  - expr: 0',
      '  - expr: diff(q, W[i, k])',
    );
    const r = verifyText('d.yaml', text, { seed: 1, strict: true });
    expect(r.steps[1]!.status).toBe('proved');
    expect(r.steps[2]!.status).not.toBe('proved');
    expect(r.premises.map((p) => p.text)).toContain(
      'q is an opaque quantity (domain positive), independent of W[i, j], W[j, i]',
    );
  });
});
