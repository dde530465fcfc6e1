/**
 * End to end over the shipped derivations: every file in derivations/ passes
 * (the seed with every step proved), every file in derivations/wrong/ fails
 * at exactly the step its `# expect-fail:` comment names, with a
 * counterexample, and every file in derivations/errors/ is an input error at
 * the place its `# expect-error:` comment names.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFile } from '../src/derivation/verify.js';

const dir = new URL('../derivations/', import.meta.url).pathname;
const yamlIn = (sub: string) =>
  readdirSync(join(dir, sub))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, sub, f));
const options = { seed: 1, strict: false };

describe('derivations that must pass', () => {
  it('the seed derivation: every step of both cases proved', async () => {
    const r = await verifyFile(join(dir, 'sigmoid-belief-net.yaml'), { seed: 1, strict: true });
    const notProved = r.steps
      .filter((s) => s.status !== 'proved')
      .map((s) => `${s.location}: ${s.status} ${s.message}`);
    expect(notProved).toEqual([]);
    expect(r.ok).toBe(true);
    const locations = r.steps.map((s) => s.location);
    for (const loc of [
      'steps[0]',
      'steps[3]',
      'cases[0].steps[0]',
      'cases[0].steps[4]',
      'cases[1].steps[5]',
      'cases[0].claim.rhs',
      'cases[1].claim.rhs',
    ]) {
      expect(locations).toContain(loc);
    }
  });
  for (const file of yamlIn('.')) {
    it(`${file.slice(dir.length)} passes`, async () => {
      const r = await verifyFile(file, options);
      const bad = r.steps
        .filter((s) => s.status === 'failed' || s.status === 'error')
        .map((s) => `${s.location}: ${s.message}`);
      expect(bad).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }
});

describe('derivations that must fail', () => {
  const files = yamlIn('wrong');
  it('there are at least 8', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const file of files) {
    const expected = /^# expect-fail: (\S+)/m.exec(readFileSync(file, 'utf8'))?.[1];
    it(`${file.slice(dir.length)} fails at ${expected} and nowhere else`, async () => {
      expect(expected).toBeDefined();
      const r = await verifyFile(file, options);
      const failed = r.steps.filter((s) => s.status !== 'proved' && s.status !== 'numeric');
      expect(failed.map((s) => `${s.location}: ${s.status}`)).toEqual([`${expected}: failed`]);
      expect(failed[0]!.counterexample).toBeDefined();
      expect(r.ok).toBe(false);
    });
  }
});

describe('derivations that are input errors', () => {
  for (const file of yamlIn('errors')) {
    const m = /^# expect-error: (\d+):(\d+) (\S+)/m.exec(readFileSync(file, 'utf8'));
    it(`${file.slice(dir.length)} is an error at ${m?.[1]}:${m?.[2]} (${m?.[3]})`, async () => {
      expect(m).not.toBeNull();
      const r = await verifyFile(file, options);
      const errors = r.steps.filter((s) => s.status === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((e) => `${e.line}:${e.column} ${e.code}`)).toContain(`${m![1]}:${m![2]} ${m![3]}`);
      expect(errors.every((e) => e.message.length > 20 && !/\n\s+at /.test(e.message))).toBe(true);
    });
  }
});

describe('the LaTeX twin of the seed', () => {
  it('verifies with --strict, every step proved', async () => {
    const r = await verifyFile(join(dir, 'sigmoid-belief-net-latex.yaml'), { seed: 1, strict: true });
    expect(r.steps.filter((s) => s.status !== 'proved')).toEqual([]);
    expect(r.ok).toBe(true);
  });
  it('reads, step for step, to the same expressions as the ASCII seed', async () => {
    const [ascii, latex] = await Promise.all(
      ['sigmoid-belief-net.yaml', 'sigmoid-belief-net-latex.yaml'].map((f) => verifyFile(join(dir, f), options)),
    );
    const exprs = (r: typeof ascii) => r.steps.map((s) => `${s.location} ${s.expr}`);
    expect(exprs(latex)).toEqual(exprs(ascii));
  });
});

describe('version 2 migration of the library', () => {
  it('the Boltzmann learning rule keeps its partition function opaque (a version-1 default made Z independent of w)', async () => {
    const r = await verifyFile(join(dir, 'boltzmann-learning-rule.yaml'), { seed: 1, strict: true });
    expect(r.premises?.map((p) => p.text)).toContain('Z is an opaque quantity (domain positive)');
    expect(r.steps.some((s) => s.rules?.includes('d.opaque'))).toBe(true);
    expect(r.ok).toBe(true);
  });
});
