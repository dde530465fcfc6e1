/**
 * The installed command, as a user runs it: `node bin/verify.js` on the
 * compiled dist/ (npm test builds it first), checking exit statuses, the
 * JSON contract and error locations.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const verify = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/verify.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('verify (the built command)', () => {
  it('--strict on the seed derivation exits 0 with every step proved', () => {
    const r = verify('--strict', '--format', 'json', 'derivations/sigmoid-belief-net.yaml');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const steps = json.files[0].steps;
    expect(steps.length).toBeGreaterThanOrEqual(17);
    expect(steps.every((s: { status: string }) => s.status === 'proved')).toBe(true);
    for (const s of steps) {
      expect(typeof s.location).toBe('string');
      expect(Number.isInteger(s.line)).toBe(true);
      expect(typeof s.message).toBe('string');
    }
  });
  it('every wrong derivation exits 1 and its JSON names the failed step with a counterexample', () => {
    const files = readdirSync('derivations/wrong')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `derivations/wrong/${f}`);
    const r = verify('--format', 'json', ...files);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.files).toHaveLength(files.length);
    for (const f of json.files) {
      const failed = f.steps.filter((s: { status: string }) => s.status === 'failed');
      expect(failed.length, f.file).toBe(1);
      expect(failed[0].counterexample, f.file).toBeDefined();
      expect(f.ok).toBe(false);
    }
  });
  it('bad input exits 2 with file:line:column and a sentence, and no stack trace', () => {
    for (const f of readdirSync('derivations/errors').filter((x) => x.endsWith('.yaml'))) {
      const r = verify(`derivations/errors/${f}`);
      expect(r.code, f).toBe(2);
      expect(r.out + r.err, f).toMatch(new RegExp(`derivations/errors/${f.replace('.', '\\.')}:\\d+:\\d+`));
      expect(r.out + r.err, f).not.toMatch(/\n\s+at .*\.js:\d+/);
    }
  });
  it('a missing file exits 2', () => {
    expect(verify('derivations/no-such-file.yaml').code).toBe(2);
  });
  it('--format html honours --quiet and --explain: a jump list to what failed, normal forms only when asked', () => {
    const files = ['derivations/softplus.yaml', 'derivations/wrong/sign-slip.yaml'];
    const full = verify('--format', 'html', ...files);
    expect(full.code).toBe(1);
    expect(full.out).toContain('<h2>Derivative of softplus</h2>');
    expect(full.out).toMatch(/<nav class="jump"[^>]*><h2>1 step not accepted, in 1 file<\/h2>/);
    expect(full.out).not.toContain('normal form');
    const quiet = verify('--format', 'html', '--quiet', ...files);
    expect(quiet.out).not.toContain('<h2>Derivative of softplus</h2>');
    expect(quiet.out.match(/<li class="step /g)).toHaveLength(1);
    expect(verify('--format', 'html', '--explain', ...files).out).toContain('normal form of this side');
  });
});
