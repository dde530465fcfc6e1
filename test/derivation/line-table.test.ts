/**
 * Places in a derivation file come from the text itself (line-table.ts): the
 * yaml library's own line count lags inside broken flow collections, and
 * placed `[[]2\ny`'s last error at line 1, column 7 of a 4-character line
 * (found by the loader fuzz test).
 */
import { describe, expect, it } from 'vitest';
import { LineTable } from '../../src/derivation/line-table.js';
import { loadDerivation } from '../../src/derivation/load.js';

describe('LineTable', () => {
  it('counts \\n, \\r\\n and a lone \\r as one line break each (YAML 1.2)', () => {
    const t = new LineTable('ab\ncd\r\nef\rgh');
    expect([0, 2, 3, 5, 7, 9, 10, 11].map((o) => t.at(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 3, column: 3 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
  it('clamps offsets outside the text to its ends', () => {
    const t = new LineTable('x\ny');
    expect(t.at(-5)).toEqual({ line: 1, column: 1 });
    expect(t.at(99)).toEqual({ line: 2, column: 2 });
    expect(new LineTable('').at(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('a byte order mark is not a column', () => {
  it('columns of the first line count from after it, as editors show it', () => {
    const t = new LineTable('\uFEFFab\ncd');
    expect(t.at(0)).toEqual({ line: 1, column: 1 });
    expect(t.at(1)).toEqual({ line: 1, column: 1 });
    expect(t.at(2)).toEqual({ line: 1, column: 2 });
    expect(t.at(4)).toEqual({ line: 2, column: 1 });
  });
  it("a file with one: the missing title's place is line 1, column 1", () => {
    const r = loadDerivation('f.yaml', '\uFEFFsteps:\n  - expr: x\n');
    expect(!r.ok && r.errors.find((e) => e.location === 'title')?.place).toEqual({
      file: 'f.yaml',
      line: 1,
      column: 1,
    });
  });
});

describe('YAML errors are placed on the line they are on', () => {
  it('inside a broken flow collection', () => {
    const text = '[[]2\ny';
    const r = loadDerivation('f.yaml', text);
    expect(r.ok).toBe(false);
    const places = r.ok ? [] : r.errors.map((e) => e.place);
    const lines = text.split('\n');
    for (const p of places) expect(p.column).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
    expect(places.at(-1)).toEqual({ file: 'f.yaml', line: 2, column: 2 });
  });
});

describe('line ends', () => {
  const lf = 'title: t\nsteps:\n  - expr: "x"\n  - expr: "x + 0"\n';
  it('a file with carriage returns alone (classic Mac line ends) loads as the same file with line feeds', () => {
    const cr = lf.replaceAll('\n', '\r');
    const a = loadDerivation('f.yaml', lf);
    const b = loadDerivation('f.yaml', cr);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.derivation.steps.map((s) => s.place)).toEqual(a.derivation.steps.map((s) => s.place));
  });
  it('and its errors are placed where they are', () => {
    const r = loadDerivation('f.yaml', 'steps:\r  - expr: "x"\r');
    expect(!r.ok && r.errors.find((e) => e.location === 'title')?.place).toEqual({
      file: 'f.yaml',
      line: 1,
      column: 1,
    });
  });
});

describe('an invisible character in a key is shown', () => {
  it('a second byte order mark before a key is written as \\uFEFF in the message', () => {
    const r = loadDerivation('f.yaml', '\uFEFF\uFEFFtitle: t\nsteps:\n  - expr: x\n');
    const message = r.ok ? '' : r.errors.map((e) => e.message).join(' ');
    expect(message).toContain("unknown key '\\uFEFFtitle'");
    expect(message).toContain("did you mean 'title'");
  });
});
