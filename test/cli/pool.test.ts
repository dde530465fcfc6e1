/**
 * The pool's heuristic (pool.ts, worthWorkers): workers start only when the
 * files left are estimated to take WORKER_WORTH_MS (250 ms) or more in this
 * thread, from their size at PRIOR_MS_PER_KB before any file is measured,
 * then at the CPU time per byte measured on this thread's files.
 */
import { describe, expect, test } from 'vitest';
import { PRIOR_MS_PER_KB, WORKER_WORTH_MS, worthWorkers } from '../../src/cli/pool.js';

describe('worthWorkers', () => {
  test('before any file is measured: 9 ms per KB, so the shipped derivations (33 KB) are worth a worker, one file is not', () => {
    expect(PRIOR_MS_PER_KB).toBe(9);
    expect(WORKER_WORTH_MS).toBe(250);
    expect(worthWorkers(33 * 1024)).toBe(true);
    expect(worthWorkers(4 * 1024)).toBe(false);
    expect(worthWorkers(0)).toBe(false);
  });

  test('once measured, the rate of this thread decides: slow files make a few KB worth it, fast ones do not', () => {
    // 1 s for 2 KB measured (a big network): 4 KB left is 2 s of work
    expect(worthWorkers(4 * 1024, { ms: 1000, bytes: 2048 })).toBe(true);
    // 2 ms for 2 KB measured: 150 KB left is 150 ms
    expect(worthWorkers(150 * 1024, { ms: 2, bytes: 2048 })).toBe(false);
    // nothing measured yet (bytes 0): the prior
    expect(worthWorkers(150 * 1024, { ms: 0, bytes: 0 })).toBe(true);
  });
});
