import { describe, expect, it } from 'vitest';
import { exitCode } from '../../src/cli/exit-code.js';
import type { FileResult, StepStatus } from '../../src/verdict/result.js';

/** a file with one step of each given status; ok as the checker would set it */
function file(statuses: StepStatus[], strict = false): FileResult {
  const ok = statuses.every((s) => s === 'proved' || (s === 'numeric' && !strict));
  return {
    file: 'f.yaml',
    title: 't',
    ok,
    seed: 1,
    premises: [],
    steps: statuses.map((status, n) => ({ location: `steps[${n}]`, line: n + 1, column: 1, status, message: '' })),
  };
}

describe('exitCode', () => {
  it('is 0 when every step is proved or numeric', () => {
    expect(exitCode([file(['proved', 'numeric']), file(['proved'])], false)).toBe(0);
  });
  it('is 1 when a step failed', () => {
    expect(exitCode([file(['proved']), file(['proved', 'failed'])], false)).toBe(1);
  });
  it('is 2 when a step is an error, even beside a failure', () => {
    expect(exitCode([file(['failed']), file(['error'])], false)).toBe(2);
  });
  it('is 1 under --strict when a step is only numeric', () => {
    expect(exitCode([file(['proved', 'numeric'], true)], true)).toBe(1);
    expect(exitCode([file(['proved'], true)], true)).toBe(0);
  });
  it('fails closed: a file the checker did not mark ok is not accepted', () => {
    expect(exitCode([{ ...file(['proved']), ok: false }], false)).toBe(1);
    expect(exitCode([{ ...file(['numeric']), ok: true }], true)).toBe(1);
  });
});
