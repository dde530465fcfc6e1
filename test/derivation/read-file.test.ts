/**
 * Reading a derivation file: once, in one module (src/derivation/read-file.ts),
 * with one wording per error code, the same for `verify`, the library's
 * verifyFile, a `{file}` context and `verify gradcheck`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDerivationFile, readDerivationFileSync } from '../../src/derivation/read-file.js';
import { verifyFile } from '../../src/derivation/verify.js';
import { loadContext } from '../../src/api/context.js';
import { checkSettings } from '../../src/verdict/settings.js';
import { MAX_FILE_BYTES } from '../../src/derivation/load.js';
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

  // a device, a FIFO or a file far past the limit: refused before reading (reading /dev/zero never ends, a FIFO without a writer waits for ever)
  const zero = join(dir, 'zero.yaml');
  symlinkSync('/dev/zero', zero);
  const fifo = join(dir, 'fifo.yaml');
  execFileSync('mkfifo', [fifo]);
  const loop = join(dir, 'loop.yaml');
  symlinkSync(loop, loop);
  const huge = join(dir, 'huge.yaml');
  writeFileSync(huge, `title: t\nsteps:\n${'  - expr: x\n'.repeat(MAX_FILE_BYTES / 10)}`);
  it.each([
    [zero, 'cannot-read', /^cannot read .*zero\.yaml: it is not a regular file \(a device, FIFO or socket\)$/],
    [fifo, 'cannot-read', /^cannot read .*fifo\.yaml: it is not a regular file \(a device, FIFO or socket\)$/],
    [loop, 'cannot-read', /^cannot read .*loop\.yaml: a loop of symbolic links \(ELOOP\)$/],
    [huge, 'limit', /^the file has \d+ bytes, more than 2000000 \(limit MAX_FILE_BYTES\)/],
  ])('%s: code %s, refused without reading it', async (path, code, message) => {
    expect(existsSync('/dev/zero')).toBe(true);
    for (const read of [await readDerivationFile(path), readDerivationFileSync(path)]) {
      expect(read).toMatchObject({ ok: false, code, line: 1, column: 1 });
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
