/**
 * Interval cases (contract version 2): `when: {x: "(0, inf)"}` narrows x's
 * domain inside the case (a premise the core uses and the numeric layer
 * samples within), exhaustiveness is checked exactly over the declared domain
 * (a gap is named by a point), and every bad value is an input error at its
 * line and column.
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const run = (text: string, strict = true) => verifyText('d.yaml', text, { seed: 3, strict });

const relu = (declare: string[], cases: string[]) =>
  yaml('title: relu', ...declare, 'steps:', '  - expr: diff(max(0, x), x)', 'cases:', ...cases);
const POS = ['  - when: {x: "(0, inf)"}', '    steps:', '      - expr: diff(x, x)', '      - expr: 1'];
const NEG = ['  - when: {x: "(-inf, 0)"}', '    steps:', '      - expr: diff(0, x)', '      - expr: 0'];
const NONZERO = ['symbols:', '  x: {domain: nonzero}'];

describe('interval cases are premises the core uses', () => {
  it('ReLU: each case proved under its interval; exhaustive over a nonzero x', () => {
    const r = run(relu(NONZERO, [...POS, ...NEG]));
    expect(r.steps.map((s) => `${s.location}:${s.status}`)).toEqual([
      'steps[0]:proved',
      'cases[0].steps[0]:proved',
      'cases[0].steps[1]:proved',
      'cases[1].steps[0]:proved',
      'cases[1].steps[1]:proved',
    ]);
    expect(r.ok).toBe(true);
    expect(r.premises?.map((p) => p.text)).toEqual(
      expect.arrayContaining(['cases[0]: x in (0, inf)', 'cases[1]: x in (-inf, 0)']),
    );
  });

  it('on a real x the corner 0 is a gap, named by the point', () => {
    const r = run(relu([], [...POS, ...NEG]));
    const c = r.steps.find((s) => s.location === 'cases')!;
    expect(c.status).toBe('failed');
    expect(c.message).toContain('no case covers x = 0');
    expect(c.counterexample?.values).toEqual({ x: '0' });
    expect(r.ok).toBe(false);
  });

  it('a gap inside the domain is named by a point of it; closed ends meet', () => {
    const gap = run(relu(NONZERO, ['  - when: {x: "(1, inf)"}', '    steps: [{expr: "1"}]', ...NEG]), false);
    const c = gap.steps.find((s) => s.location === 'cases')!;
    expect(c.message).toContain('x = 1/2 (every x in (0, 1))');
    expect(c.message).toContain('nor x = 1');
    const closed = yaml(
      'title: t',
      'steps: [{expr: "abs(x - 1)"}]',
      'cases:',
      '  - when: {x: "[1, inf)"}',
      '    steps: [{expr: "x - 1"}]',
      '  - when: {x: "(-inf, 1]"}',
      '    steps: [{expr: "1 - x"}]',
    );
    const r = run(closed);
    expect(r.steps.every((s) => s.status === 'proved')).toBe(true);
    expect(r.ok).toBe(true);
  });

  it('a false step inside an interval case fails at a point inside the interval', () => {
    const r = run(
      relu(NONZERO, ['  - when: {x: "(0, inf)"}', '    steps:', '      - expr: diff(x, x)', '      - expr: x', ...NEG]),
    );
    const s = r.steps.find((s) => s.location === 'cases[0].steps[1]')!;
    expect(s.status).toBe('failed');
    expect(Number(s.counterexample!.values.x)).toBeGreaterThan(0);
  });

  it('the wrong branch in a case fails (d max(0, x)/dx is not 1 for x < 0)', () => {
    const r = run(relu(NONZERO, [...POS, '  - when: {x: "(-inf, 0)"}', '    steps:', '      - expr: 1']));
    const s = r.steps.find((s) => s.location === 'cases[1].steps[0]')!;
    expect(s.status).toBe('failed');
    expect(Number(s.counterexample!.values.x)).toBeLessThan(0);
  });

  it('an interval meets the declared domain: x positive in (-1, 1) is x in (0, 1)', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  x: {domain: positive}',
        'steps: [{expr: "abs(x - 1)"}]',
        'cases:',
        '  - when: {x: "(-1, 1]"}',
        '    steps: [{expr: "1 - x"}]',
        '  - when: {x: "(1, 5)"}',
        '    steps: [{expr: "x - 1"}]',
      ),
    );
    const c = r.steps.find((s) => s.location === 'cases')!;
    expect(c.message).toContain('no case covers x = 5; nor x = 6 (every x in (5, inf))');
    expect(r.steps.filter((s) => s.location !== 'cases').every((s) => s.status === 'proved')).toBe(true);
  });

  it('intervals and binary values split together', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  s: {domain: binary}',
        'steps: [{expr: "s * abs(x)"}]',
        'cases:',
        '  - when: {s: 0}',
        '    steps: [{expr: "0"}]',
        '  - when: {s: 1, x: "[0, inf)"}',
        '    steps: [{expr: "x"}]',
      ),
      false,
    );
    const c = r.steps.find((s) => s.location === 'cases')!;
    expect(c.message).toContain('no case covers s = 1, x = -1 (every x in (-inf, 0))');
  });
});

describe('bad interval cases are input errors at their place', () => {
  const errors = (...lines: string[]) => {
    const r = loadDerivation('d.yaml', yaml(...lines));
    if (r.ok) throw new Error('loaded');
    return r.errors;
  };
  const base = (decl: string[], when: string) =>
    errors('title: t', ...decl, 'steps: [{expr: "x"}]', 'cases:', `  - when: ${when}`, '    steps: [{expr: "x"}]');

  it.each([
    [[], '{x: "(0, foo)"}', 'cannot read the interval', 4, 15],
    [[], '{x: "(2, 1)"}', 'empty', 4, 15],
    [['symbols:', '  x: {domain: positive}'], '{x: "(-inf, 0)"}', 'no point in the declared domain', 6, 15],
    [['symbols:', '  x: {domain: nonzero}'], '{x: "(-1, 1)"}', 'contains 0', 6, 15],
    [['symbols:', '  x: {domain: binary}'], '{x: "(0, 1)"}', 'is binary', 6, 12],
    [['symbols:', '  x: {opaque: true}'], '{x: "(0, 1)"}', 'opaque quantity', 6, 12],
    [['symbols:', '  x: {indices: 1}', '  i: index'], '{"x[i]": "(0, 1)"}', 'array element', 7, 12],
  ])('%j with when %s: %s', (decl, when, message, line, column) => {
    const es = base(decl, when);
    const e = es.find((x) => x.code === 'bad-when');
    expect(e, JSON.stringify(es)).toBeDefined();
    expect(e!.message).toContain(message);
    expect(e!.place).toMatchObject({ line, column });
  });
});
