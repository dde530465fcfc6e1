import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { allProved, mixed, withError } from './fixtures.js';

interface JsonReport {
  files: {
    file: string;
    title: string;
    ok: boolean;
    steps: {
      location: string;
      line: number;
      status: string;
      message: string;
      counterexample?: unknown;
      [extra: string]: unknown;
    }[];
  }[];
  summary: Record<string, number>;
}

const parse = (text: string) => JSON.parse(text) as JsonReport;

describe('formatJson', () => {
  it('is one JSON document with the contract fields', () => {
    const report = parse(formatJson([mixed, allProved]));
    expect(report.files.map((f) => [f.file, f.title, f.ok])).toEqual([
      [mixed.file, mixed.title, false],
      [allProved.file, allProved.title, true],
    ]);
    for (const f of report.files) {
      for (const s of f.steps) {
        expect(typeof s.location).toBe('string');
        expect(Number.isInteger(s.line)).toBe(true);
        expect(['proved', 'numeric', 'failed', 'error']).toContain(s.status);
        expect(typeof s.message).toBe('string');
      }
    }
  });

  it('keeps each step location, line and status', () => {
    const steps = parse(formatJson([mixed])).files[0]!.steps;
    expect(steps.map((s) => [s.location, s.line, s.status])).toEqual([
      ['steps[0]', 20, 'proved'],
      ['cases[1].steps[0]', 41, 'numeric'],
      ['cases[1].steps[1]', 43, 'failed'],
    ]);
  });

  it('gives a counterexample only to the failed step, with both sides and the seed', () => {
    const steps = parse(formatJson([mixed])).files[0]!.steps;
    expect(steps.filter((s) => 'counterexample' in s).map((s) => s.location)).toEqual(['cases[1].steps[1]']);
    expect(steps[2]!.counterexample).toEqual(mixed.steps[2]!.counterexample);
  });

  it('adds the optional extras that are present and omits absent ones', () => {
    const steps = parse(formatJson([mixed, withError])).files.flatMap((f) => f.steps);
    expect(steps[0]).toMatchObject({ column: 11, expr: 'diff(log(pN), w[i, j])', rules: ['log-product'] });
    expect(steps[0]).not.toHaveProperty('by');
    expect(steps[1]).toMatchObject({ by: 'p(s_i) = p(s_i = 0)', evidence: { points: 200, skipped: 3, seed: 7 } });
    expect(steps[3]).toMatchObject({ status: 'error', code: 'unknown-function' });
  });

  it('summarises the verdicts', () => {
    expect(parse(formatJson([mixed, allProved, withError])).summary).toEqual({
      files: 3,
      proved: 3,
      numeric: 1,
      failed: 1,
      errors: 1,
    });
  });

  it('reports no files as an empty list', () => {
    expect(parse(formatJson([])).files).toEqual([]);
  });
});
