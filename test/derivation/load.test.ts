import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ALIASES, MAX_FILE_BYTES, MAX_STEPS, loadDerivation } from '../../src/derivation/load.js';
import type { InputError, LoadedDerivation } from '../../src/derivation/model.js';
import { rat } from '../../src/ir/rational.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

function load(text: string): LoadedDerivation {
  const r = loadDerivation('d.yaml', text);
  if (!r.ok)
    throw new Error(r.errors.map((e) => `${e.place.line}:${e.place.column} ${e.code} ${e.message}`).join('\n'));
  return r.derivation;
}

function errors(text: string): readonly InputError[] {
  const r = loadDerivation('d.yaml', text);
  if (r.ok) throw new Error('loaded without errors');
  return r.errors;
}

/** `line:column code location` of each error, the shape most assertions need */
const brief = (es: readonly InputError[]) =>
  es.map((e) => `${e.place.line}:${e.place.column} ${e.code}${e.location ? ' ' + e.location : ''}`);

/** the seed derivation, cut down to one step of each kind */
const SEED = yaml(
  'title: Sigmoid belief net gradient', //                       1
  'source: Anne Paulson', //                                      2
  'symbols:', //                                                  3
  '  i: index', //                                                4
  '  j: index', //                                                5
  '  k: index', //                                                6
  '  s: {indices: 1, domain: binary}', //                         7
  '  w: {indices: 2}', //                                         8
  '  pR: {domain: positive, independent_of: ["w[i,j]", x]}', //   9
  '  ps: {domain: probability, opaque: true}', //                 10
  'define:', //                                                   11
  '  pN: pPa * pR * ps', //                                       12
  '  p(u): sigma(a(u))', //                                       13
  '  a(u): sum(k, w[u,k] * s[k])', //                             14
  'claim:', //                                                    15
  '  lhs: diff(log(pN), w[i,j])', //                              16
  '  rhs: s[j] * (s[i] - p(i))', //                               17
  'steps:', //                                                    18
  '  - expr: diff(log(pN), w[i,j])', //                           19
  '  - expr: diff(log(pPa * pR * ps), w[i,j])', //                20
  '    by: definition of pN', //                                  21
  '    # (version 2: no step-level when)', //                     22
  'cases:', //                                                    23
  '  - when: {"s[i]": 1}', //                                     24
  '    define: {ps: "sigma(a(i))"}', //                           25
  '    steps:', //                                                26
  '      - expr: diff(log(sigma(a(i))), w[i,j])', //              27
  '      - expr: s[j] (1 - p(i))', //                             28
  '  - when: {"s[i]": 0}', //                                     29
  '    define: {ps: "1 - sigma(a(i))"}', //                       30
  '    steps:', //                                                31
  '      - expr: diff(log(1 - sigma(a(i))), w[i,j])', //          32
);

