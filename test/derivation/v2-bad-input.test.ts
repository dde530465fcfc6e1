/**
 * Bad input stays bad input (issue 10): every key and value that contract
 * version 2 added, written wrong, is an error at its file:line:column with a
 * message that says what to write, the file exits 2, and nothing throws.
 * Each case is a malformed file as a user could write it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import type { InputError } from '../../src/derivation/model.js';
import { verifyText } from '../../src/derivation/verify.js';
import { runVerify } from '../cli/capture.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

function errors(text: string): readonly InputError[] {
  const r = loadDerivation('d.yaml', text);
  if (r.ok) throw new Error('loaded without errors');
  return r.errors;
}

/** the one error of a file, with its code, line, column and a piece of its message */
function expectOne(text: string, code: string, line: number, column: number, says: string): void {
  const es = errors(text);
  expect(es.map((e) => `${e.code}@${e.place.line}:${e.place.column}: ${e.message}`)).toHaveLength(1);
  expect(es[0]).toMatchObject({ code, place: { line, column } });
  expect(es[0]!.message).toContain(says);
}

const withAssume = (...equations: string[]) =>
  yaml(
    'title: t',
    'symbols:',
    '  t: {indices: 1}',
    '  p: {domain: probability}',
    '  q: {opaque: true}',
    'assume:',
    ...equations.map((e) => `  - ${e}`),
    'steps:',
    '  - expr: x',
  );

describe('assume: each entry that is not a usable equation is an error at its place', () => {
  it.each([
    ['"x + 1"', 'bad-assume', 7, 6, 'an equation with one `=`'],
    ['"p < 1"', 'bad-assume', 7, 8, 'an equation with one `=`'],
    ['"p == 1"', 'bad-assume', 7, 8, 'an equation with one `=`'],
    ['"p = "', 'bad-assume', 7, 9, 'has an empty side'],
    ['"sum(k, u[k]) = 1"', 'undeclared-array', 7, 13, "'u' is not declared as an array"],
    ['"zz(x) = 1"', 'unknown-function', 7, 6, 'zz'],
    ['"p = 2"', 'bad-assume', 7, 6, 'outside the declared domain of p'],
    ['"q = 1"', 'bad-assume', 7, 6, 'opaque quantity'],
    ['{p: 1}', 'bad-assume', 7, 5, 'an equation in quotes'],
    ['"x = x + 1"', 'bad-assume', 7, 6, 'x = x + 1'],
  ])('%s: %s at 7:%i', (entry, code, line, column, says) => {
    expectOne(withAssume(entry), code, line, column, says);
  });

  it('assume that is not a list is an error at its value', () => {
    expectOne(yaml('title: t', 'assume: "p = 1"', 'steps:', '  - expr: x'), 'schema', 2, 9, 'must be a list');
  });

  it('one variable assumed twice: an error at the second, naming the first (two values would contradict)', () => {
    expectOne(withAssume('"p = 1/2"', '"p = 1/3"'), 'bad-assume', 8, 6, 'p is already assumed');
  });

  it('two assumptions that give one sum two values: an error at the second', () => {
    expectOne(withAssume('"sum(k, t[k]) = 1"', '"sum(j, t[j]) = 2"'), 'bad-assume', 8, 6, 'already assumed');
  });

  it('a case may not assume another value for a variable the file assumes', () => {
    const text = yaml(
      'title: t',
      'symbols:',
      '  s: {domain: binary}',
      'assume:',
      '  - "s = 1"',
      'steps:',
      '  - expr: s',
      'cases:',
      '  - when: {s: 0}',
      '    steps: [{expr: 0}]',
      '  - when: {s: 1}',
      '    steps: [{expr: 1}]',
    );
    const es = errors(text);
    expect(es.map((e) => e.code)).toEqual(['bad-when', 'bad-when']);
    expect(es[0]).toMatchObject({ place: { line: 9, column: 15 } });
    expect(es[0]!.message).toContain('assume');
  });
});

