/**
 * Paths that are not regular files, or far too large: refused before
 * reading (reading /dev/zero never ends, a FIFO without a writer waits for
 * ever). Its own file in the end-to-end project: making the FIFO spawns
 * `mkfifo`, and unit tests spawn no process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/derivation/load.js';
import { readDerivationFile, readDerivationFileSync } from '../../src/derivation/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'derivcheck-read-special-'));

describe('readDerivationFile on what is not a regular file', () => {
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
});
