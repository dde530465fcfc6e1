/**
 * A bug in the checker (an exception) is shown as `internal error: ...`,
 * exit 2, and no stack trace unless DERIVCHECK_DEBUG=1. The checker is
 * replaced by a stub here so the test does not depend on its verdicts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runVerify } from './capture.js';

const verifyFile = vi.hoisted(() => vi.fn());
vi.mock('../../src/derivation/verify.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  verifyFile,
}));

afterEach(() => {
  verifyFile.mockReset();
  delete process.env.DERIVCHECK_DEBUG;
});

describe('verify when the checker throws', () => {
  it('prints internal error without a stack trace and exits 2', async () => {
    verifyFile.mockRejectedValue(new Error('boom'));
    const run = await runVerify('package.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^internal error: boom\n/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace with DERIVCHECK_DEBUG=1', async () => {
    process.env.DERIVCHECK_DEBUG = '1';
    verifyFile.mockRejectedValue(new Error('boom'));
    const run = await runVerify('package.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('verify passes options through and maps verdicts to the exit status', () => {
  it('calls the checker with the seed, strictness and samples, and exits 1 on a failed step', async () => {
    verifyFile.mockResolvedValue({
      file: 'package.json',
      title: 'stub',
      ok: false,
      seed: 9,
      premises: [],
      steps: [{ location: 'steps[1]', line: 3, column: 5, status: 'failed', message: 'differs' }],
    });
    const run = await runVerify('--seed', '9', '--samples', '50', '--strict', '--no-color', 'package.json');
    expect(verifyFile).toHaveBeenCalledWith('package.json', { seed: 9, strict: true, samples: 50, explain: false });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('package.json:3:5');
  });

  it('uses the default seed 1 when none is given', async () => {
    verifyFile.mockResolvedValue({ file: 'package.json', title: 'stub', ok: true, seed: 1, premises: [], steps: [] });
    const run = await runVerify('package.json');
    expect(verifyFile).toHaveBeenCalledWith('package.json', { seed: 1, strict: false, explain: false });
    expect(run.code).toBe(0);
  });
});
