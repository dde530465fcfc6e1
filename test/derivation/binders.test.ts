/**
 * The reproduced soundness bugs of issue 9 (binders, definitions,
 * assumptions), each as a whole derivation checked the way a user runs it:
 * every false step is failed or refused, never proved.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

describe('definitions behave like functions: more', () => {
  const chain = (define: string, a: string, b: string, symbols = '') => `title: t
${symbols}define:
${define}
steps:
  - expr: "${a}"
  - expr: "${b}"
`;
  it('the derivative inside a definition is taken before an argument that depends on its variable is put in', () => {
    // f(x) = d(x y)/dy = x, so f(y) = y (plain substitution would give d(y^2)/dy = 2y)
    const def = '  f(x): diff(x*y, y)';
    expect(at(chain(def, 'f(y)', 'y'), 'steps[1]')?.status).toBe('proved');
    expect(at(chain(def, 'f(y)', '2*y'), 'steps[1]')?.status).not.toBe('proved');
  });

  it("an unused argument's definedness is kept", () => {
    const def = '  f(a, b): a';
    // f(x, log(y)) is x only where y > 0
    const logArg = run(chain(def, 'f(x, log(y))', 'x'));
    expect(logArg.steps[1]?.status).toBe('failed');
    expect(at(chain(def, 'f(x, log(y))', 'x + 0*log(y)'), 'steps[1]')?.status).toBe('proved');
    expect(at(chain(def, 'f(x, 1/0)', 'x'), 'steps[1]')?.status).not.toBe('proved');
    // an argument defined everywhere changes nothing
    expect(at(chain(def, 'f(x, y^2 + 1)', 'x'), 'steps[1]')?.status).toBe('proved');
  });

  it('an index parameter given a value is an error at file:line:column', () => {
    const r = run(chain('  a(u): sum(k, w[u,k])', 'a(x + 1)', '0', 'symbols:\n  k: index\n  w: {indices: 2}\n'));
    expect(r.ok).toBe(false);
    const e = r.steps.find((s) => s.status === 'error')!;
    expect(e.code).toBe('index-argument');
    expect([e.line, e.column]).toEqual([8, 12]); // the call, inside the quoted expression
    expect(e.message).toMatch(/index/);
  });

  it('a value parameter given an index is an error', () => {
    const r = run(chain('  f(x): x^2', 'sum(k, f(k))', '0', 'symbols:\n  k: index\n'));
    const e = r.steps.find((s) => s.status === 'error');
    expect(e?.code).toBe('index-argument');
  });

  it("a bound index inside a definition is renamed away from an argument's free index", () => {
    const yaml = chain(
      '  a(u): sum(k, w[u,k] * s[k])',
      'a(k)',
      'sum(j, w[k,j] * s[j])',
      'symbols:\n  j: index\n  k: index\n  w: {indices: 2}\n  s: {indices: 1}\n',
    );
    expect(at(yaml, 'steps[1]')?.status).toBe('proved');
  });
});

describe('case assumptions and case definitions (version 2)', () => {
  const seedLike = (caseDefine: string, extra = '') => `title: t
symbols:
  i: index
  j: index
  k: index
  s: {indices: 1, domain: binary}
  w: {indices: 2}
  pPa: {domain: positive, independent_of: ["w[i,j]"]}
  ps: {domain: probability, opaque: true}
${extra}steps:
  - expr: diff(log(ps), w[i,j])
cases:
  - when: {"s[i]": 1}
    define: {${caseDefine}}
    steps:
      - expr: s[j] * (1 - sigma(sum(k, w[i,k] * s[k])))
  - when: {"s[i]": 0}
    define: {ps: "1 - sigma(sum(k, w[i,k] * s[k]))"}
    steps:
      - expr: -s[j] * sigma(sum(k, w[i,k] * s[k]))
`;

  it('a case may say what an opaque quantity is (the seed)', () => {
    const r = run(seedLike('ps: "sigma(sum(k, w[i,k] * s[k]))"'));
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved', 'proved']);
  });

  it('a value that contradicts independent_of is an error', () => {
    const r = run(seedLike('ps: "sigma(sum(k, w[i,k] * s[k]))", pPa: "exp(w[i,j])"'));
    const e = r.steps.find((s) => s.location === 'cases[0].define.pPa');
    expect(e?.status).toBe('error');
    expect(e?.message).toMatch(/independent_of w\[i, j\]/);
  });

  it('overriding a file definition is an error', () => {
    const r = run(
      seedLike('ps: "sigma(sum(k, w[i,k] * s[k]))", g: "1"', '').replace(
        'steps:\n  - expr: diff',
        'define:\n  g: 2\nsteps:\n  - expr: diff',
      ),
    );
    const e = r.steps.find((s) => s.location === 'cases[0].define.g');
    expect(e?.status).toBe('error');
    expect(e?.message).toMatch(/cannot override a definition/);
  });

  it('a when value outside the domain, a value that is not a number, and an empty when are errors', () => {
    const base = (when: string) => `title: t
symbols:
  s: {domain: binary}
  x: {domain: positive}
steps:
  - expr: s*x
cases:
  - when: ${when}
    steps: [{expr: "0"}]
`;
    const codes = (when: string) =>
      run(base(when))
        .steps.filter((s) => s.status === 'error')
        .map((s) => s.code);
    expect(codes('{s: 2}')).toEqual(['bad-when']);
    expect(codes('{x: 0}')).toEqual(['bad-when']);
    expect(codes('{s: "x"}')).toEqual(['bad-when']);
    expect(codes('{}')).toEqual(['bad-when']);
    expect(codes('{s: 0}')).toEqual([]);
  });

  it('a diff with respect to a quantity a case defines is taken before the value is put in', () => {
    const yaml = `title: t
symbols:
  s: {domain: binary}
  q: {domain: positive, opaque: true}
steps:
  - expr: diff(q^2, q)
cases:
  - when: {s: 1}
    define: {q: "x^2 + 1"}
    steps: [{expr: "2*x^2 + 2"}]
  - when: {s: 0}
    define: {q: "3"}
    steps: [{expr: "6"}]
`;
    expect(run(yaml).steps.map((s) => s.status)).toEqual(['proved', 'proved', 'proved']);
  });

  it('an assumption about s[i] says nothing about the s[k] of "for every k"', () => {
    // the sum's own i ranges over every unit: s[i] / s[i] is undefined where any s is 0, even where the free s[i] = 1
    const yaml = `title: t
symbols:
  i: index
  k: index
  s: {indices: 1, domain: binary}
steps:
  - expr: s[i]
cases:
  - when: {"s[i]": 1}
    steps:
      - expr: "1"
      - expr: sum(i, s[i] / s[i]) / sum(k, 1)
  - when: {"s[i]": 0}
    steps: [{expr: "0"}]
`;
    expect(at(yaml, 'cases[0].steps[1]')?.status).not.toBe('proved');
  });
});

describe('every assumption in force is a listed premise', () => {
  it('declared domains, opaque quantities, definitions, case assumptions and case definitions', () => {
    const r = run(`title: t
symbols:
  i: index
  x: {domain: positive}
  y: {domain: real}
  s: {indices: 1, domain: binary}
  q: {domain: probability, opaque: true}
define:
  f(u): x * u
steps:
  - expr: q * x
cases:
  - when: {"s[i]": 1}
    define: {q: "1/2"}
    steps: [{expr: x / 2}]
  - when: {"s[i]": 0}
    define: {q: "1/3"}
    steps: [{expr: x / 3}]
`);
    expect(r.ok).toBe(true);
    expect(r.premises.map((p) => `${p.line} ${p.kind}: ${p.text}`)).toEqual([
      '4 declaration: x is an independent variable, positive',
      '6 declaration: every element of s is binary',
      '7 declaration: q is an opaque quantity (domain probability)',
      '9 definition: f(u) = x * u',
      '13 assumption: cases[0]: s[i] = 1',
      '14 case-definition: cases[0]: q = 1 / 2',
      '16 assumption: cases[1]: s[i] = 0',
      '17 case-definition: cases[1]: q = 1 / 3',
    ]);
  });
});

describe('a step that fails because an opaque quantity may depend on the variable', () => {
  it('says so, and names the declaration that would change it', () => {
    const r = verifyText(
      'w.yaml',
      readFileSync(new URL('../../derivations/wrong/opaque-not-independent.yaml', import.meta.url), 'utf8'),
      { seed: 1, strict: true },
    );
    const s = r.steps.find((x) => x.location === 'steps[3]')!;
    expect(s.status).toBe('failed');
    expect(s.message).toContain('pR may depend on w[i, j]');
    expect(s.message).toContain('`pR: {domain: positive, independent_of: ["w[i,j]"]}`');
    expect(s.message).not.toContain('ps:'); // only the declaration that is needed
  });

  it('names no declaration where none would help (the variable has a bound index)', () => {
    const r = run(`title: t
symbols:
  i: index
  j: index
  w: {indices: 2}
  q: {domain: positive, opaque: true}
steps:
  - expr: sum(j, diff(q, w[i,j]))
  - expr: "0"
`);
    const s = r.steps.find((x) => x.location === 'steps[1]')!;
    expect(s.status).toBe('failed');
    expect(s.message).not.toContain('independent_of');
  });
});

describe('the untrusted helpers read definitions as functions too', () => {
  it('a `by` on a step whose definition takes its derivative first does not crash the checker', () => {
    const r = run(`title: t
define:
  f(x): diff(x^2, x)
steps:
  - expr: diff(f(3) * y, y)
  - expr: "6"
    by: chain rule
`);
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });
});
