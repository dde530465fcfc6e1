/**
 * --quiet: the text report keeps only the files that are not accepted, with
 * only their failed and error steps, and the summary; the summary also gives
 * the number of steps and the time.
 */
import { describe, expect, it } from 'vitest';
import { runVerify } from './capture.js';

const PASSING = 'derivations/softplus.yaml';
const WRONG = 'derivations/wrong/sign-slip.yaml';

describe('verify --quiet', () => {
  it('shows only the failed step of the wrong file, and the summary', async () => {
    const full = await runVerify('--no-color', PASSING, WRONG);
    const quiet = await runVerify('--no-color', '--quiet', PASSING, WRONG);
    expect(quiet.code).toBe(full.code);
    expect(quiet.code).toBe(1);
    // the full report shows the passing file and the wrong file's proved steps; quiet shows neither
    expect(full.stdout).toContain(`${PASSING}:`);
    expect(full.stdout).toMatch(/✓ proved +derivations\/wrong\/sign-slip\.yaml/);
    expect(quiet.stdout).not.toContain(PASSING);
    expect(quiet.stdout).not.toMatch(/✓ proved/);
    expect(quiet.stdout).not.toContain('Premises');
    expect(quiet.stdout).toMatch(/✗ failed +derivations\/wrong\/sign-slip\.yaml:\d+:\d+ +cases\[1\]\.steps\[1\]/);
    expect(quiet.stdout).toContain('counterexample:');
    // the same summary line, counting every file and step
    const last = (s: string) =>
      s
        .trimEnd()
        .split('\n')
        .at(-1)!
        .replace(/ in \d+\.\d\d s$/, '');
    expect(last(quiet.stdout)).toBe(last(full.stdout));
    expect(last(quiet.stdout)).toMatch(/^2 files: \d+ proved, 0 numeric, 1 failed, 0 errors; \d+ steps$/);
  });

  it('with only passing files prints just the summary', async () => {
    const run = await runVerify('--no-color', '--quiet', PASSING);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 file: \d+ proved, 0 numeric, 0 failed, 0 errors; \d+ steps in \d+\.\d\d s\n$/);
  });

  it('does not change the JSON report', async () => {
    const plain = await runVerify('--format', 'json', WRONG);
    const quiet = await runVerify('--format', 'json', '--quiet', WRONG);
    expect(quiet.stdout).toBe(plain.stdout);
  });
});
