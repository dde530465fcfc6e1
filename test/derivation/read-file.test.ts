/**
 * Reading a derivation file: once, in one module (src/derivation/read-file.ts),
 * with one wording per error code, the same for `verify`, the library's
 * verifyFile, a `{file}` context and `verify gradcheck`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDerivationFile, readDerivationFileSync } from '../../src/derivation/read-file.js';
import { verifyFile } from '../../src/derivation/verify.js';
import { loadContext } from '../../src/api/context.js';
import { checkSettings } from '../../src/verdict/settings.js';
import { CONFIG_FILE, readConfig } from '../../src/cli/config.js';
import { modulesUnder, repoRoot } from '../architecture/repo-files.js';

const dir = mkdtempSync(join(tmpdir(), 'derivcheck-read-'));
const latin1 = join(dir, 'latin1.yaml');
writeFileSync(latin1, Buffer.from('title: t\nsteps:\n  - expr: x\xb2\n', 'latin1'));
const good = join(dir, 'good.yaml');
writeFileSync(good, 'title: t\nsteps:\n  - expr: x\n');

/** source text without its comments (a comment may name readFile) */
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('readDerivationFile', () => {
  it.each([
    [join(dir, 'missing.yaml'), 'cannot-read', /^cannot read .*missing\.yaml: no such file \(ENOENT\)$/, 1, 1],
    [dir, 'cannot-read', /^cannot read .*: it is a directory \(EISDIR\)$/, 1, 1],
    [latin1, 'not-utf8', /latin1\.yaml is not UTF-8/, 3, 12],
  ])('%s: code %s, one sentence, a place', async (path, code, message, line, column) => {
    for (const read of [await readDerivationFile(path), readDerivationFileSync(path)]) {
      expect(read).toMatchObject({ ok: false, code, line, column });
      expect(!read.ok && read.message).toMatch(message);
    }
  });

  it('gives the text of a good file, the same both ways', async () => {
    expect(await readDerivationFile(good)).toEqual({ ok: true, text: readFileSync(good, 'utf8') });
    expect(readDerivationFileSync(good)).toEqual(await readDerivationFile(good));
  });

  it('verifyFile and a {file} context report the same code and sentence', async () => {
    for (const path of [join(dir, 'missing.yaml'), latin1]) {
      const read = readDerivationFileSync(path);
      if (read.ok) throw new Error('expected a failure');
      const step = (await verifyFile(path, checkSettings())).steps[0]!;
      expect(step).toMatchObject({ status: 'error', code: read.code, message: read.message, line: read.line });
      const context = loadContext({ file: path });
      expect(!context.ok && context.errors[0]).toMatchObject({ code: read.code, message: read.message });
    }
  });

  it('a config file that cannot be read is worded as a derivation file is', () => {
    const project = mkdtempSync(join(tmpdir(), 'derivcheck-config-'));
    mkdirSync(join(project, CONFIG_FILE));
    expect(readConfig(project)).toEqual({
      ok: false,
      message: `cannot read ${CONFIG_FILE}: it is a directory (EISDIR)`,
    });
  });

  it('no other module of src/ reads a file, except the config, the package version and the KaTeX assets', () => {
    const readers = modulesUnder(['src'])
      .filter((m) => /\breadFile(Sync)?\(/.test(withoutComments(readFileSync(join(repoRoot, m), 'utf8'))))
      .sort();
    expect(readers).toEqual([
      'src/cli/config.ts',
      'src/cli/main.ts',
      'src/derivation/read-file.ts',
      'src/report/katex-css.ts',
    ]);
    expect(readdirSync(join(repoRoot, 'src/cli'))).not.toContain('unreadable.ts');
  });
});