describe('a valid derivation', () => {
  const d = load(SEED);

  it('has its title, source and declarations', () => {
    expect(d.title).toBe('Sigmoid belief net gradient');
    expect(d.source).toBe('Anne Paulson');
    expect(d.symbols.get('i')).toEqual({ kind: 'index', name: 'i' });
    expect(d.symbols.get('s')).toEqual({ kind: 'array', name: 's', arity: 1, domain: { kind: 'binary' } });
    expect(d.symbols.get('w')).toEqual({
      kind: 'array',
      name: 'w',
      arity: 2,
      domain: { kind: 'interval', loOpen: true, hiOpen: true },
    });
    const pR = d.symbols.get('pR');
    expect(pR?.kind === 'scalar' && pR.independentOf.map((v) => v.key)).toEqual(['w[i,j]', 'x']);
    expect(pR).toMatchObject({
      kind: 'scalar',
      opaque: true,
      domain: { kind: 'interval', lo: rat(0), loOpen: true, hiOpen: true },
    });
    expect(d.symbols.get('ps')).toMatchObject({
      domain: { kind: 'interval', lo: rat(0), hi: rat(1), loOpen: true, hiOpen: true },
    });
    expect(d.symbolPlaces.get('pR')).toEqual({ file: 'd.yaml', line: 9, column: 3 });
  });

  it('reads definitions in any order, parameters standing for indices', () => {
    expect(d.definitions.map((x) => [x.name, x.params, x.body.key, x.place.line, x.place.column, x.source])).toEqual([
      ['pN', [], '(* pPa pR ps)', 12, 7, 'pPa * pR * ps'],
      ['p', ['u'], '(sigma (a u))', 13, 9, 'sigma(a(u))'],
      ['a', ['u'], '(sum k (* w[u,k] s[k]))', 14, 9, 'sum(k, w[u,k] * s[k])'],
    ]);
  });

  it('places the claim sides', () => {
    expect(d.claim?.lhs.key).toBe('(diff (log pN) w[i,j])');
    expect(d.claim?.rhs.key).toBe('(* s[j] (+ s[i] (* -1 (p i))))');
    expect([d.claim?.place.line, d.claim?.lhsPlace.line, d.claim?.lhsPlace.column, d.claim?.rhsPlace.line]).toEqual([
      16, 16, 8, 17,
    ]);
  });

  it('reads steps with their location, place, text and justification', () => {
    expect(d.steps.map((s) => [s.location, s.place.line, s.place.column, s.source, s.by])).toEqual([
      ['steps[0]', 19, 11, 'diff(log(pN), w[i,j])', undefined],
      ['steps[1]', 20, 11, 'diff(log(pPa * pR * ps), w[i,j])', 'definition of pN'],
    ]);
  });

  it('reads cases with their own assumptions, definitions and steps', () => {
    expect(d.cases?.place.line).toBe(24);
    const [one, zero] = d.cases!.list;
    expect(one!.location).toBe('cases[0]');
    expect(one!.when.map((a) => [a.variable.key, a.value.key])).toEqual([['s[i]', '1']]);
    expect(one!.definitions.map((x) => [x.name, x.body.key])).toEqual([['ps', '(sigma (a i))']]);
    expect(one!.steps.map((s) => [s.location, s.place.line, s.expr.key])).toEqual([
      ['cases[0].steps[0]', 27, '(diff (log (sigma (a i))) w[i,j])'],
      ['cases[0].steps[1]', 28, '(* s[j] (+ 1 (* -1 (p i))))'],
    ]);
    expect(zero!.definitions[0]!.body.key).toBe('(+ 1 (* -1 (sigma (a i))))');
    expect(zero!.steps[0]!.location).toBe('cases[1].steps[0]');
  });
});

