/**
 * mathjs as an independent oracle for the hand-written ASCII parser (mathjs
 * is a devDependency, imported only by tests): every expression that both
 * read, they read to the same tree. mathjs's reading goes through the reader
 * derivcheck used before (test/oracles/mathjs-reader), so the IR shapes are
 * compared exactly, not only the values.
 *
 * Where only the parser refuses, the refusal must be one that contract
 * version 2 asks for (an ambiguous implicit multiplication, unit 0); where
 * only mathjs refuses, the parser must have read something mathjs cannot
 * (none in the generated subset). Inputs: random expressions of the ASCII
 * syntax with implicit multiplication and random spacing, every expression
 * in derivations/, and every expression of the conformance corpora.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REAL, type SymbolDecl } from '../../src/ir/symbols.js';
import { corporaFolder, corporaPresent, readCorpora } from '../../tools/conformance/corpus.js';
import { loadDerivation } from '../../src/derivation/load.js';
import { type ParseEnv, emptyParseEnv, parseExpression } from '../../src/parse/expression.js';
import { seedExpressions, seedFiles } from '../../scripts/fuzz-cases.mjs';
import { SEED_SYMBOLS } from '../helpers/seed-symbols.js';
import { mathjsRead } from './mathjs-reader/index.js';

const env: ParseEnv = {
  symbols: new Map<string, SymbolDecl>([
    ...SEED_SYMBOLS,
    ['x', { kind: 'scalar', name: 'x', domain: REAL, opaque: false, independentOf: [] }],
  ]),
  functions: new Map([
    ['a', 1],
    ['pN', 0],
    ['f', 2],
  ]),
};

/** what both readers make of text: equal trees, or a disagreement to explain */
function compare(text: string, e: ParseEnv) {
  const mine = parseExpression(text, e);
  const theirs = mathjsRead(text, e);
  return { mine, theirs };
}

/** why: a few thousand parses by both readers take seconds alone, more beside the rest of the suite on 2 cores */
const TIMEOUT_MS = 120_000;

/** syntax that version 2 added and mathjs does not read: ln, abs, max, min, pasted Unicode */
const usesVersion2Syntax = (text: string): boolean =>
  /\b(ln|abs|max|min)\s*\(/.test(text) || [...text].some((c) => c.charCodeAt(0) > 0x7f);

/** refusals that contract version 2 adds to mathjs's reading */
const VERSION2_REFUSALS = new Set(['ambiguous']);

// --- a generator of expressions in the ASCII syntax, juxtaposition and spacing included

const space = fc.constantFrom('', ' ', '  ');
const atom = fc.constantFrom(
  '2',
  '0.5',
  '10',
  '1.5e-3',
  '3',
  'x',
  'y',
  'z1',
  'pR',
  'pN',
  'pi',
  'e',
  'w[i, k]',
  's[j]',
  's[2]',
  'delta(i, j)',
  'a(i)',
);
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), space, tie('expr'))
      .map(([a, op, sp, b]) => `${a}${sp}${op}${sp}${b}`),
    fc.tuple(tie('expr'), fc.constantFrom(' ', ''), tie('expr')).map(([a, sp, b]) => `${a}${sp}${b}`),
    tie('expr').map((a) => `-${a}`),
    tie('expr').map((a) => `(${a})`),
    fc.tuple(fc.constantFrom('exp', 'log', 'sin', 'sigma', 'sqrt', 'tanh'), tie('expr')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `f(${a}, ${b})`),
    tie('expr').map((a) => `sum(m, ${a} * w[i, m])`),
    tie('expr').map((a) => `diff(${a}, x)`),
  ),
}));

describe('mathjs and the parser read every expression both accept to the same tree', () => {
  it(
    'random expressions with implicit multiplication, signs, powers, calls, sums and random spacing',
    () => {
      const tally = { both: 0, refusedAsAmbiguous: 0, neither: 0 };
      fc.assert(
        fc.property(expr, (text) => {
          const { mine, theirs } = compare(text, env);
          if (mine.ok && theirs.ok) {
            tally.both++;
            expect(mine.expr.key, text).toBe(theirs.expr.key);
          } else if (mine.ok) {
            throw new Error(
              `${text}: the parser read ${mine.expr.key}, mathjs refused: ${theirs.ok ? '' : theirs.error.message}`,
            );
          } else if (theirs.ok) {
            expect([...VERSION2_REFUSALS], `${text}: ${mine.error.code} ${mine.error.message}`).toContain(
              mine.error.code,
            );
            tally.refusedAsAmbiguous++;
          } else tally.neither++;
        }),
        { numRuns: 3000, seed: 13 },
      );
      // both outcomes are exercised: most inputs are read by both, and the ambiguity rule fires
      expect(tally.both).toBeGreaterThan(1500);
      expect(tally.refusedAsAmbiguous).toBeGreaterThan(50);
    },
    TIMEOUT_MS,
  );

  it(
    'every expression of the shipped derivations',
    () => {
      const seeds = seedExpressions(seedFiles(), loadDerivation) as { text: string; env: ParseEnv }[];
      expect(seeds.length).toBeGreaterThan(100);
      let both = 0;
      for (const { text, env: e } of seeds) {
        const { mine, theirs } = compare(text, e);
        if (mine.ok && theirs.ok) {
          both++;
          expect(mine.expr.key, text).toBe(theirs.expr.key);
        } else if (mine.ok && !usesVersion2Syntax(text)) throw new Error(`${text}: only the parser reads it`);
      }
      expect(both).toBeGreaterThan(100);
    },
    TIMEOUT_MS,
  );

  const folder = corporaFolder();
  it.skipIf(!corporaPresent(folder))(
    'every expression of the conformance corpora (explicit syntax: both must read all)',
    () => {
      const c = readCorpora(folder);
      const texts = [
        ...c.derivatives.flatMap((d) => [d.expr, d.expected]),
        ...c.identities.flatMap((d) => [d.lhs, d.rhs]),
        ...c.nonidentities.flatMap((d) => [d.lhs, d.rhs]),
      ];
      expect(texts.length).toBeGreaterThan(4000);
      for (const text of texts) {
        const { mine, theirs } = compare(text, emptyParseEnv());
        if (!mine.ok) throw new Error(`${text}: ${mine.error.code}: ${mine.error.message}`);
        if (!theirs.ok) throw new Error(`${text}: mathjs: ${theirs.error.message}`);
        expect(mine.expr.key, text).toBe(theirs.expr.key);
      }
    },
    TIMEOUT_MS,
  );
});

describe('where mathjs read an implicit multiplication differently from left to right, the parser refuses', () => {
  it.each([
    ['x^x (log(x) + 1)', '(^ x (* x (+ (log x) 1)))'],
    ['x/2 w[i, k]', '(* x (^ (* 2 w[i,k]) -1))'],
    ['x / (1 + y) s[k]', '(* x (^ (* (+ 1 y) s[k]) -1))'],
    // found by the property above: a value before brackets with a power was a call, then squared
    ['s[j] (1 - s[j])^2', '(^ (* s[j] (+ 1 (* -1 s[j]))) 2)'],
    ['pN (2)^2', '(^ (* pN 2) 2)'],
  ])('%s: mathjs read %s', (text, mathjsKey) => {
    const { mine, theirs } = compare(text, env);
    expect(theirs.ok && theirs.expr.key).toBe(mathjsKey);
    expect(mine.ok).toBe(false);
    if (!mine.ok) expect(mine.error.code).toBe('ambiguous');
  });
});

it('the oracle is independent: mathjs is imported by tests only', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  expect(pkg.devDependencies.mathjs).toBeDefined();
});
