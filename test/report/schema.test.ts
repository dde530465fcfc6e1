/**
 * docs/report.schema.json describes `verify --format json` exactly: real
 * output (every shipped derivation, passing, wrong and erroneous, plus a
 * numeric step, a timeout and an unreadable file) validates against it, and
 * output that breaks the contract does not.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expandInputs } from '../../src/cli/inputs.js';
import { checkInput } from '../../src/cli/check-file.js';
import { verifyText } from '../../src/derivation/verify.js';
import { MAX_SAMPLES } from '../../src/verdict/settings.js';
import type { FileResult } from '../../src/verdict/result.js';
import { formatJson } from '../../src/report/json.js';
import { type Schema, validate } from '../helpers/json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8')) as Schema;

/** a step the core cannot prove and sampling confirms: numeric */
const NUMERIC = `title: numeric only
symbols:
  x: {domain: positive, opaque: false}
steps:
  - expr: atan(x) + atan(1/x)
  - expr: pi / 2
`;

async function realResults(): Promise<FileResult[]> {
  const options = { seed: 1, strict: false };
  const inputs = [
    ...expandInputs(['derivations'], true),
    ...expandInputs(['no/such/file.yaml']),
    ...expandInputs(['derivations/*.nothing']),
  ];
  const results = [];
  for (const input of inputs) results.push((await checkInput(input, options)).result);
  results.push(verifyText('numeric.yaml', NUMERIC, options));
  // a limit so small the numeric check cannot finish: a timeout error step
  results.push(verifyText('timeout.yaml', NUMERIC, { ...options, stepTimeoutMs: 1, samples: MAX_SAMPLES }));
  return results;
}

describe('docs/report.schema.json', () => {
  it('is a draft 2020-12 schema', () => {
    expect((schema as Record<string, unknown>).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the JSON report of every shipped derivation and of each kind of problem', async () => {
    const results = await realResults();
    const report = JSON.parse(formatJson(results)) as {
      files: {
        steps: {
          status: string;
          code?: string;
          counterexample?: unknown;
          evidence?: unknown;
          diagnosis?: { mistake?: unknown };
        }[];
      }[];
    };
    expect(validate(schema, report)).toEqual([]);
    // the output covered what the schema describes, so the check above was not vacuous
    const steps = report.files.flatMap((f) => f.steps);
    expect(new Set(steps.map((s) => s.status))).toEqual(new Set(['proved', 'numeric', 'failed', 'error']));
    expect(steps.some((s) => s.counterexample !== undefined)).toBe(true);
    expect(steps.some((s) => s.evidence !== undefined)).toBe(true);
    // derivations/teaching: a diagnosed mistake
    expect(steps.some((s) => s.diagnosis?.mistake !== undefined)).toBe(true);
    for (const code of ['cannot-read', 'no-files', 'timeout', 'syntax'])
      expect(steps.map((s) => s.code)).toContain(code);
  });

  it('rejects reports that break the contract', async () => {
    const report = JSON.parse(formatJson([verifyText('numeric.yaml', NUMERIC, { seed: 1, strict: false })])) as {
      files: Record<string, unknown>[];
    };
    const file = report.files[0]!;
    const step = (file.steps as Record<string, unknown>[])[0]!;
    const broken: [string, unknown][] = [
      ['a file without ok', { ...report, files: [{ ...file, ok: undefined }] }],
      ['a step without a line', { ...report, files: [{ ...file, steps: [{ ...step, line: undefined }] }] }],
      ['an unknown status', { ...report, files: [{ ...file, steps: [{ ...step, status: 'maybe' }] }] }],
      ['a line of 0', { ...report, files: [{ ...file, steps: [{ ...step, line: 0 }] }] }],
      ['a renamed field', { ...report, files: [{ ...file, steps: [{ ...step, loc: 'x' }] }] }],
    ];
    for (const [name, value] of broken) {
      // JSON round trip: an undefined field is an absent one, as in real output
      expect(validate(schema, JSON.parse(JSON.stringify(value))), name).not.toEqual([]);
    }
  });
});