describe('numbers and aliases', () => {
  it('reads YAML numbers exactly, by their digits', () => {
    const d = load(
      yaml(
        'title: t',
        'symbols: {s: {domain: binary}}',
        'steps:',
        '  - expr: 0.1',
        '  - expr: 1e400',
        'cases:',
        '  - when: {s: 1.0}',
        '    steps: [{expr: 1}]',
      ),
    );
    expect(d.steps[0]!.expr.key).toBe('1/10');
    expect(d.steps[1]!.expr.key).toBe('1' + '0'.repeat(400));
    expect(d.cases!.list[0]!.when[0]!.value.key).toBe('1');
  });

  it('follows an alias to the expression it names', () => {
    const d = load(yaml('title: t', 'steps:', '  - expr: &e x^2', '  - expr: *e'));
    expect(d.steps.map((s) => s.expr.key)).toEqual(['(^ x 2)', '(^ x 2)']);
  });

  it('refuses an alias bomb, naming the limit', () => {
    const bomb = yaml(
      'title: t',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'steps: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    );
    const [e] = errors(bomb);
    expect(e!.code).toBe('limit');
    expect(e!.message).toContain(`MAX_ALIASES = ${MAX_ALIASES}`);
  });
});

describe('domains', () => {
  const domainOf = (d: string) =>
    load(yaml('title: t', 'symbols:', `  x: {domain: "${d}"}`, 'steps:', '  - expr: x')).symbols.get('x');

  it.each([
    ['nonnegative', { kind: 'interval', lo: rat(0), loOpen: false, hiOpen: true }],
    ['negative', { kind: 'interval', hi: rat(0), loOpen: true, hiOpen: true }],
    ['nonzero', { kind: 'nonzero' }],
    ['real', { kind: 'interval', loOpen: true, hiOpen: true }],
    ['(0, inf)', { kind: 'interval', lo: rat(0), loOpen: true, hiOpen: true }],
    ['(-inf, 0]', { kind: 'interval', hi: rat(0), loOpen: true, hiOpen: false }],
    ['[-1/2, 2.5)', { kind: 'interval', lo: rat(-1, 2), hi: rat(5, 2), loOpen: false, hiOpen: true }],
  ])('%s', (text, domain) => {
    expect(domainOf(text)).toEqual({ kind: 'scalar', name: 'x', domain, opaque: false, independentOf: [] });
  });

  it.each(['positve', '(1, 0)', '[-inf, 0)', '(0, 1e99999)', '(a, b)'])('%s is refused at the domain value', (text) => {
    const [e] = errors(yaml('title: t', 'symbols:', `  x: {domain: "${text}"}`, 'steps:', '  - expr: x'));
    expect(brief([e!])).toEqual(['3:15 schema symbols.x']); // the place of the quoted value
  });
});

describe('YAML errors', () => {
  it('reports a syntax error at the line and column the YAML parser gives', () => {
    const es = errors(yaml('title: t', 'steps:', '  - expr: diff(x^2, x)', '  - expr: 2 * x: the power rule'));
    expect(brief(es)).toEqual(['4:11 yaml-syntax']);
    expect(es[0]!.message).toContain('needs quotes');
  });

  it('reports a duplicate key by name', () => {
    const es = errors(yaml('title: t', 'steps:', '  - expr: x', 'title: u'));
    expect(brief(es)).toEqual(['4:1 yaml-syntax']);
    expect(es[0]!.message).toBe('the key title appears twice in the same map; keep one');
  });

  it('refuses a second document', () => {
    expect(errors(yaml('title: t', 'steps: [{expr: x}]', '---', 'title: u'))[0]!.code).toBe('yaml-syntax');
  });

  it('refuses a file that is not a map', () => {
    expect(brief(errors(yaml('- expr: x')))).toEqual(['1:1 schema file']);
  });
});

describe('limits', () => {
  it('MAX_FILE_BYTES', () => {
    const [e] = errors('title: t\n' + '#'.repeat(MAX_FILE_BYTES));
    expect(e).toMatchObject({ code: 'limit', place: { line: 1, column: 1 } });
    expect(e!.message).toContain('MAX_FILE_BYTES');
  });

  it('MAX_STEPS, counting the steps of cases too', () => {
    const half = Array.from({ length: MAX_STEPS / 2 + 1 }, () => '  - expr: x').join('\n');
    const text = `title: t\nsteps:\n${half}\ncases:\n  - when: {x: 1}\n    steps:\n${half.replace(/^ {2}/gm, '      ')}\n`;
    const es = errors(text);
    expect(es).toHaveLength(1);
    expect(es[0]!.code).toBe('limit');
    expect(es[0]!.message).toContain(`${MAX_STEPS + 2} steps`);
    expect(es[0]!.message).toContain('MAX_STEPS');
  });
});

describe('schema errors', () => {
  it('names the allowed top-level keys and suggests the nearest', () => {
    const es = errors(yaml('title: t', 'step:', '  - expr: x'));
    expect(brief(es)).toEqual(['2:1 schema file', '1:1 schema steps']);
    expect(es[0]!.message).toBe(
      "unknown key 'step' in the file (did you mean 'steps'?); the allowed keys are title, source, symbols, define, assume, claim, steps, cases",
    );
  });

  it('requires a title and a non-empty steps list', () => {
    expect(brief(errors(yaml('steps:', '  - expr: x')))).toEqual(['1:1 schema title']);
    expect(brief(errors(yaml('title: t', 'steps: []')))).toEqual(['2:8 schema steps']);
    expect(brief(errors(yaml('title: [t]', 'steps: [{expr: x}]')))).toEqual(['1:8 schema title']);
    expect(brief(errors(yaml('title: ""', 'steps: [{expr: x}]')))).toEqual(['1:8 schema title']);
  });

  it('checks each step', () => {
    const es = errors(
      yaml(
        'title: t', //                          1
        'steps:', //                            2
        '  - x^2', //                           3
        '  - expr: x', //                       4
        '    latex: x', //                      5
        '  - by: nothing', //                   6
        '  - expr: x', //                       7
        '    because: reasons', //              8
        '  - expr: x', //                       9
        '    by: [1]', //                       10
      ),
    );
    expect(brief(es)).toEqual([
      '3:5 schema steps[0]',
      '5:5 schema steps[1]',
      '6:5 schema steps[2]',
      '8:5 schema steps[3]',
      '10:9 schema steps[4]',
    ]);
    expect(es[3]!.message).toContain('the allowed keys are expr, latex, by');
  });

  it('reads a latex: step with the LaTeX reader, and places its errors inside the LaTeX', () => {
    const ok = loadDerivation('t.yaml', yaml('title: t', 'steps:', '  - expr: diff(x^2, x)', '  - latex: 2 \\cdot x'));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.derivation.steps[1]!.expr.key).toBe('(* 2 x)');
    const es = errors(yaml('title: t', 'steps:', '  - expr: x', '  - latex: \\frac{d}{dx} \\sgima(x)'));
    expect(brief(es)).toEqual(['4:25 unsupported-syntax steps[1]']); // the backslash of \sgima
  });

  it('checks the claim and the cases', () => {
    expect(brief(errors(yaml('title: t', 'claim: {lhs: x}', 'steps: [{expr: x}]')))).toEqual(['2:8 schema claim.rhs']);
    expect(brief(errors(yaml('title: t', 'steps: [{expr: x}]', 'cases:', '  - steps: [{expr: x}]')))).toEqual([
      '4:5 schema cases[0]',
    ]);
    expect(brief(errors(yaml('title: t', 'steps: [{expr: x}]', 'cases: []')))).toEqual(['3:8 schema cases']);
  });
});

