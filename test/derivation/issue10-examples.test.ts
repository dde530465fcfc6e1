/**
 * Issue 10's examples, each as a user would meet it in a file: the stoppers
 * read as intended (declared scalars are independent variables) or are
 * refused with both readings, and every listed mistake gets a message that
 * says what to write, at the right line and column of the file.
 */
import { describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const run = (text: string) => verifyText('d.yaml', text, { seed: 1, strict: true });

describe('stopper 1: a declared scalar is an independent variable', () => {
  it.each([
    ['N: {domain: positive}', 'diff(N * x^2, x)', '2 N x'],
    ['sigma1: {domain: positive}', 'diff(log(sigma1) + x / sigma1, x)', '1 / sigma1'],
    ['a: {domain: positive}', 'diff(a^x, x)', 'a^x * log(a)'],
  ])('%s: %s = %s is proved', (decl, lhs, rhs) => {
    const r = run(yaml('title: t', 'symbols:', `  ${decl}`, 'steps:', `  - expr: ${lhs}`, `  - expr: ${rhs}`));
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });

  it("the tool's own hint (declare `a: {domain: nonzero}`), followed, proves a derivative step", () => {
    // without a declaration a is a real variable, and a / a = 1 needs a != 0: the step fails with the hint
    const steps = ['steps:', '  - expr: diff(x * a / a, x)', '  - expr: 1'];
    const bare = run(yaml('title: t', ...steps));
    const failed = bare.steps[1]!;
    expect(failed.status).toBe('failed');
    const hint = /declare `(a: \{domain: nonzero\})`/i.exec(failed.message)?.[1];
    expect(hint, failed.message).toBeDefined();
    const followed = run(yaml('title: t', 'symbols:', `  ${hint}`, ...steps));
    expect(followed.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });

  it('an opaque quantity that may depend on the variable: the failure says so and names the declaration', () => {
    const r = run(
      yaml(
        'title: t',
        'symbols:',
        '  q: {domain: positive, opaque: true}',
        'steps:',
        '  - expr: diff(q * x, x)',
        '  - expr: q',
      ),
    );
    expect(r.steps[1]!.status).toBe('failed');
    expect(r.steps[1]!.message).toContain('q may depend on x');
    expect(r.steps[1]!.message).toContain('declare `q: {domain: positive, independent_of: ["x"]}`');
  });
});

describe('stopper 2: implicit multiplication that depends on precedence is refused with both readings', () => {
  it.each([
    ['x^x (log(x) + 1)', 15, '(x^x) * (log(x) + 1)', 'x^(x (log(x) + 1))'],
    ['lambda/2 w[j]', 20, '(lambda / 2) * w[j]', 'lambda / (2 w[j])'],
    ['a / (1 + b) v[k]', 23, '(a / (1 + b)) * v[k]', 'a / ((1 + b) v[k])'],
  ])('%s: an error at 6:%i with both readings', (text, column, left, other) => {
    const r = loadDerivation(
      'd.yaml',
      yaml('title: t', 'symbols:', '  w: {indices: 1}', '  v: {indices: 1}', 'steps:', `  - expr: ${text}`),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'ambiguous', place: { line: 6, column } });
    expect(r.errors[0]!.message).toContain(left);
    expect(r.errors[0]!.message).toContain(other);
  });

  it.each([
    ['2x', '2 * x'],
    ['2 sin(x)', '2 * sin(x)'],
    ['s[j] (s[i] - p)', 's[j] * (s[i] - p)'],
  ])('%s reads as %s', (implicit, explicit) => {
    const r = run(
      yaml('title: t', 'symbols:', '  s: {indices: 1}', 'steps:', `  - expr: ${implicit}`, `  - expr: ${explicit}`),
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });
});

describe('the mistakes people make, in a file: the message says what to write, at the line and column', () => {
  const at = (text: string) => {
    const r = loadDerivation(
      'd.yaml',
      yaml('title: t', 'symbols:', '  x2: {indices: 1}', 'steps:', '  - expr: y', `  - expr: ${text}`),
    );
    if (r.ok) throw new Error(`${text} loaded`);
    return r.errors[0]!;
  };
  it.each([
    ['x**3', 12, 'write ^'],
    ['d/dx (x^2)', 11, 'write diff(..., x)'],
    ['sin^2(x)', 11, 'write sin(x)^2'],
    ['sigma^2 + 1', 11, 'logistic function'],
    ['x2_j + 1', 11, 'did you mean x2[j]?'],
    ['1_000 * x', 11, 'write the digits without _'],
    ['maxx(a, b)', 11, "did you mean 'max'?"],
  ])('%s: at 6:%i, saying %j', (text, column, says) => {
    const e = at(text);
    expect(e.place).toMatchObject({ line: 6, column });
    expect(e.message).toContain(says);
    expect(e.message).not.toContain("'tan'");
  });

  it('1_000 is an error, never 1 * _000', () => {
    expect(at('1_000').message).not.toContain('_000 is');
  });
});
