/**
 * verify gradcheck samples networks freely, so it cannot honour a file's
 * assumed equations: on the softmax cross-entropy (which needs sum(k, t[k])
 * = 1) it once reported FAILED for a correct derivation. Such a file is
 * refused with the reason, like a symmetric array.
 */
import { describe, expect, it } from 'vitest';
import { runVerify } from './capture.js';

describe('verify gradcheck on a file with assume', () => {
  it('is refused with exit 2, naming the assumption, never FAILED', async () => {
    const run = await runVerify('gradcheck', 'derivations/softmax-cross-entropy.yaml', '--units', '3');
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain('FAILED');
    expect(run.stdout + run.stderr).toContain('sum(k, t[k]) = 1');
  });
});