describe('expression errors point into the expression', () => {
  const at = (...stepLines: string[]) => brief(errors(yaml('title: t', 'symbols: {i: index}', 'steps:', ...stepLines)));

  it('in a plain scalar: the value column plus the offset', () => {
    expect(at('  - expr: x + sgima(y)')).toEqual(['4:15 unknown-function steps[0]']);
  });

  it('in a quoted scalar: one more for the quote', () => {
    expect(at('  - expr: "x + sgima(y)"')).toEqual(['4:16 unknown-function steps[0]']);
    expect(at("  - expr: 'x + (y'")).toEqual(['4:16 syntax steps[0]']); // at the ( that is never closed
  });

  it('in a literal block: the line and column of the character', () => {
    expect(at('  - expr: |', '      x +', '        q[i]')).toEqual(['6:9 undeclared-array steps[0]']);
  });

  it('in a plain scalar over two lines', () => {
    expect(at('  - expr: x +', '      q[i]')).toEqual(['5:7 undeclared-array steps[0]']);
  });

  it('collects one error per bad step, with its location', () => {
    expect(at('  - expr: x', '  - expr: x +', '  - expr: y', '  - expr: exp(x, y)')).toEqual([
      '5:14 syntax steps[1]',
      '7:11 arity steps[3]',
    ]);
  });
});

describe('empty optional sections', () => {
  it('reads `symbols:` and `define:` with nothing under them as empty', () => {
    const d = load(yaml('title: t', 'symbols:', 'define:', 'steps:', '  - expr: x'));
    expect([d.symbols.size, d.definitions.length, d.claim, d.cases]).toEqual([0, 0, undefined, undefined]);
  });
});

describe('names', () => {
  it('refuses reserved names in symbols and define', () => {
    const es = errors(
      yaml(
        'title: t',
        'symbols:',
        '  exp: index',
        '  __proto__: index',
        'define:',
        '  sum: x + 1',
        'steps: [{expr: x}]',
      ),
    );
    expect(brief(es)).toEqual([
      '6:3 reserved-name define.sum',
      '3:3 reserved-name symbols.exp',
      '4:3 reserved-name symbols.__proto__',
    ]);
  });

  it('refuses a name both declared and defined, and repeated parameters', () => {
    const es = errors(
      yaml('title: t', 'symbols: {x: {domain: positive}}', 'define:', '  x: 2', '  f(y, y): y', 'steps: [{expr: x}]'),
    );
    expect(brief(es)).toEqual(['4:3 schema define.x', '5:3 schema define.f(y, y)']);
  });

  it('reads a YAML number as a definition body and parameters as values or indices', () => {
    const d = load(
      yaml(
        'title: t',
        'symbols: {w: {indices: 1}}',
        'define:',
        '  c: 2',
        '  g(u, v): w[u] * v',
        'steps:',
        '  - expr: g(1, c)',
      ),
    );
    expect(d.definitions.map((x) => x.body.key)).toEqual(['2', '(* w[u] v)']);
    expect(d.steps[0]!.expr.key).toBe('(g 1 c)');
  });

  it('checks independent_of entries', () => {
    const es = errors(yaml('title: t', 'symbols:', '  q: {independent_of: ["x + 1", "v[1]"]}', 'steps: [{expr: q}]'));
    expect(brief(es)).toEqual(['3:24 schema symbols.q', '3:34 undeclared-array symbols.q']);
  });

  it('refuses indices on a scalar with independent_of, and a bad indices count', () => {
    const es = errors(
      yaml('title: t', 'symbols:', '  q: {indices: 1, independent_of: [x]}', '  r: {indices: 0}', 'steps: [{expr: x}]'),
    );
    expect(brief(es)).toEqual(['3:19 schema symbols.q', '4:16 schema symbols.r']);
  });
});

