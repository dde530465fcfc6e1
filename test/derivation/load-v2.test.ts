/**
 * The loader's side of contract version 2 and of the mistakes people make
 * in files: LaTeX in double quotes (YAML escapes), an over-indented key, a
 * constant declared as an array (one message, not five), claim sides in
 * LaTeX, non-finite YAML numbers, and files that are not UTF-8.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDerivation } from '../../src/derivation/load.js';
import type { InputError } from '../../src/derivation/model.js';
import { verifyFile, verifyText } from '../../src/derivation/verify.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

function errors(text: string): readonly InputError[] {
  const r = loadDerivation('d.yaml', text);
  if (r.ok) throw new Error('loaded without errors');
  return r.errors;
}

describe('LaTeX in double quotes: YAML turned a command into other text', () => {
  it.each([
    ['\\frac{1}{2}', 'a form feed', 13],
    ['x \\times y', 'a tab', 15],
    ['\\nabla f', 'a line break', 13],
    ['e^{x} \\beta', 'a backspace', 19],
  ])('latex: "%s" is refused at the backslash (%s), saying to use single quotes', (latex, made, column) => {
    const es = errors(yaml('title: t', 'steps:', `  - latex: "${latex}"`));
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ code: 'yaml-escape', place: { line: 3, column } });
    expect(es[0]!.message).toContain(made);
    expect(es[0]!.message).toContain('single quotes');
  });

  it('an escape YAML does not know ("\\sigma") is translated the same way', () => {
    const es = errors(yaml('title: t', 'steps:', '  - latex: "\\sigma(x)"'));
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ code: 'yaml-escape', place: { line: 3, column: 13 } });
    expect(es[0]!.message).toContain('single quotes');
  });

  it('in a claim side or an expr too; a doubled backslash and single quotes are fine', () => {
    const claim = errors(yaml('title: t', 'claim: {lhs: "\\tanh(x)", rhs: x}', 'steps:', '  - expr: x'));
    expect(claim[0]).toMatchObject({ code: 'yaml-escape', place: { line: 2, column: 15 } });
    const ok = (text: string) => loadDerivation('d.yaml', text).ok;
    expect(ok(yaml('title: t', 'steps:', '  - latex: "\\\\frac{1}{2}"'))).toBe(true);
    expect(ok(yaml('title: t', 'steps:', "  - latex: '\\frac{1}{2}'"))).toBe(true);
  });
});

describe('an over-indented key', () => {
  it('by: indented under expr: is one error at the by: line, naming the column to use', () => {
    const es = errors(yaml('title: t', 'steps:', '  - expr: x^2', '      by: chain rule', '  - expr: x^2'));
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ code: 'yaml-syntax', place: { line: 4, column: 7 } });
    expect(es[0]!.message).toBe(
      "'by:' is indented more than 'expr:' above it, so YAML reads it as part of that value; indent by: to column 5, like expr:",
    );
  });

  it('also after a quoted expression (a different YAML error) and in a later step', () => {
    const quoted = errors(yaml('title: t', 'steps:', '  - expr: "x^2"', '      by: chain rule'));
    expect(quoted[0]).toMatchObject({ place: { line: 4, column: 7 } });
    expect(quoted[0]!.message).toContain('indent by: to column 5, like expr:');
    const later = errors(
      yaml('title: t', 'steps:', '  - expr: x', '    by: a', '  - expr: diff(x, x)', '       by: power rule'),
    );
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ place: { line: 6, column: 8 } });
  });
});

describe('a constant declared as an array', () => {
  it.each(['pi', 'e'])('%s: one message at the declaration, not one per use', (name) => {
    const es = errors(
      yaml(
        'title: t',
        'symbols:',
        '  i: index',
        `  ${name}: {indices: 1}`,
        'steps:',
        `  - expr: ${name}[i]`,
        `  - expr: ${name}[i] * 2`,
        `  - latex: '2 ${name === 'pi' ? '\\pi' : 'e'}_{i}'`,
        `claim: {lhs: '${name}[i]', rhs: '${name}[i]'}`,
      ),
    );
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ code: 'reserved-name', place: { line: 4, column: 3 } });
    expect(es[0]!.message).toContain('is the constant');
    expect(es[0]!.message).not.toContain('declare it');
  });

  it('sigma declared for a variance: one message saying sigma is the logistic function', () => {
    const es = errors(
      yaml('title: t', 'symbols:', '  sigma: {domain: positive}', 'steps:', '  - expr: sigma^2', '  - expr: x / sigma'),
    );
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ code: 'reserved-name', place: { line: 3, column: 3 } });
    expect(es[0]!.message).toContain('logistic function');
    expect(es[0]!.message).toContain('such as sd or s2');
  });

  it('without the refused declaration, indexing a constant is still an error', () => {
    const es = errors(yaml('title: t', 'symbols:', '  i: index', 'steps:', '  - expr: pi[i]'));
    expect(es[0]).toMatchObject({ code: 'reserved-name', place: { line: 5, column: 11 } });
  });
});

describe('claim sides in LaTeX', () => {
  it('a side may be {latex: ...}, and the claim is checked as usual', () => {
    const r = verifyText(
      't.yaml',
      yaml(
        'title: t',
        "claim: {lhs: {latex: '\\frac{d}{dx} x^{3/2}'}, rhs: 3/2 * sqrt(x)}",
        'symbols:',
        '  x: {domain: positive, opaque: false}',
        'steps:',
        '  - expr: diff(x^(3/2), x)',
        '  - expr: 3/2 * x^(1/2)',
        '  - expr: 3/2 * sqrt(x)',
      ),
      { seed: 1, strict: true },
    );
    expect(r.steps.map((s) => s.status)).not.toContain('error');
    expect(r.ok).toBe(true);
  });

  it('an error inside a LaTeX side points into it; an unknown key is named', () => {
    const bad = errors(yaml('title: t', "claim: {lhs: {latex: 'x + \\foo'}, rhs: x}", 'steps:', '  - expr: x'));
    expect(bad[0]).toMatchObject({ code: 'unsupported-syntax', place: { line: 2, column: 27 } });
    const key = errors(yaml('title: t', "claim: {lhs: {tex: 'x'}, rhs: x}", 'steps:', '  - expr: x'));
    expect(key.map((e) => e.message).join(' ')).toContain("unknown key 'tex'");
  });
});

describe('YAML numbers that are not finite', () => {
  it.each(['.inf', '-.inf', '.nan'])('expr: %s is an error saying what YAML read', (v) => {
    const es = errors(yaml('title: t', 'steps:', `  - expr: ${v}`));
    expect(es[0]).toMatchObject({ code: 'schema', place: { line: 3, column: 11 } });
    expect(es[0]!.message).toContain('finite');
  });
});

describe('a file that is not UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derivcheck-utf8-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Latin-1 bytes: an error naming the byte, its line and column', async () => {
    const path = join(dir, 'latin1.yaml');
    // 'title: caf\xe9' in Latin-1: the é is byte 0xE9, not valid UTF-8
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('title: t\nsteps:\n  - expr: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const r = await verifyFile(path, { seed: 1, strict: false });
    expect(r.ok).toBe(false);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ status: 'error', code: 'not-utf8', line: 3, column: 14 });
    expect(r.steps[0]!.message).toContain('byte 29 (0xE9)');
    expect(r.steps[0]!.message).toContain('save the file as UTF-8');
  });

  it('UTF-16: said so', async () => {
    const path = join(dir, 'utf16.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title: t\n', 'utf16le')]));
    const r = await verifyFile(path, { seed: 1, strict: false });
    expect(r.steps[0]).toMatchObject({ code: 'not-utf8', line: 1, column: 1 });
    expect(r.steps[0]!.message).toContain('looks like UTF-16');
  });

  it('valid UTF-8 with pasted characters loads, and columns count characters', async () => {
    const path = join(dir, 'ok.yaml');
    writeFileSync(path, 'title: t\nsteps:\n  - expr: x² − sgima(x)\n');
    const r = await verifyFile(path, { seed: 1, strict: false });
    expect(r.steps[0]).toMatchObject({ code: 'unknown-function', line: 3, column: 16 });
  });
});