describe('interval strings in when', () => {
  const withWhen = (value: string) =>
    yaml('title: t', 'steps:', '  - expr: abs(x)', 'cases:', `  - when: {x: "${value}"}`, '    steps: [{expr: x}]');
  it.each([
    ['(0, inf', 'has no closing'],
    ['[1, 2', 'has no closing'],
    ['(3, 1)', 'write the lower end first'],
    ['(1, 1)', 'a single point'],
    ['[1, 1]', 'a single point'],
    ['(inf, 2)', 'write the lower end first'],
    ['[-inf, 2)', 'cannot include an infinite end'],
    ['0, 1', 'brackets'],
    ['(0, 1, 2)', 'two ends'],
    ['[a, 2]', 'its ends must be numbers'],
    ['(0; 1)', 'a comma'],
  ])('"%s": bad-when at 5:15, saying %j', (value, says) => {
    expectOne(withWhen(value), 'bad-when', 5, 15, says);
  });

  it('(1, 1) is a single point, not "write the lower end first"', () => {
    expect(errors(withWhen('(1, 1)'))[0]!.message).not.toContain('lower end first');
  });

  it('a pasted minus sign (U+2212) is read as -, as in expressions', () => {
    const r = verifyText('d.yaml', withWhen('(\u22121, 0)').replace('abs(x)', 'x'), { seed: 1, strict: true });
    expect(r.steps.filter((s) => s.status === 'error')).toEqual([]);
  });

  it('when values outside the domain, on an array element, on an index: one error each at the value', () => {
    const text = yaml(
      'title: t',
      'symbols:',
      '  s: {indices: 1, domain: binary}',
      '  p: {domain: probability}',
      '  q: {domain: positive}',
      '  i: index',
      'steps:',
      '  - expr: x',
      'cases:',
      '  - when: {"s[i]": 2}',
      '    steps: [{expr: x}]',
      '  - when: {p: 1}',
      '    steps: [{expr: x}]',
      '  - when: {q: "(-1, 0)"}',
      '    steps: [{expr: x}]',
      '  - when: {q: -1}',
      '    steps: [{expr: x}]',
      '  - when: {"s[i]": "(0, 1)"}',
      '    steps: [{expr: x}]',
      '  - when: {i: 1}',
      '    steps: [{expr: x}]',
      '  - when: {}',
      '    steps: [{expr: x}]',
    );
    const es = errors(text).map((e) => [e.code, e.place.line, e.place.column, e.message] as const);
    expect(es.map(([c, l, col]) => `${c}@${l}:${col}`)).toEqual([
      'bad-when@10:20',
      'bad-when@12:15',
      'bad-when@14:15',
      'bad-when@16:15',
      'bad-when@18:12',
      'index-as-scalar@20:12',
      'bad-when@22:11',
    ]);
    expect(es[0]![3]).toContain('outside the domain of s, binary');
    expect(es[1]![3]).toContain('outside the domain of p, probability');
    expect(es[2]![3]).toContain('has no point in the declared domain of q');
  });

  it('a value that is not a number names a value the domain has (never 0 for a probability)', () => {
    const text = yaml(
      'title: t',
      'symbols:',
      '  p: {domain: probability}',
      'steps:',
      '  - expr: x',
      'cases:',
      '  - when: {p: y}',
      '    steps: [{expr: x}]',
    );
    const e = errors(text)[0]!;
    expect(e).toMatchObject({ code: 'bad-when', place: { line: 7, column: 15 } });
    expect(e.message).not.toContain('such as 0;');
    expect(e.message).toContain('interval');
  });
});

describe('interval domains of symbols', () => {
  it.each([
    ['(0, inf', 'has no closing'],
    ['(3, 1)', 'write the lower end first'],
    ['(0 1)', 'a comma'],
    ['posative', 'unknown domain'],
  ])('domain "%s": schema error at the value', (value, says) => {
    expectOne(
      yaml('title: t', 'symbols:', `  a: {domain: "${value}"}`, 'steps:', '  - expr: a'),
      'schema',
      3,
      15,
      says,
    );
  });

  it('a pasted minus sign in a domain reads as -', () => {
    const r = loadDerivation(
      'd.yaml',
      yaml('title: t', 'symbols:', '  a: {domain: "(\u22121, 0)"}', 'steps:', '  - expr: a'),
    );
    expect(r.ok).toBe(true);
  });
});

