/**
 * Hostile expressions: nesting 100000 deep, 10 MB of text, numbers of 10000
 * digits, huge exponents, diff nested 1000 deep (and, under the bracket
 * limit, deep enough that derivatives grow exponentially). Each must end
 * within 2 s with exit 2 or a verdict, a location and the limit's name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseExpression, emptyParseEnv } from '../../src/parse/expression.js';
import { ANSWER_WITHIN_MS, checkInProcess, expectOrderly, expectRefused, runCli, scratch } from './harness.js';

const files = scratch('expr');
afterAll(files.cleanup);

/** a derivation whose steps are the given expressions, each double-quoted */
const steps = (...exprs: string[]) => `title: hostile\nsteps:\n${exprs.map((e) => `  - expr: "${e}"\n`).join('')}`;

describe('expressions nested 100000 deep or 10 MB long', () => {
  it.each([
    {
      what: 'parentheses 100000 deep',
      limit: 'MAX_EXPRESSION_CHARS',
      expr: `${'('.repeat(100_000)}x${')'.repeat(100_000)}`,
    },
    {
      what: 'parentheses 40000 deep (within the length limit)',
      limit: 'MAX_NESTING',
      expr: `${'('.repeat(40_000)}x${')'.repeat(40_000)}`,
    },
    { what: 'unary minus 90000 deep', limit: 'MAX_TREE_DEPTH', expr: `${'-'.repeat(90_000)}x` },
    { what: 'a power tower 45000 high', limit: 'MAX_TREE_DEPTH', expr: `${'x^'.repeat(45_000)}x` },
    { what: 'a sum of 49000 terms', limit: 'MAX_NODES', expr: `${'x+'.repeat(49_000)}x` },
  ])('$what: exit 2 naming $limit', ({ what, limit, expr }) => {
    const text = steps(expr);
    expectRefused(files.path(`${what.split(' ').slice(0, 3).join('-')}.yaml`, text), text, limit);
  });

  it('a 10 MB expression in a file: exit 2 naming MAX_FILE_BYTES', () => {
    const text = steps(`${'x+'.repeat(5_000_000)}x`);
    expectRefused(files.path('ten-mb.yaml', text), text, 'MAX_FILE_BYTES');
  });

  it('a 10 MB expression given to the parser directly: refused naming MAX_EXPRESSION_CHARS, within 2 s', () => {
    const start = performance.now();
    const r = parseExpression(`${'x+'.repeat(5_000_000)}x`, emptyParseEnv());
    expect(performance.now() - start).toBeLessThan(ANSWER_WITHIN_MS);
    expect(r.ok ? '' : `${r.error.code}: ${r.error.message}`).toMatch(/^limit: .*MAX_EXPRESSION_CHARS/);
  });
});

describe('numbers with 10000 digits: exit 2 naming MAX_NUMBER_DIGITS', () => {
  it.each([
    { what: 'an integer', expr: `${'7'.repeat(10_000)} * x` },
    { what: 'a decimal', expr: `0.${'7'.repeat(10_000)} * x` },
    { what: 'an exponent', expr: 'x * 1e999999999' },
  ])('$what', ({ what, expr }) => {
    const text = steps(expr, 'x');
    expectRefused(files.path(`digits-${what.split(' ')[1]}.yaml`, text), text, 'MAX_NUMBER_DIGITS');
  });
});

describe('(x+1)^1000000000', () => {
  it.each([
    { what: 'reordered', exprs: ['(x+1)^1000000000', '(1+x)^1000000000'] },
    { what: 'differentiated', exprs: ['diff((x+1)^1000000000, x)', '1000000000*(x+1)^999999999'] },
  ])('a true step ($what) gets a verdict at once, proved: the power stays an atom', ({ what, exprs }) => {
    const text = steps(...exprs);
    const file = files.path(`power-${what}.yaml`, text);
    const run = runCli(file);
    expectOrderly(run);
    expect(run.code, run.output).toBe(0);
    const { result, ms } = checkInProcess(file, text);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(result.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });
  it('a false step that the core cannot expand fails at a certified point (2^1000000000 against 2 at x = 1), exit 1', () => {
    const text = steps('(x+1)^1000000000', 'x^1000000000 + 1');
    const file = files.path('power-expand.yaml', text);
    const run = runCli(file);
    expectOrderly(run);
    expect(run.code, run.output).toBe(1);
    const { result } = checkInProcess(file, text);
    const step = result.steps[1]!;
    expect(step.status).toBe('failed');
    expect(step.counterexample?.values.x).toBeDefined();
  });
});

describe('diff nested deep', () => {
  const nested = (n: number, body: string) => `${'diff('.repeat(n)}${body}${', x)'.repeat(n)}`;
  it('1000 deep: exit 2 naming MAX_NESTING', () => {
    const text = steps(nested(1000, 'x'));
    expectRefused(files.path('diff-1000.yaml', text), text, 'MAX_NESTING');
  });
  // within the bracket limit, each level of the product rule multiplies the
  // derivative's size (this ran out of memory before MAX_DERIVATIVE_SIZE)
  it.each([
    [30, 'MAX_DERIVATIVE_SIZE'],
    [150, 'MAX_DIFF_NESTING'],
  ])('%i deep: exit 2 naming %s, in memory and in time', (n, limit) => {
    const text = steps(nested(n, 'sin(x)*cos(x)'), '0');
    expectRefused(files.path(`diff-${n}.yaml`, text), text, limit);
  });
});
