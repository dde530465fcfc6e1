/**
 * Hostile sizes: a derivation of 10000 steps, a million sample points asked
 * for on the command line, a unit literal that would make a network of a
 * million units. Each must end within 2 s, exit 2, with a location and the
 * limit's name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ANSWER_WITHIN_MS, checkInProcess, expectOrderly, expectRefused, runCli, scratch } from './harness.js';

const files = scratch('sizes');
afterAll(files.cleanup);

// the core cannot prove this one, so the numeric layer is asked
const NUMERIC_ONLY =
  'title: numeric only\nsymbols:\n  x: {domain: positive, opaque: false}\nsteps:\n  - expr: atan(x) + atan(1/x)\n  - expr: pi / 2\n';

describe('sizes requested by the input or the flags', () => {
  it('a derivation with 10000 steps: exit 2 naming MAX_STEPS', () => {
    const text = `title: long\nsteps:\n${Array.from({ length: 10_000 }, (_, k) => `  - expr: x + ${k} - ${k}\n`).join('')}`;
    expectRefused(files.path('steps.yaml', text), text, 'MAX_STEPS');
  });

  it('--samples 1000000: a usage error naming MAX_SAMPLES, before any checking', () => {
    const file = files.path('numeric.yaml', NUMERIC_ONLY);
    const run = runCli('--samples', '1000000', file);
    expectOrderly(run);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/--samples must be at most \d+ \(limit MAX_SAMPLES\)/);
  });

  it("a million samples asked for through the library: the numeric check refuses, naming MAX_SAMPLES, with the step's place", () => {
    const { result, ms } = checkInProcess('numeric.yaml', NUMERIC_ONLY, 1_000_000);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    const step = result.steps.find((s) => s.location === 'steps[1]')!;
    expect(step).toMatchObject({ status: 'error', line: 6, column: 11 });
    expect(step.message).toContain('MAX_SAMPLES');
  });

  it('sums over a network of a million units (a unit literal): exit 2 naming MAX_UNITS', () => {
    const text = [
      'title: a million units',
      'symbols:',
      '  w: {indices: 1}',
      '  k: index',
      'steps:',
      '  - expr: sum(k, asin(sin(w[k] / 10))) + w[1000000]',
      '  - expr: w[1000000] + sum(k, w[k] / 10)',
      '',
    ].join('\n');
    expectRefused(files.path('units.yaml', text), text, 'MAX_UNITS');
  });
});
