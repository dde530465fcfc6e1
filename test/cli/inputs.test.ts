/**
 * What `verify` arguments name: files as given, directories as every *.yaml
 * and *.yml below them (sorted), globs (quoted, so not expanded by a shell)
 * with * ? **, in argument order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandGlob, segmentRegExp } from '../../src/cli/glob.js';
import { type Input, expandInputs } from '../../src/cli/inputs.js';

let dir: string;
const paths = (inputs: readonly Input[]) =>
  inputs.map((i) => (i.kind === 'file' ? i.path.slice(dir.length + 1) : `none: ${i.message}`));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derivcheck-inputs-'));
  const files = [
    'b.yaml',
    'a.yml',
    'notes.md',
    'sub/c.yaml',
    'sub/deeper/d.yaml',
    'sub/deeper/e.txt',
    'Z.yaml',
    '.hidden/h.yaml',
    'node_modules/pkg/p.yaml',
    'sub/.x.yaml',
    'q1.yaml',
    'q22.yaml',
  ];
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'title: t\n');
  }
  mkdirSync(join(dir, 'empty'));
  // a link to a directory is not followed (it could loop); a link to a file is a file
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  symlinkSync(join(dir, 'b.yaml'), join(dir, 'sub', 'link.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandInputs', () => {
  it('a directory: the .yaml/.yml files in it; with recursive, every one below it, sorted by code unit, skipping dot-directories and node_modules', () => {
    expect(paths(expandInputs([dir]))).toEqual(['Z.yaml', 'a.yml', 'b.yaml', 'q1.yaml', 'q22.yaml']);
    expect(paths(expandInputs([dir], true))).toEqual([
      'Z.yaml',
      'a.yml',
      'b.yaml',
      'q1.yaml',
      'q22.yaml',
      'sub/.x.yaml',
      'sub/c.yaml',
      'sub/deeper/d.yaml',
      'sub/link.yaml',
    ]);
  });

  it('keeps the order of the arguments; each argument expands in place', () => {
    expect(paths(expandInputs([join(dir, 'sub/deeper'), join(dir, 'b.yaml'), join(dir, 'a.yml')]))).toEqual([
      'sub/deeper/d.yaml',
      'b.yaml',
      'a.yml',
    ]);
  });

  it('a file is taken as given, whatever its extension, and a missing one is left for the checker to report', () => {
    expect(expandInputs([join(dir, 'notes.md'), join(dir, 'missing.yaml')])).toEqual([
      { kind: 'file', path: join(dir, 'notes.md') },
      { kind: 'file', path: join(dir, 'missing.yaml') },
    ]);
  });

  it('a directory without derivation files and a glob that matches nothing are input problems', () => {
    const out = expandInputs([join(dir, 'empty'), join(dir, '*.nothing')]);
    expect(out.map((i) => i.kind)).toEqual(['none', 'none']);
    expect(paths(out)[0]).toMatch(/has no derivation files/);
    expect(paths(out)[1]).toMatch(/no file matches .*\*\.nothing/);
  });

  it('globs: * within a segment, ? one character, ** any depth; sorted; never directories', () => {
    const g = (p: string) => paths(expandInputs([join(dir, p)]));
    expect(g('*.yaml')).toEqual(['Z.yaml', 'b.yaml', 'q1.yaml', 'q22.yaml']);
    expect(g('q?.yaml')).toEqual(['q1.yaml']);
    // as in a shell: ** skips dot-directories but not node_modules (a directory argument skips both)
    expect(g('**/*.yaml')).toEqual([
      'Z.yaml',
      'b.yaml',
      'node_modules/pkg/p.yaml',
      'q1.yaml',
      'q22.yaml',
      'sub/c.yaml',
      'sub/deeper/d.yaml',
      'sub/link.yaml',
    ]);
    expect(g('sub/**')).toEqual(['sub/c.yaml', 'sub/deeper/d.yaml', 'sub/deeper/e.txt', 'sub/link.yaml']);
    expect(g('*/deeper/*')).toEqual(['sub/deeper/d.yaml', 'sub/deeper/e.txt']);
    expect(g('s*')).toEqual([`none: no file matches ${join(dir, 's*')}; check the pattern (supported: * ? **)`]);
  });

  it('a relative glob gives relative paths', () => {
    const r = expandGlob('derivations/wrong/sign-*.yaml');
    expect(r).toEqual({ ok: true, files: ['derivations/wrong/sign-slip.yaml'] });
  });
});

describe('segmentRegExp', () => {
  it('treats every character but * and ? literally', () => {
    expect(segmentRegExp('a.(b)+[c]').test('a.(b)+[c]')).toBe(true);
    expect(segmentRegExp('a.b').test('axb')).toBe(false);
    expect(segmentRegExp('*.yaml').test('x/y.yaml')).toBe(false);
  });
});
