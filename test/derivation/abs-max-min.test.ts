/**
 * abs, max and min in derivation files, end to end: a false step with them is
 * refused with a certified counterexample, a derivative is never proved at
 * its corner, and true steps are proved.
 */
import { describe, expect, it } from 'vitest';
import { verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const run = (text: string, strict = false) => verifyText('d.yaml', text, { seed: 1, strict });

describe('false steps with abs, max, min are refused', () => {
  it('abs(x) = x fails, with a point where x < 0', () => {
    const r = run(yaml('title: t', 'steps:', '  - expr: abs(x)', '  - expr: x'));
    const s = r.steps[1]!;
    expect(s.status).toBe('failed');
    expect(Number(s.counterexample!.values.x)).toBeLessThan(0);
  });

  it('diff(abs(x), x) = 1 is not proved: it fails (at x = -1, or at the corner x = 0)', () => {
    const r = run(yaml('title: t', 'steps:', '  - expr: diff(abs(x), x)', '  - expr: 1'));
    expect(r.steps[1]!.status).toBe('failed');
    expect(Number(r.steps[1]!.counterexample!.values.x)).toBeLessThanOrEqual(0);
  });

  it('on a nonzero x, diff(abs(x), x) = 1 still fails (x < 0); x/abs(x) is proved', () => {
    const head = ['title: t', 'symbols:', '  x: {domain: nonzero}', 'steps:', '  - expr: diff(abs(x), x)'];
    const wrong = run(yaml(...head, '  - expr: 1'));
    expect(wrong.steps[1]!.status).toBe('failed');
    expect(Number(wrong.steps[1]!.counterexample!.values.x)).toBeLessThan(0);
    const right = run(yaml(...head, '  - expr: x / abs(x)'), true);
    expect(right.steps[1]!.status).toBe('proved');
  });

  it('the derivative at the corner: diff(abs(x)^2, x) = 2x is never refuted at x = 0 (abs(x)^2 = x^2 is differentiable there), diff(abs(x)^2, x) = 2x + 1 is', () => {
    // the chain rule's 2 abs(x) x/abs(x) is undefined at 0, but the derivative exists there: x = 0 is no counterexample
    const r = run(yaml('title: t', 'steps:', '  - expr: diff(abs(x)^2, x)', '  - expr: 2*x'));
    expect(r.steps[1]!.status).not.toBe('failed');
    const wrong = run(yaml('title: t', 'steps:', '  - expr: diff(abs(x)^2, x)', '  - expr: 2*x + 1'));
    expect(wrong.steps[1]!.status).toBe('failed');
  });

  it('max(0, x) = x fails at a negative x; max(x, y) + min(x, y) = x + y is proved', () => {
    const r = run(yaml('title: t', 'steps:', '  - expr: max(0, x)', '  - expr: x'));
    expect(r.steps[1]!.status).toBe('failed');
    expect(Number(r.steps[1]!.counterexample!.values.x)).toBeLessThan(0);
    const ok = run(yaml('title: t', 'steps:', '  - expr: max(x, y) + min(x, y)', '  - expr: x + y'), true);
    expect(ok.steps[1]!.status).toBe('proved');
  });

  it('ln is log', () => {
    const ok = run(
      yaml('title: t', 'symbols:', '  x: {domain: positive}', 'steps:', '  - expr: ln(x^2)', '  - expr: 2*log(x)'),
      true,
    );
    expect(ok.steps[1]!.status).toBe('proved');
  });
});
