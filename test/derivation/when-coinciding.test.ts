/**
 * A case's `when` may give two elements of one array different values
 * (`{"s[i]": 1, "s[j]": 0}`): the premises then hold only where i and j are
 * different units. A point with i = j satisfies neither, so it is no
 * counterexample: a step true under the premises once failed there
 * (w[i] delta(i, j) = 0, with i = j = 1 and s[1] = 0, which breaks s[i] = 1).
 */
import { describe, expect, it } from 'vitest';
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

describe('two elements of one array with different values in one when', () => {
  it('a step true wherever the premises hold is never refuted at a point where they contradict', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        ...head,
        'cases:',
        '  - when: {"s[i]": 1, "s[j]": 0}',
        '    steps:',
        '      - expr: w[i] * delta(i, j)',
        '      - expr: 0',
      ),
      { seed: 1, strict: false },
    );
    const s = r.steps.find((x) => x.location === 'cases[0].steps[1]')!;
    expect(s.status, s.message).not.toBe('failed');
  });

  it('the same for a symmetric array: W[i, j] = 1 and W[j, i] = 0 never hold together', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        ...head,
        'cases:',
        '  - when: {"W[i, j]": 1, "W[j, i]": 0}',
        '    steps:',
        '      - expr: w[i] * delta(i, j)',
        '      - expr: 7',
      ),
      { seed: 1, strict: false },
    );
    const s = r.steps.find((x) => x.location === 'cases[0].steps[1]')!;
    expect(s.status, s.message).not.toBe('failed');
  });

  it('a false step under such a case still fails, at a point where i and j differ', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        ...head,
        'cases:',
        '  - when: {"s[i]": 1, "s[j]": 0}',
        '    steps:',
        '      - expr: w[i] * delta(i, j)',
        '      - expr: w[i]',
      ),
      { seed: 1, strict: false },
    );
    const s = r.steps.find((x) => x.location === 'cases[0].steps[1]')!;
    expect(s.status).toBe('failed');
    expect(s.counterexample!.values.i).not.toBe(s.counterexample!.values.j);
  });
});
