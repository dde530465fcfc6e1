/**
 * --step-timeout MS: a step not checked within MS milliseconds is an error
 * with code `timeout` whose message names the limit; the exit status is 2.
 * A limit of 1 ms with MAX_SAMPLES (1000) sample points per instance cannot
 * be met by a step the core does not prove, on any machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SAMPLES } from '../../src/verdict/settings.js';
import { runVerify } from './capture.js';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derivcheck-timeout-'));
  file = join(dir, 'numeric.yaml');
  // the core cannot prove this identity; sampling confirms it
  writeFileSync(
    file,
    'title: numeric only\nsymbols:\n  x: {domain: positive, opaque: false}\nsteps:\n  - expr: atan(x) + atan(1/x)\n  - expr: pi / 2\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Report = { files: { steps: { location: string; status: string; code?: string; message: string }[] }[] };

describe('verify --step-timeout', () => {
  it('reports a step not checked in time as an error with code timeout, naming the limit', async () => {
    const run = await runVerify('--format', 'json', '--step-timeout', '1', '--samples', String(MAX_SAMPLES), file);
    expect(run.code).toBe(2);
    const step = (JSON.parse(run.stdout) as Report).files[0]!.steps.find((s) => s.location === 'steps[1]')!;
    expect(step).toMatchObject({ status: 'error', code: 'timeout' });
    expect(step.message).toMatch(/^not checked within 1 ms \(--step-timeout\)/);
  });

  it('changes nothing when the limit is generous', async () => {
    const run = await runVerify('--format', 'json', '--step-timeout', '600000', file);
    expect(run.code).toBe(0);
    const statuses = (JSON.parse(run.stdout) as Report).files[0]!.steps.map((s) => s.status);
    expect(statuses).toEqual(['proved', 'numeric']);
  });

  it('refuses a limit that is not a positive integer', async () => {
    for (const bad of ['0', '-5', '2.5', 'soon']) {
      const run = await runVerify('--step-timeout', bad, file);
      expect(run.code, bad).toBe(2);
      expect(run.stderr, bad).toMatch(/--step-timeout/);
    }
  });
});