describe('when and cases', () => {
  const base = [
    'title: t',
    'symbols: {i: index, s: {indices: 1, domain: binary}}',
    'define:',
    '  d: s[i] + 1',
    'steps:',
    '  - expr: s[i]',
  ];

  it('requires each when key to be a variable', () => {
    const es = errors(
      yaml(
        ...base,
        'cases:',
        '  - when: {"s[i] + 1": 1, d: 0, "s[i]": 1, "s[ i ]": 0}',
        '    steps:',
        '      - expr: s[i]',
      ),
    );
    expect(es.map((e) => e.code)).toEqual(['bad-when', 'bad-when', 'bad-when']);
    expect(brief(es)).toEqual(['8:12 bad-when cases[0]', '8:27 bad-when cases[0]', '8:44 bad-when cases[0]']);
  });

  it('a case definition is in scope in that case only', () => {
    const ok = load(
      yaml(
        ...base,
        'cases:',
        '  - when: {"s[i]": 1}',
        '    define: {g(x): x^2}',
        '    steps:',
        '      - expr: g(s[i])',
      ),
    );
    expect(ok.cases!.list[0]!.steps[0]!.expr.key).toBe('(g s[i])');
    const es = errors(
      yaml(
        ...base,
        'cases:',
        '  - when: {"s[i]": 1}',
        '    define: {g(x): x^2}',
        '    steps:',
        '      - expr: g(1)',
        '  - when: {"s[i]": 0}',
        '    steps:',
        '      - expr: g(0)',
      ),
    );
    expect(brief(es)).toEqual(['14:15 unknown-function cases[1].steps[0]']);
  });

  it('a case may not define an array', () => {
    const es = errors(
      yaml(...base, 'cases:', '  - when: {"s[i]": 1}', '    define: {s: 1}', '    steps:', '      - expr: s[i]'),
    );
    expect(brief(es)).toEqual(['9:14 case-define cases[0].define.s']);
  });
});

describe('never throws', () => {
  const returnsData = (text: string): boolean => {
    const r = loadDerivation('d.yaml', text);
    return (
      r.ok ||
      (r.errors.length > 0 && r.errors.every((e) => e.place.line >= 1 && e.place.column >= 1 && e.message.length > 0))
    );
  };

  it('for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), returnsData), { numRuns: 150 });
  });

  it('for YAML-like text built from the format', () => {
    const unit = fc.constantFrom(
      'title: t\n',
      'steps:\n',
      '  - expr: x\n',
      '  - expr: ',
      'x + (',
      'w[i,j]',
      'sum(k, s[k])',
      '    by: b\n',
      '    when: {x: 1}\n',
      'symbols:\n',
      '  i: index\n',
      '  w: {indices: 2}\n',
      '  p: {domain: "(0, 1]"}\n',
      'define:\n',
      '  f(x): x^2\n',
      'claim: {lhs: x, rhs: y}\n',
      'cases:\n',
      '  - when: {"s[i]": 1}\n',
      '    steps:\n',
      '      - expr: 1\n',
      '&a ',
      '*a',
      '"',
      ':',
      '- ',
      '\n',
      ' ',
      '{',
      '}',
      '[',
      ']',
      '#',
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }).map((parts) => parts.join('')),
        returnsData,
      ),
      { numRuns: 250 },
    );
  });
});

describe('opaque and independent scalars (version 2)', () => {
  it('a declared scalar is an independent variable unless it says opaque: true or has independent_of', () => {
    const r = loadDerivation(
      't.yaml',
      'title: t\nsymbols:\n  x: {domain: positive, opaque: false}\n  a: {domain: positive}\n  q: {domain: positive, opaque: true}\n  r: {independent_of: [x]}\nsteps:\n  - expr: x\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const opaque = (n: string) => {
      const d = r.derivation.symbols.get(n);
      return d?.kind === 'scalar' && d.opaque;
    };
    expect(['x', 'a', 'q', 'r'].map(opaque)).toEqual([false, false, true, true]);
  });
  it('rejects opaque: false together with independent_of, with a position', () => {
    const r = loadDerivation(
      't.yaml',
      'title: t\nsymbols:\n  x: {domain: positive, opaque: false, independent_of: [y]}\nsteps:\n  - expr: x\n',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.code).toBe('schema');
    expect(r.errors[0]!.place.line).toBe(3);
  });
});
