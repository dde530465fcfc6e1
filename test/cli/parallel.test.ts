/**
 * `verify` on many files with worker threads, as a user runs it (node
 * bin/verify.js on the built dist/; npm test builds it first): the report
 * is the same whatever --jobs, in the order of the arguments, and a
 * directory of passing derivations exits 0 until a wrong one joins it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../../src/cli/inputs.js';

const verify = (...args: string[]) => verifyWith({}, ...args);
const verifyWith = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/verify.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** the pool's schedule, as DERIVCHECK_DEBUG_POOL=1 prints it */
const poolTrace = (err: string) =>
  JSON.parse(/^verify: pool (.*)$/m.exec(err)![1]!) as { workers: number; startedAfter?: number; here: number };
const fileNames = (json: string) => (JSON.parse(json) as { files: { file: string }[] }).files.map((f) => f.file);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derivcheck-parallel-'));
  for (const f of readdirSync('derivations').filter((x) => x.endsWith('.yaml')))
    copyFileSync(join('derivations', f), join(dir, f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** why: each test runs several whole `verify` processes; on a loaded machine that takes far longer than vitest's 5 s default (a hang guard, not a speed test) */
const PROCESS_TESTS_TIMEOUT_MS = 180_000;

describe('verify --jobs', { timeout: PROCESS_TESTS_TIMEOUT_MS }, () => {
  it('gives the same JSON report and exit status with 1 and 2 jobs, files in sorted order', () => {
    const one = verify('--jobs', '1', '--format', 'json', '--recursive', 'derivations');
    const two = verify('--jobs', '2', '--format', 'json', '--recursive', 'derivations');
    expect(two.err).toBe('');
    expect(two.code).toBe(one.code);
    expect(two.out).toBe(one.out);
    const expected = expandInputs(['derivations'], true).map((i) => (i.kind === 'file' ? i.path : i.arg));
    expect(fileNames(two.out)).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(20);
  });

  it('reports in the order of the arguments, not of completion', () => {
    // the slow seed derivation first: with two workers the quick ones finish before it
    const args = [
      'derivations/sigmoid-belief-net.yaml',
      'derivations/wrong/sign-slip.yaml',
      'no/such/file.yaml',
      'derivations/softplus.yaml',
      'derivations/errors',
    ];
    const r = verify('--jobs', '2', '--format', 'json', ...args);
    const errors = readdirSync('derivations/errors')
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => `derivations/errors/${f}`);
    expect(fileNames(r.out)).toEqual([...args.slice(0, 4), ...errors]);
    expect(r.code).toBe(2);
  });

  it('a directory of passing derivations exits 0; with one wrong file added it exits 1 and the github format names its file and line', () => {
    const ok = verify('--jobs', '2', dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/\d+ files: \d+ proved, \d+ numeric, 0 failed, 0 errors; \d+ steps in \d+\.\d\d s\n$/);

    copyFileSync('derivations/wrong/sign-slip.yaml', join(dir, 'sign-slip.yaml'));
    const bad = verify('--jobs', '2', '--format', 'github', dir);
    expect(bad.code).toBe(1);
    const errors = bad.out.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    const line = readLineOf('derivations/wrong/sign-slip.yaml', 'cases[1].steps[1]');
    expect(errors[0]).toContain(`::error file=${join(dir, 'sign-slip.yaml')},line=${line},`);
  });

  it('the default --jobs keeps a small run in one thread, and starts a worker at once for 100 files (about 160 KB)', () => {
    const small = verifyWith(
      { DERIVCHECK_DEBUG_POOL: '1' },
      'derivations/softplus.yaml',
      'derivations/tanh-derivative.yaml',
    );
    expect(poolTrace(small.err)).toEqual({ workers: 0, here: 2 });
    // (the derivations folder, 65 KB since the soundness re-check of every proof, may now be worth a worker)
    const many = mkdtempSync(join(tmpdir(), 'derivcheck-pool-'));
    try {
      const sources = readdirSync('derivations').filter((x) => x.endsWith('.yaml'));
      for (let k = 0; k < 100; k++)
        copyFileSync(join('derivations', sources[k % sources.length]!), join(many, `d${k}.yaml`));
      const big = verifyWith({ DERIVCHECK_DEBUG_POOL: '1' }, '--format', 'json', many);
      const one = verify('--jobs', '1', '--format', 'json', many);
      expect(big.out).toBe(one.out);
      if (availableParallelism() >= 2) {
        const t = poolTrace(big.err);
        expect(t).toMatchObject({ workers: 1, startedAfter: 0 });
        // the worker checked some of them
        expect(t.here).toBeLessThan(100);
      }
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });

  it('refuses a --jobs that is not a positive integer', () => {
    for (const bad of ['0', '-1', '1.5', 'x']) {
      const r = verify('--jobs', bad, 'derivations/softplus.yaml');
      expect(r.code, bad).toBe(2);
      expect(r.err, bad).toMatch(/--jobs/);
    }
  });
});

/** the line of the step at `location` in a derivation, as the JSON report gives it (in this process, from the sources) */
function readLineOf(file: string, location: string): number {
  const r = verify('--jobs', '1', '--format', 'json', file);
  const steps = (JSON.parse(r.out) as { files: { steps: { location: string; line: number }[] }[] }).files[0]!.steps;
  return steps.find((s) => s.location === location)!.line;
}
