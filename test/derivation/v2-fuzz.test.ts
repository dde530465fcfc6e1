/**
 * Random version 2 input never escapes as an exception: equations under
 * assume (the file's and a case's), when values and interval strings, and
 * declarations with symmetric/opaque/independent_of, built from fragments
 * people mistype. The loader (and the checker, when the file loads) answers
 * with data; every error has a line and column inside the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';
import { runs } from '../helpers/runs.js';

const atoms = ['x', 'y', 'a', 'b', 'p', 't[k]', 't[1]', 'W[i, j]', 'W[j, i]', 'q', '0', '1', '1/2', '-1', 'pi', 'e'];
const ops = [' + ', ' - ', ' * ', ' / ', '^', ' = ', ', ', ' ', '(', ')', '−', '²'];
const fragment = fc.oneof(
  fc.constantFrom(...atoms),
  fc.constantFrom(...ops),
  fc.constantFrom('sum(k, ', 'log(', 'exp('),
);
const text = fc.array(fragment, { minLength: 1, maxLength: 9 }).map((xs) => xs.join(''));
const interval = fc
  .tuple(
    fc.constantFrom('(', '[', ''),
    fc.constantFrom('0', '-1', '1/2', '-inf', 'inf', '', 'a', '−1'),
    fc.constantFrom(', ', ',', '; ', ' '),
    fc.constantFrom('1', 'inf', '0', '', '2.5', '1, 2'),
    fc.constantFrom(')', ']', ''),
  )
  .map((p) => p.join(''));
const quote = (s: string) => JSON.stringify(s);

const file = fc
  .record({
    assume: fc.array(text, { maxLength: 3 }),
    caseAssume: fc.array(text, { maxLength: 2 }),
    when: fc.oneof(interval, fc.constantFrom('0', '1', '1/3', 'y')),
    whenKey: fc.constantFrom('x', 'p', 's', '"W[i, j]"', 'q'),
    decl: fc.constantFrom(
      '{indices: 2, symmetric: true}',
      '{indices: 1, symmetric: true}',
      '{opaque: true}',
      '{domain: positive}',
      '{domain: binary}',
      '{indices: 2, opaque: true}',
    ),
    step: text,
  })
  .map((r) =>
    [
      'title: t',
      'symbols:',
      '  i: index',
      '  j: index',
      '  k: index',
      '  t: {indices: 1}',
      '  W: {indices: 2, symmetric: true}',
      '  p: {domain: probability}',
      '  s: {domain: binary}',
      `  q: ${r.decl}`,
      ...(r.assume.length ? ['assume:', ...r.assume.map((a) => `  - ${quote(a)}`)] : []),
      'steps:',
      `  - expr: ${quote(r.step)}`,
      'cases:',
      `  - when: {${r.whenKey}: ${quote(r.when)}}`,
      ...(r.caseAssume.length ? [`    assume: [${r.caseAssume.map(quote).join(', ')}]`] : []),
      `    steps: [{expr: ${quote(r.step)}}]`,
      '',
    ].join('\n'),
  );

describe('random version 2 files', () => {
  it('load or fail with placed errors, and check without throwing', () => {
    fc.assert(
      fc.property(file, (yaml) => {
        const lines = yaml.split('\n').length;
        const r = loadDerivation('d.yaml', yaml);
        if (!r.ok) {
          for (const e of r.errors) {
            expect(e.place.line).toBeGreaterThanOrEqual(1);
            expect(e.place.line).toBeLessThanOrEqual(lines);
            expect(e.place.column).toBeGreaterThanOrEqual(1);
            expect(e.message.length).toBeGreaterThan(10);
          }
          return;
        }
        const v = verifyText('d.yaml', yaml, { seed: 1, strict: false, samples: 8 });
        expect(v.steps.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(150), seed: 10 },
    );
  });
});

describe('a substituted assumption is never refuted, and a wrong one never proved', () => {
  const values = ['1 - a', '2 a + 3', 'exp(a)', 'a^2 + 1', 'sin(a)', '1/2'];
  const uses = ['B * B', 'log(B^2 + 1)', 'B / (B^2 + 1)', 'exp(B) - B', 'sqrt(B^2 + 4)', 'B^3 - a * B'];
  const pair = fc.tuple(fc.constantFrom(...values), fc.constantFrom(...uses), fc.boolean());
  it('assume "b = E": F(b) = F(E) holds (proved or numeric), F(b) = F(E) + 1/1000 fails', () => {
    fc.assert(
      fc.property(pair, ([value, use, solved]) => {
        const equation = solved ? `b - (${value}) = 0` : `b = ${value}`;
        const file = (rhs: string) =>
          [
            'title: t',
            'assume:',
            `  - ${JSON.stringify(equation)}`,
            'steps:',
            `  - expr: ${JSON.stringify(use.replaceAll('B', 'b'))}`,
            `  - expr: ${JSON.stringify(rhs)}`,
            '',
          ].join('\n');
        const substituted = use.replaceAll('B', `(${value})`);
        const right = verifyText('d.yaml', file(substituted), { seed: 2, strict: false, samples: 8 });
        expect(right.steps.map((s) => s.status)).toEqual(['proved', expect.stringMatching(/proved|numeric/)]);
        const wrong = verifyText('d.yaml', file(`${substituted} + 1/1000`), { seed: 2, strict: false, samples: 8 });
        expect(wrong.steps[1]!.status).toBe('failed');
      }),
      { numRuns: runs(40), seed: 3 },
    );
  });
});
