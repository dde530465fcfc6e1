/**
 * A case's define of an opaque quantity is a premise: the value must be
 * defined and inside the quantity's declared domain everywhere in the case,
 * or the premise silently excludes points, and a step true under it could
 * be refuted there (ps positive, ps = x - 1: sqrt(x - 1)^2 = x - 1 once
 * failed at x = 0, where ps = -1 contradicts its declaration).
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const file = (decl: string, when: string, value: string, steps: string[]) =>
  yaml(
    'title: t',
    'symbols:',
    `  ps: ${decl}`,
    '  s: {domain: binary}',
    'steps:',
    '  - expr: sqrt(ps)^2',
    'cases:',
    `  - when: ${when}`,
    `    define: {ps: ${value}}`,
    '    steps:',
    ...steps.map((e) => `      - expr: ${e}`),
    '  - when: {s: 0}',
    '    steps: [{expr: ps}]',
  );

describe("a case's define of an opaque quantity stays in its domain", () => {
  it('ps positive with ps = x - 1 is refused at the define, naming the domain', () => {
    const r = loadDerivation(
      'd.yaml',
      file('{domain: positive, opaque: true}', '{s: 1}', 'x - 1', ['sqrt(x - 1)^2', 'x - 1']),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'case-define', place: { line: 9, column: 14 } });
    expect(r.errors[0]!.message).toContain('ps is declared positive');
  });

  it('ps = log(x) for a real opaque ps is refused: undefined for x <= 0', () => {
    const r = loadDerivation('d.yaml', file('{opaque: true}', '{s: 1}', 'log(x)', ['log(x)']));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('defined at every point');
  });

  it('accepted where the case shows it: an interval case, or a value always in the domain (sigma for a probability)', () => {
    const narrowed = verifyText(
      'd.yaml',
      yaml(
        'title: t',
        'symbols:',
        '  ps: {domain: positive, opaque: true}',
        'steps:',
        '  - expr: sqrt(ps)^2',
        'cases:',
        '  - when: {x: "(1, inf)"}',
        '    define: {ps: x - 1}',
        '    steps: [{expr: sqrt(x - 1)^2}, {expr: x - 1}]',
        '  - when: {x: "(-inf, 1]"}',
        '    steps: [{expr: ps}]',
      ),
      { seed: 1, strict: true },
    );
    expect(narrowed.steps.map((s) => `${s.location} ${s.status}`).filter((s) => !s.endsWith('proved'))).toEqual([]);
    const sigma = loadDerivation(
      'd.yaml',
      file('{domain: probability, opaque: true}', '{s: 1}', '1 - sigma(x)', ['sqrt(1 - sigma(x))^2']),
    );
    expect(sigma.ok).toBe(true);
  });

  it('a value through a definition cycle is reported at the step that uses it, not thrown', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        'title: t',
        'symbols:',
        '  ps: {domain: positive, opaque: true}',
        '  s: {domain: binary}',
        'define:',
        '  f: g + 1',
        '  g: f * 2',
        'steps:',
        '  - expr: ps',
        'cases:',
        '  - when: {s: 1}',
        '    define: {ps: f}',
        '    steps: [{expr: f}]',
        '  - when: {s: 0}',
        '    steps: [{expr: ps}]',
      ),
      { seed: 1, strict: true },
    );
    const s = r.steps.find((x) => x.location === 'cases[0].steps[0]')!;
    expect(s.status).toBe('error');
    expect(s.message).toContain('definition cycle');
  });

  it('a value through a definition is read unfolded: ps = p(2) with p(u) = sigma(x u) is a probability', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        'title: t',
        'symbols:',
        '  ps: {domain: probability, opaque: true}',
        '  s: {domain: binary}',
        'define:',
        '  p(u): sigma(x * u)',
        'steps:',
        '  - expr: log(ps)',
        'cases:',
        '  - when: {s: 1}',
        '    define: {ps: p(2)}',
        '    steps: [{expr: log(p(2))}]',
        '  - when: {s: 0}',
        '    define: {ps: 1 - p(2)}',
        '    steps: [{expr: log(1 - p(2))}]',
      ),
      { seed: 1, strict: true },
    );
    expect(r.steps.map((s) => `${s.location} ${s.status}`)).not.toContainEqual(expect.stringMatching(/error|failed/));
    expect(r.ok).toBe(true);
  });

  it('a Bernoulli value p^q (1 - p)^(1 - q) with q binary is a probability (checked at each value of q); 4 p (1 - p) is not (1 at p = 1/2)', () => {
    const bern = loadDerivation(
      'd.yaml',
      file('{domain: probability, opaque: true}', '{s: 1}', 'p^q * (1 - p)^(1 - q)', [
        'log(p^q * (1 - p)^(1 - q))',
      ]).replace('  s: {domain: binary}', '  s: {domain: binary}\n  q: {domain: binary}\n  p: {domain: probability}'),
    );
    expect(bern.ok ? [] : bern.errors.map((e) => e.message)).toEqual([]);
    const peak = loadDerivation(
      'd.yaml',
      file('{domain: probability, opaque: true}', '{s: 1}', '4 * p * (1 - p)', ['4 * p * (1 - p)']).replace(
        '  s: {domain: binary}',
        '  s: {domain: binary}\n  p: {domain: probability}',
      ),
    );
    expect(peak.ok).toBe(false);
  });
});
