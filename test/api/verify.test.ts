/** The library's verifyFile and verifyDerivation: the checker's results, with the CLI's defaults. */
import { describe, expect, it } from 'vitest';
import { type VerifyOptions, equivalent, verifyDerivation, verifyFile } from '../../src/index.js';
import { librarySettings } from '../../src/api/verify.js';

const seed = new URL('../../derivations/sigmoid-belief-net.yaml', import.meta.url).pathname;

describe('verifyFile', () => {
  it('checks a file with the default options: the seed derivation, every step proved', async () => {
    const r = await verifyFile(seed);
    expect(r.ok).toBe(true);
    expect(r.seed).toBe(1);
    expect(r.steps.length).toBeGreaterThan(10);
    expect(r.steps.every((s) => s.status === 'proved')).toBe(true);
  });
  it('an unreadable path is a result with an error step, not a rejection', async () => {
    const r = await verifyFile('/no/such/file.yaml');
    expect(r.ok).toBe(false);
    expect(r.steps.map((s) => [s.status, s.code])).toEqual([['error', 'cannot-read']]);
  });
});

describe('verifyDerivation', () => {
  const text = (rhs: string) =>
    `title: t\nsymbols:\n  x: {domain: positive, opaque: false}\nsteps:\n  - expr: log(x^2)\n  - expr: ${rhs}\n`;
  it('a true step under a declared domain is proved; `file` names the text', () => {
    const r = verifyDerivation(text('2*log(x)'), { file: 'mine.yaml' });
    expect(r.file).toBe('mine.yaml');
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
    expect(r.ok).toBe(true);
  });
  it('a wrong step fails with a counterexample; the default name is <derivation>', () => {
    const r = verifyDerivation(text('3*log(x)'));
    expect(r.file).toBe('<derivation>');
    expect(r.steps[1]!.status).toBe('failed');
    expect(r.steps[1]!.counterexample).toBeDefined();
    expect(r.ok).toBe(false);
  });
  it('strict rejects numeric evidence; the seed option reaches the numeric check', () => {
    // atan(x) + atan(1/x) = pi/2 for x > 0 is beyond the normal form: numeric, not proved
    const yaml =
      'title: t\nsymbols:\n  x: {domain: positive, opaque: false}\nsteps:\n  - expr: atan(x) + atan(1/x)\n  - expr: pi/2\n';
    const loose = verifyDerivation(yaml, { seed: 7 });
    expect(loose.steps[1]!.status).toBe('numeric');
    expect(loose.steps[1]!.evidence?.seed).toBe(7);
    expect(loose.ok).toBe(true);
    expect(verifyDerivation(yaml, { strict: true }).ok).toBe(false);
  });
  it('explain, as --explain: a proved step carries its normal forms, a failed one where it first differs', () => {
    const plain = verifyDerivation(text('2*log(x)'));
    expect(plain.steps[1]!.explanation).toBeUndefined();
    const proved = verifyDerivation(text('2*log(x)'), { explain: true });
    expect(proved.steps[1]!.explanation?.normalForms).toBeDefined();
    const failed = verifyDerivation(text('3*log(x)'), { explain: true });
    expect(failed.steps[1]!.explanation?.difference).toBeDefined();
  });
  it('the settings a library call runs with: the options over the defaults, nothing else a caller passed', () => {
    const given = { seed: 3, stepTimeoutMs: 500, hints: false, file: 'x.yaml' } as VerifyOptions;
    expect(librarySettings(given)).toEqual({ seed: 3, strict: false, stepTimeoutMs: 500 });
    expect(librarySettings({})).toEqual({ seed: 1, strict: false });
  });
  it('bad YAML is an error step with line and column', () => {
    const r = verifyDerivation('title: t\nsteps:\n  - expr: (x +\n');
    expect(r.ok).toBe(false);
    expect(r.steps[0]!.status).toBe('error');
    expect(r.steps[0]!.line).toBe(3);
  });
});

describe('options the command line would refuse', () => {
  // --samples 0, --seed 1.5, --step-timeout -1 are usage errors there; a library call was silently given the defaults
  const yaml = 'title: t\nsymbols:\n  x: {domain: positive}\nsteps:\n  - expr: atan(x) + atan(1/x)\n  - expr: pi/2\n';
  it.each([
    [{ samples: 0 }, /samples must be a positive integer, got 0/],
    [{ samples: 1.5 }, /samples must be a positive integer, got 1.5/],
    [{ samples: Number.NaN }, /samples must be a positive integer, got NaN/],
    [{ samples: 1e9 }, /samples must be at most 100000 \(limit MAX_SAMPLES\), got 1000000000/],
    [{ seed: -1 }, /seed must be a nonnegative integer, got -1/],
    [{ seed: 1.5 }, /seed must be a nonnegative integer, got 1.5/],
    [{ seed: '3' }, /seed must be a nonnegative integer, got '3'/],
    [{ stepTimeoutMs: -1 }, /stepTimeoutMs must be a nonnegative integer \(milliseconds\), got -1/],
    [{ stepTimeoutMs: Number.POSITIVE_INFINITY }, /stepTimeoutMs must be a nonnegative integer/],
  ])('%o: an error with code usage, from every entry', async (options, message) => {
    for (const r of [verifyDerivation(yaml, options as never), await verifyFile(seed, options as never)]) {
      expect(r.ok).toBe(false);
      expect(r.steps.map((s) => [s.status, s.code])).toEqual([['error', 'usage']]);
      expect(r.steps[0]!.message).toMatch(message);
    }
    const e = equivalent('atan(x) + atan(1/x)', 'pi/2', { symbols: { x: { domain: 'positive' } } }, options as never);
    expect(e).toMatchObject({ status: 'error', code: 'usage' });
    expect(e.status === 'error' && e.message).toMatch(message);
  });
  it('the smallest allowed values still check: samples 1, seed 0, a time limit of 1 ms never passes a step it did not check', () => {
    expect(verifyDerivation(yaml, { samples: 1, seed: 0 }).steps[1]!.status).toBe('numeric');
    expect(['numeric', 'error']).toContain(verifyDerivation(yaml, { stepTimeoutMs: 1 }).steps[1]!.status);
  });
});
