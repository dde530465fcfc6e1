/** The checker's step, case and claim logic, on small derivations written inline. */
import { describe, expect, it } from 'vitest';
import { verifyText } from '../../src/derivation/verify.js';

const run = (yaml: string, strict = false) => verifyText('t.yaml', yaml, { seed: 1, strict });
const status = (yaml: string) => Object.fromEntries(run(yaml).steps.map((s) => [s.location, s.status]));

const split = (cases: string) => `title: t
symbols:
  s: {domain: binary, opaque: false}
  b: {domain: binary, opaque: false}
steps:
  - expr: s*x + (1 - s)*y
cases:
${cases}`;

describe('cases', () => {
  it('two cases covering s = 0 and s = 1 are exhaustive, each checked under its assumption', () => {
    const r = status(
      split(`  - when: {s: 1}
    steps: [{expr: x}]
  - when: {s: 0}
    steps: [{expr: y}]`),
    );
    expect(r).toEqual({ 'steps[0]': 'proved', 'cases[0].steps[0]': 'proved', 'cases[1].steps[0]': 'proved' });
  });
  it('a missing case fails at `cases`, naming it, with the uncovered assignment as counterexample', () => {
    const r = run(
      split(`  - when: {s: 1}
    steps: [{expr: x}]`),
    );
    const c = r.steps.find((s) => s.location === 'cases')!;
    expect(c.status).toBe('failed');
    expect(c.message).toContain('s = 0');
    expect(c.counterexample?.values).toEqual({ s: '0' });
    expect(c.line).toBe(8); // the case list's first line
    expect(r.ok).toBe(false);
  });
  it('a case whose first step is wrong under its assumption fails there', () => {
    const r = status(
      split(`  - when: {s: 1}
    steps: [{expr: y}]
  - when: {s: 0}
    steps: [{expr: y}]`),
    );
    expect(r['cases[0].steps[0]']).toBe('failed');
    expect(r['cases[1].steps[0]']).toBe('proved');
  });
  it('splitting on two variables needs all four combinations', () => {
    const r = run(`title: t
symbols:
  s: {domain: binary, opaque: false}
  b: {domain: binary, opaque: false}
steps:
  - expr: s*b
cases:
  - when: {s: 1, b: 1}
    steps: [{expr: "1"}]
  - when: {s: 0}
    steps: [{expr: "0"}]
`);
    const c = r.steps.find((s) => s.location === 'cases')!;
    expect(c.status).toBe('failed');
    expect(c.message).toContain('s = 1, b = 0');
    expect(r.steps.filter((s) => s.location !== 'cases').every((s) => s.status === 'proved')).toBe(true);
  });
  it('splitting a real variable at one value leaves the rest of its domain uncovered, named by a point', () => {
    const r = run(`title: t
steps:
  - expr: x
cases:
  - when: {x: 1}
    steps: [{expr: "1"}]
`);
    const m = r.steps.find((s) => s.location === 'cases')?.message;
    expect(m).toContain('not exhaustive');
    expect(m).toContain('x = 0 (every x in (-inf, 1))');
    expect(m).toContain('x = 2 (every x in (1, inf))');
    expect(r.ok).toBe(false);
  });
  it("case definitions override the main chain's opaque symbol", () => {
    const r = status(`title: t
symbols:
  s: {domain: binary, opaque: false}
  q: {domain: positive, opaque: true}
steps:
  - expr: diff(log(q), x)
cases:
  - when: {s: 1}
    define: {q: exp(2*x)}
    steps: [{expr: "2"}]
  - when: {s: 0}
    define: {q: exp(3*x)}
    steps: [{expr: "3"}]
`);
    expect(r['cases[0].steps[0]']).toBe('proved');
    expect(r['cases[1].steps[0]']).toBe('proved');
  });
});

describe('claims and steps', () => {
  it('checks the first step against claim.lhs and the last against claim.rhs', () => {
    const r = status(`title: t
claim: {lhs: "diff(x^2, x)", rhs: "2*x"}
steps:
  - expr: diff(x^2, x)
  - expr: 2*x
`);
    expect(r).toEqual({ 'steps[0]': 'proved', 'steps[1]': 'proved', 'claim.rhs': 'proved' });
    const wrongLhs = status(`title: t
claim: {lhs: "diff(x^3, x)", rhs: "2*x"}
steps:
  - expr: diff(x^2, x)
  - expr: 2*x
`);
    expect(wrongLhs['steps[0]']).toBe('failed');
  });
  it('a step-level when is an error (version 2), and no step of the file is proved under it', () => {
    const r = run(`title: t
symbols:
  s: {domain: binary}
steps:
  - expr: s*x
  - expr: x
    when: {s: 1}
`);
    expect(r.ok).toBe(false);
    expect(r.steps.map((s) => [s.location, s.status, s.code])).toEqual([['steps[1]', 'error', 'step-when']]);
    expect(r.steps[0]!.line).toBe(7);
  });
  it('--strict turns numeric evidence into not ok', () => {
    // the core has no rule for atan(x) + atan(1/x), so this identity is only numeric
    const yaml = `title: t
symbols:
  x: {domain: positive}
steps:
  - expr: atan(x) + atan(1/x)
  - expr: pi/2
`;
    expect(run(yaml).steps[1]!.status).toBe('numeric');
    expect(run(yaml).ok).toBe(true);
    expect(run(yaml, true).ok).toBe(false);
  });
  it('lists premises: opaque declarations, definitions and case assumptions', () => {
    const r = run(`title: t
symbols:
  q: {domain: positive, independent_of: [x]}
define:
  f: q*x
steps:
  - expr: diff(f, x)
  - expr: q
`);
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    expect(r.premises.map((p) => p.kind).sort()).toEqual(['declaration', 'definition']);
    expect(r.premises.find((p) => p.kind === 'declaration')!.text).toContain('independent of x');
  });
  it('a definition cycle is an error, not a crash', () => {
    const r = run(`title: t
define:
  f: g + 1
  g: f * 2
steps:
  - expr: f
  - expr: g
`);
    expect(r.steps.some((s) => s.status === 'error' && /cycle/.test(s.message))).toBe(true);
  });
});

describe('by and --explain', () => {
  const yaml = `title: t
steps:
  - expr: diff(x * sin(x), x)
  - expr: sin(x) + x * cos(x)
    by: chain rule
  - expr: x * cos(x) + sin(x)
    by: reorder
  - expr: x * cos(x) + 2 * sin(x)
`;
  it('warns when `by` names a rule the step does not use, without changing the verdict', () => {
    const r = run(yaml);
    const s1 = r.steps.find((s) => s.location === 'steps[1]')!;
    expect(s1.status).toBe('proved');
    expect(s1.warnings?.[0]).toContain('chain rule');
    expect(r.steps.find((s) => s.location === 'steps[2]')!.warnings).toBeUndefined();
  });
  it('--explain gives the normal forms of a proved step and the first difference of a failed one', () => {
    const r = verifyText('t.yaml', yaml, { seed: 1, strict: false, explain: true });
    const proved = r.steps.find((s) => s.location === 'steps[2]')!;
    expect(proved.explanation?.normalForms?.lhs).toBe(proved.explanation?.normalForms?.rhs);
    const failed = r.steps.find((s) => s.location === 'steps[3]')!;
    expect(failed.status).toBe('failed');
    expect(failed.explanation?.difference).toEqual({ lhs: 'sin(x)', rhs: '2 * sin(x)' });
    expect(run(yaml).steps.every((s) => s.explanation === undefined)).toBe(true);
  });
});