describe('symmetric, opaque and independent_of', () => {
  it.each([
    ['v: {indices: 1, symmetric: true}', 3, 19, "'v' has 1"],
    ['U: {indices: 3, symmetric: true}', 3, 19, "'U' has 3"],
    ['W: {indices: 2, symmetric: yes}', 3, 30, 'symmetric must be true or false'],
    ['X: {indices: 2, symmetric: "true"}', 3, 30, 'symmetric must be true or false'],
    ['Y: {symmetric: true}', 3, 7, "'Y' is a scalar"],
    ['f: {opaque: yes}', 3, 15, 'opaque must be true or false'],
    ['g: {opaque: true, independent_of: x}', 3, 37, 'independent_of must be a list'],
    ['k: {independent_of: ["y"], opaque: false}', 3, 7, 'remove one of them'],
    ['a: {independent_of: ["2"]}', 3, 24, "'2' is neither"],
    ['b: {independent_of: ["x + y"]}', 3, 24, "'x + y' is neither"],
    ['h: {independent_of: ["w[i,j]"]}', 3, 25, "'w' is not declared as an array"],
    // an opaque array was once accepted and read as an array of independent variables, the opposite of what it says
    ['w: {indices: 1, opaque: true}', 3, 19, 'opaque applies to scalars'],
    ['u: {indices: 1, opaque: 1}', 3, 27, 'opaque must be true or false'],
  ])('%s: error at 3:%i', (decl, line, column, says) => {
    const es = errors(yaml('title: t', 'symbols:', `  ${decl}`, 'steps:', '  - expr: z'));
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ place: { line, column } });
    expect(es[0]!.message).toContain(says);
  });
});

describe('Unicode in a file', () => {
  it('a declared name with a Greek letter: the error names the character and what to write', () => {
    expectOne(
      yaml('title: t', 'symbols:', '  \u03bb: {domain: positive}', 'steps:', '  - expr: x'),
      'schema',
      3,
      3,
      'U+03BB GREEK SMALL LETTER LAMBDA',
    );
    expect(
      errors(yaml('title: t', 'symbols:', '  \u03bb: {domain: positive}', 'steps:', '  - expr: x'))[0]!.message,
    ).toContain('lambda');
  });

  it('pasted − × · ² in assume and steps read as ASCII', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        'title: t',
        'assume:',
        '  - "p \u2212 1/2 = 0"',
        'steps:',
        '  - expr: 2 \u00d7 x\u00b2 \u00b7 p',
        '  - expr: x^2',
      ),
      { seed: 1, strict: true },
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });
});

it('opaque: false on an array says what is already so, and loads', () => {
  expect(
    loadDerivation('d.yaml', yaml('title: t', 'symbols:', '  w: {indices: 1, opaque: false}', 'steps:', '  - expr: z'))
      .ok,
  ).toBe(true);
});

describe('claim sides in LaTeX', () => {
  it('an unclosed brace points into the LaTeX; an unknown key is named', () => {
    const es = errors(
      yaml('title: t', "claim: {lhs: {latex: '\\frac{1}{'}, rhs: {tex: 'x'}}", 'steps:', '  - expr: x'),
    );
    expect(es[0]).toMatchObject({ code: 'syntax', place: { line: 2, column: 31 } });
    expect(es[1]).toMatchObject({ code: 'schema', place: { line: 2, column: 42 } });
    expect(es[1]!.message).toContain("did you mean 'latex'?");
  });
});

describe('the command line on malformed version 2 files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derivcheck-v2-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('each file exits 2 with file:line:column and no stack trace', async () => {
    const files: Record<string, [string, string]> = {
      'assume.yaml': [withAssume('"x + 1"'), ':7:6'],
      'interval.yaml': [
        yaml('title: t', 'steps:', '  - expr: abs(x)', 'cases:', '  - when: {x: "(0, inf"}', '    steps: [{expr: x}]'),
        ':5:15',
      ],
      'symmetric.yaml': [
        yaml('title: t', 'symbols:', '  v: {indices: 1, symmetric: true}', 'steps:', '  - expr: x'),
        ':3:19',
      ],
    };
    for (const [name, [text, at]] of Object.entries(files)) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const run = await runVerify('--no-color', file);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(`${file}${at}`);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    }
  });
});
