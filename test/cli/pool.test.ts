/**
 * The pool's heuristic (pool.ts, worthWorkers): workers start only when the
 * files left are estimated to take WORKER_WORTH_MS (1 s) or more in this
 * thread, from their size at PRIOR_MS_PER_KB before any file is measured,
 * then at the CPU time per byte measured on this thread's files.
 */
import { describe, expect, test } from 'vitest';
import { PRIOR_MS_PER_KB, WORKER_WORTH_MS, worthWorkers } from '../../src/cli/pool.js';

describe('worthWorkers', () => {
  test('before any file is measured: 15 ms per KB, so 150 KB of derivations is worth a worker, 100 KB is not', () => {
    expect(PRIOR_MS_PER_KB).toBe(15);
    expect(WORKER_WORTH_MS).toBe(2000);
    expect(worthWorkers(150 * 1024)).toBe(true);
    expect(worthWorkers(100 * 1024)).toBe(false);
    expect(worthWorkers(0)).toBe(false);
  });

  test('once measured, the rate of this thread decides: slow files make a few KB worth it, fast ones do not', () => {
    // 1 s for 2 KB measured (a big network): 4 KB left is 2 s of work
    expect(worthWorkers(4 * 1024, { ms: 1000, bytes: 2048 })).toBe(true);
    // 20 ms for 2 KB measured: 150 KB left is 1.5 s
    expect(worthWorkers(150 * 1024, { ms: 20, bytes: 2048 })).toBe(false);
    // nothing measured yet (bytes 0): the prior
    expect(worthWorkers(150 * 1024, { ms: 0, bytes: 0 })).toBe(true);
  });
});
