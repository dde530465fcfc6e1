/**
 * The reproduced soundness bugs of issue 9 (binders, definitions,
 * assumptions), each as a whole derivation checked the way a user runs it:
 * every false step is failed or refused, never proved.
 */
import { describe, expect, it } from 'vitest';
import { verifyText } from '../../src/derivation/verify.js';

const run = (yaml: string, strict = true) => verifyText('t.yaml', yaml, { seed: 1, strict });
const at = (yaml: string, location: string) => run(yaml).steps.find((s) => s.location === location);

describe('bound indices are never captured', () => {
  it("a definition's free index stays free under a sum that binds the same name", () => {
    const yaml = `title: t
symbols:
  i: index
  j: index
  k: index
  w: {indices: 2}
define:
  g: w[i,j]
steps:
  - expr: sum(j, g)
  - expr: sum(k, w[i,k])
`;
    // sum(j, g) is n * w[i,j] (g's j is the file's j), not the row sum of w
    expect(at(yaml, 'steps[1]')?.status).toBe('failed');
    const right = yaml.replace('sum(k, w[i,k])', 'sum(k, 1) * w[i,j]');
    expect(at(right, 'steps[1]')?.status).toBe('proved');
  });

  it('independent_of: ["w[i,j]"] does not match a w[i,j] whose j is bound by a sum', () => {
    const yaml = `title: t
symbols:
  i: index
  j: index
  w: {indices: 2}
  pPa: {domain: positive, independent_of: ["w[i,j]"]}
steps:
  - expr: sum(j, diff(pPa, w[i,j]))
  - expr: "0"
`;
    expect(at(yaml, 'steps[1]')?.status).toBe('failed');
    // the free w[i,j] itself is still covered by the declaration
    const free = yaml.replace('sum(j, diff(pPa, w[i,j]))', 'diff(pPa, w[i,j])');
    expect(at(free, 'steps[1]')?.status).toBe('proved');
  });
});

describe('no assumption that a report does not list', () => {
  it('a step-level when is an error that points to assume and cases', () => {
    const r = run(`title: t
steps:
  - expr: x*y
  - expr: "0"
    when: {x: 0}
`);
    expect(r.ok).toBe(false);
    const e = r.steps.find((s) => s.status === 'error');
    expect(e?.location).toBe('steps[1]');
    expect(e?.line).toBe(5);
    expect(e?.message).toMatch(/assume/);
    expect(e?.message).toMatch(/cases/);
    expect(r.steps.some((s) => s.status === 'proved')).toBe(false);
  });

  it('a case define of an independent variable is an error naming the fix', () => {
    const r = run(`title: t
symbols:
  s: {domain: binary}
steps:
  - expr: x*y
cases:
  - when: {s: 1}
    define: {x: "0"}
    steps: [{expr: "0"}]
  - when: {s: 0}
    define: {x: "0"}
    steps: [{expr: "0"}]
`);
    expect(r.ok).toBe(false);
    const errors = r.steps.filter((s) => s.status === 'error');
    expect(errors.map((e) => `${e.location}:${e.line}:${e.column}`)).toEqual([
      'cases[0].define.x:8:14',
      'cases[1].define.x:11:14',
    ]);
    expect(errors[0]!.message).toMatch(/independent variable/);
  });
});

describe('definitions behave like functions', () => {
  it('an argument never lands in the variable of a diff: f(3) is 6, not diff(9, 3) nor 0', () => {
    const yaml = (rhs: string) => `title: t
define:
  f(x): diff(x^2, x)
steps:
  - expr: f(3)
  - expr: "${rhs}"
`;
    // the core proves f(3) = 6; f(3) = 0 is not proved, and the numeric layer (which cannot take the
    // derivative before the argument is put in) has no evidence: refused, with the reason
    const wrong = run(yaml('0'));
    expect(wrong.ok).toBe(false);
    const s1 = wrong.steps.find((s) => s.location === 'steps[1]')!;
    expect(['failed', 'error']).toContain(s1.status);
    if (s1.status === 'error') expect(s1.message).toMatch(/derivative in the definition of f/);
    expect(at(yaml('6'), 'steps[1]')?.status).toBe('proved');
    expect(at(yaml('2*y').replace('f(3)', 'f(y)'), 'steps[1]')?.status).toBe('proved');
  });
});
