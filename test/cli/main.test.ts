/**
 * Argument handling of `verify`, in-process; none of these depend on the
 * checker's verdicts (end-to-end verdict tests live with the checker).
 */
import { describe, expect, it } from 'vitest';
import { runVerify } from './capture.js';

describe('verify --help and --version', () => {
  it('prints usage with both examples and exits 0', async () => {
    const run = await runVerify('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('verify derivations/sigmoid-belief-net.yaml');
    expect(run.stdout).toContain('verify --strict --format json derivations/*.yaml');
    expect(run.stdout).toContain('--seed');
    expect(run.stdout).toContain('Exit status');
    expect(run.stderr).toBe('');
  });

  it('prints the package version and exits 0', async () => {
    const run = await runVerify('--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('verify with a file that cannot be read', () => {
  it('exits 2 and names the file at file:1:1', async () => {
    const run = await runVerify('--no-color', 'no/such/derivation.yaml');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('no/such/derivation.yaml:1:1');
    expect(run.stdout).toContain('cannot read no/such/derivation.yaml');
    expect(run.stdout).toContain('1 file: 0 proved, 0 numeric, 0 failed, 1 error');
  });

  it('reports it in JSON as an error step at location file', async () => {
    const run = await runVerify('--format', 'json', 'no/such/derivation.yaml');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { file: string; ok: boolean; steps: unknown[] }[] };
    expect(report.files).toEqual([
      expect.objectContaining({
        file: 'no/such/derivation.yaml',
        ok: false,
        steps: [expect.objectContaining({ location: 'file', line: 1, column: 1, status: 'error' })],
      }),
    ]);
  });

  it('treats a directory without derivation files as an input error', async () => {
    // a directory stands for the *.yaml / *.yml files in it (test/cli/inputs.test.ts); test/ has none
    const run = await runVerify('--no-color', 'test');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('the directory test has no derivation files (*.yaml, *.yml) in it; use --recursive');
  });
});

describe('verify with bad usage', () => {
  const usage: [string, string[], RegExp][] = [
    ['an unknown --format', ['--format', 'xml', 'a.yaml'], /format/],
    ['an unknown option', ['--bogus', 'a.yaml'], /Unknown argument: bogus/],
    ['no file', [], /at least one derivation file/],
    ['a seed that is not a number', ['--seed', 'abc', 'a.yaml'], /--seed/],
    ['a negative seed', ['--seed', '-1', 'a.yaml'], /--seed/],
    ['zero samples', ['--samples', '0', 'a.yaml'], /--samples/],
  ];
  it.each(usage)('exits 2 on %s, with a message and no stack trace', async (_name, args, message) => {
    const run = await runVerify(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("Run 'verify --help' for usage.");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});
