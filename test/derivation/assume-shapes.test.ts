/**
 * The assumption shapes beyond `sum = constant` (issue 10's leftovers): a
 * variable equal to an expression of others (`b = 1 - a`), an equation solved
 * for a variable that occurs once as a term (`a + b = 1`), a case's own
 * `assume`, and the premises every report lists (solved equations as written
 * and as used, symmetric arrays). Every counterexample satisfies the
 * assumptions; contradicting or chained assumptions are refused.
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const run = (text: string, strict = false) => verifyText('d.yaml', text, { seed: 3, strict });
const errors = (text: string) => {
  const r = loadDerivation('d.yaml', text);
  if (r.ok) throw new Error('loaded without errors');
  return r.errors;
};

describe('a variable equal to an expression of others', () => {
  it('b = 1 - a is put in by the core: a + b = 1 is proved, and listed as a premise', () => {
    const r = run(yaml('title: t', 'assume:', '  - "b = 1 - a"', 'steps:', '  - expr: a + b', '  - expr: 1'), true);
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    expect(r.premises?.map((p) => p.text)).toContain('b = 1 - a');
  });

  it('a false step under b = 1 - a fails at a point where b = 1 - a holds', () => {
    const r = run(yaml('title: t', 'assume:', '  - "b = 1 - a"', 'steps:', '  - expr: a * b', '  - expr: a - a^2 + 1'));
    const s = r.steps[1]!;
    expect(s.status).toBe('failed');
    const v = s.counterexample!.values;
    // the point gives a; b is not a free coordinate, it is 1 - a there
    expect(Object.keys(v)).toContain('a');
    if ('b' in v) expect(Number(v.b) + Number(v.a)).toBeCloseTo(1, 12);
  });

  it('a + b = 1 is solved for a variable that occurs once as a term; the report shows both forms', () => {
    const r = run(yaml('title: t', 'assume:', '  - "a + b = 1"', 'steps:', '  - expr: (a + b)^2', '  - expr: 1'), true);
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    const premise = r.premises?.find((p) => p.kind === 'assumption')?.text;
    expect(premise).toMatch(/^a \+ b = 1 \(used as [ab] = /);
  });

  it('2 x - y = 4 is solved with the coefficient: x = (4 + y)/2', () => {
    const r = run(yaml('title: t', 'assume:', '  - "2 x - y = 4"', 'steps:', '  - expr: 2 x', '  - expr: 4 + y'), true);
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });

  it.each([
    ['"x^2 + y^2 = 1"', 'write it solved for one variable'],
    ['"x = x^2"', 'write it solved for one variable'],
    ['"x + x y = 1"', 'write it solved for one variable'],
  ])('%s is refused with the supported shapes', (equation, says) => {
    const es = errors(yaml('title: t', 'assume:', `  - ${equation}`, 'steps:', '  - expr: x'));
    expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 3, column: 6 } });
    expect(es[0]!.message).toContain(says);
    expect(es[0]!.message).toContain('"b = 1 - a"');
  });

  it('a non-numeric value for a variable of a narrower domain is refused (points could leave the domain)', () => {
    const es = errors(
      yaml('title: t', 'symbols:', '  b: {domain: positive}', 'assume:', '  - "b = 1 - a"', 'steps:', '  - expr: b'),
    );
    expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 5, column: 6 } });
    expect(es[0]!.message).toContain('cannot show that 1 - a stays in that domain');
  });

  it('a value that may be undefined is refused: b = 1/a would silently exclude a = 0 (a/a = b a once failed there)', () => {
    const es = errors(yaml('title: t', 'assume:', '  - "b = 1/a"', 'steps:', '  - expr: a / a', '  - expr: b * a'));
    expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 3, column: 6 } });
    expect(es[0]!.message).toContain('to be defined at every point');
    const declared = run(
      yaml(
        'title: t',
        'symbols:',
        '  a: {domain: nonzero}',
        'assume:',
        '  - "b = 1/a"',
        'steps:',
        '  - expr: a / a',
        '  - expr: b * a',
      ),
    );
    expect(declared.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });

  it.each([
    ['"p = 1/0"', 'p: {domain: real}'],
    ['"p = log(0)"', 'p: {domain: real}'],
    ['"sum(k, t[k]) = 1/c"', 't: {indices: 1}'],
    ['"sum(k, 1/t[k]) = 1"', 't: {indices: 1}'],
  ])('%s is refused: undefined somewhere', (equation, decl) => {
    const es = errors(yaml('title: t', 'symbols:', `  ${decl}`, 'assume:', `  - ${equation}`, 'steps:', '  - expr: x'));
    expect(es[0]!.code).toBe('bad-assume');
    expect(es[0]!.message).toContain('defined at every point');
  });

  it.each([
    ['"b = exp(a)"', 'b: {domain: positive}'],
    ['"p = pi/4"', 'p: {domain: probability}'],
    ['"p = sigma(a)"', 'p: {domain: probability}'],
  ])('%s is accepted: the value is certainly in the domain', (equation, decl) => {
    const r = loadDerivation(
      'd.yaml',
      yaml('title: t', 'symbols:', `  ${decl}`, 'assume:', `  - ${equation}`, 'steps:', '  - expr: x'),
    );
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
  });

  it('a rational value outside the domain is refused even when written as a quotient (3/2 for a probability)', () => {
    const es = errors(
      yaml('title: t', 'symbols:', '  p: {domain: probability}', 'assume:', '  - "p = 3/2"', 'steps:', '  - expr: p'),
    );
    expect(es[0]!.message).toContain('outside the declared domain of p');
  });

  it('a value through an opaque quantity is refused: b would be independent and dependent at once', () => {
    const es = errors(
      yaml('title: t', 'symbols:', '  q: {opaque: true}', 'assume:', '  - "b = 2 q"', 'steps:', '  - expr: b'),
    );
    expect(es[0]!.message).toContain('the opaque quantity q');
  });

  it('a diff by a variable on either side of b = 1 - a is refused', () => {
    for (const v of ['a', 'b']) {
      const es = errors(yaml('title: t', 'assume:', '  - "b = 1 - a"', 'steps:', `  - expr: diff(a b, ${v})`));
      expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 5, column: 11 } });
      expect(es[0]!.message).toContain(`differentiates by ${v}`);
    }
  });
});

describe('assumptions that contradict or chain each other are refused', () => {
  it.each([
    [['"a = b"', '"b = a"'], 'mentions it'],
    [['"b = 1 - a"', '"a = 2"'], 'mentions it'],
    [['"c = 1"', '"sum(k, t[k]) = c"'], 'mentions it'],
    [['"t[i] = 1"', '"t[j] = 0"'], 'the same element when their indices are equal'],
    [['"W[1, 2] = 1"', '"W[2, 1] = 0"'], 'already assumed'],
    [['"W[i, 1] = 1"', '"W[2, j] = 0"'], 'the same element when their indices are equal'],
  ])('%j', (equations, says) => {
    const es = errors(
      yaml(
        'title: t',
        'symbols:',
        '  t: {indices: 1}',
        '  W: {indices: 2, symmetric: true}',
        '  i: index',
        '  j: index',
        'assume:',
        ...equations.map((e) => `  - ${e}`),
        'steps:',
        '  - expr: x',
      ),
    );
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 9, column: 6 } });
    expect(es[0]!.message).toContain(says);
  });

  it('t[1] = 1 and t[2] = 0 are two elements: both accepted', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  t: {indices: 1}',
        'assume:',
        '  - "t[1] = 1"',
        '  - "t[2] = 0"',
        'steps:',
        '  - expr: t[1] + t[2]',
        '  - expr: 1',
      ),
      true,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });
});

describe("a case's own assume", () => {
  const file = (caseAssume: string) =>
    yaml(
      'title: t',
      'symbols:',
      '  t: {indices: 1}',
      '  k: index',
      'steps:',
      '  - expr: y * sum(k, t[k])',
      'cases:',
      '  - when: {x: "(0, inf)"}',
      `    assume: [${caseAssume}]`,
      '    steps:',
      '      - expr: y',
      '  - when: {x: "(-inf, 0]"}',
      '    steps:',
      '      - expr: y * sum(k, t[k])',
    );

  it('is used inside its case only, and listed among the premises with the case', () => {
    const r = run(file('"sum(k, t[k]) = 1"'), true);
    expect(r.ok).toBe(true);
    expect(r.premises?.map((p) => p.text)).toContain('cases[0]: sum(k, t[k]) = 1');
    // without it, the first case's step is not the main chain's
    const without = run(file(''));
    expect(without.steps.find((s) => s.location === 'cases[0].steps[0]')!.status).toBe('failed');
  });

  it('a number for a variable belongs in when, where exhaustiveness counts it (else the case would cover only x = 2)', () => {
    const es = errors(file('"y = 2"'));
    expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 9, column: 15 } });
    expect(es[0]!.message).toContain('write it under when');
  });

  it("its entries are validated like the file's, at their place", () => {
    const es = errors(file('"sum(k, t[k])"'));
    expect(es[0]).toMatchObject({ code: 'bad-assume', place: { line: 9, column: 15 }, location: 'cases[0].assume[0]' });
  });

  it('a value the file assumes cannot be assumed again, nor split by when', () => {
    const again = errors(
      yaml(
        'title: t',
        'assume: ["p = 1/2"]',
        'steps:',
        '  - expr: p',
        'cases:',
        '  - when: {x: "(0, inf)"}',
        '    assume: ["p = 1/3"]',
        '    steps: [{expr: p}]',
        '  - when: {x: "(-inf, 0]"}',
        '    steps: [{expr: p}]',
      ),
    );
    expect(again[0]).toMatchObject({ code: 'bad-assume', place: { line: 7, column: 15 } });
    expect(again[0]!.message).toContain('already assumed (line 2');
    const split = errors(
      yaml(
        'title: t',
        'assume: ["p = 1/2"]',
        'steps:',
        '  - expr: p',
        'cases:',
        '  - when: {p: "(0, inf)"}',
        '    steps: [{expr: p}]',
        '  - when: {p: "(-inf, 0]"}',
        '    steps: [{expr: p}]',
      ),
    );
    expect(split.map((e) => e.code)).toEqual(['bad-when', 'bad-when']);
    expect(split[0]!.message).toContain('is assumed under assume (line 2');
  });
});

describe('premises: every assumption is listed', () => {
  it('a symmetric array is a premise (W[a, b] = W[b, a] is assumed, not proved)', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  W: {indices: 2, symmetric: true}',
        '  i: index',
        '  j: index',
        'steps:',
        '  - expr: W[i, j]',
        '  - expr: W[j, i]',
      ),
      true,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    expect(r.premises?.map((p) => `${p.line} ${p.kind}: ${p.text}`)).toContain(
      '3 declaration: W is symmetric, W[a, b] = W[b, a]',
    );
  });

  it('a when value written as a quotient is a number: {p: 1/3} splits a probability', () => {
    const r = loadDerivation(
      'd.yaml',
      yaml(
        'title: t',
        'symbols:',
        '  p: {domain: probability}',
        'steps:',
        '  - expr: p',
        'cases:',
        '  - when: {p: 1/3}',
        '    steps: [{expr: 1/3}]',
        '  - when: {p: "(0, 1/3)"}',
        '    steps: [{expr: p}]',
        '  - when: {p: "(1/3, 1)"}',
        '    steps: [{expr: p}]',
      ),
    );
    expect(r.ok).toBe(true);
    const v = verifyText(
      'd.yaml',
      yaml(
        'title: t',
        'symbols:',
        '  p: {domain: probability}',
        'steps:',
        '  - expr: p',
        'cases:',
        '  - when: {p: 1/3}',
        '    steps: [{expr: 1/3}]',
        '  - when: {p: "(0, 1/3)"}',
        '    steps: [{expr: p}]',
        '  - when: {p: "(1/3, 1)"}',
        '    steps: [{expr: p}]',
      ),
      { seed: 1, strict: true },
    );
    expect(v.ok).toBe(true);
  });
});

describe('numeric evidence only from points that satisfy the assumptions', () => {
  it('where no such point can be constructed, a step the core cannot prove is an error that says so', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  t: {indices: 1}',
        '  x: {domain: positive}',
        'assume:',
        '  - "sum(k, t[k]^2) = 1"',
        'steps:',
        '  - expr: sum(k, t[k]^2) * (atan(x) + atan(1/x))',
        '  - expr: pi/2',
      ),
    );
    const s = r.steps[1]!;
    expect(s.status).toBe('error');
    expect(s.message).toContain('needs points that satisfy it');
  });

  it('the same step without the array is numeric: an assumption on what the step does not use constrains nothing', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  t: {indices: 1}',
        '  x: {domain: positive}',
        'assume:',
        '  - "sum(k, t[k]^2) = 1"',
        'steps:',
        '  - expr: atan(x) + atan(1/x)',
        '  - expr: pi/2',
      ),
    );
    expect(r.steps[1]!.status).toBe('numeric');
  });
});
