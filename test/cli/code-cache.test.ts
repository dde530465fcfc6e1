/**
 * The bundled command is loaded with V8's code cache (bin/load-cli.cjs,
 * made by scripts/code-cache.mjs in `npm run build`): the cache that the
 * build made is accepted, and a cache that does not fit (other bytes, none
 * at all) is ignored, never trusted: the command then compiles as usual.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

interface Loaded {
  readonly exports: { main: (argv: readonly string[]) => Promise<number> };
  readonly rejected: boolean;
}
const { load } = createRequire(import.meta.url)('../../bin/load-cli.cjs') as {
  load: (useCache?: boolean, dist?: string) => Loaded;
};
const dist = new URL('../../dist/', import.meta.url).pathname;

describe('the code cache of the bundled command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derivcheck-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the cache made by the build fits the bundle: V8 accepts it', () => {
    const loaded = load(true, dist);
    expect(loaded.rejected).toBe(false);
    expect(typeof loaded.exports.main).toBe('function');
  });

  test('a cache of other bytes is refused, and the command still loads', () => {
    copyFileSync(join(dist, 'verify.cjs'), join(dir, 'verify.cjs'));
    writeFileSync(join(dir, 'verify.cache'), Buffer.alloc(4096, 7));
    const loaded = load(true, dir);
    expect(loaded.rejected).toBe(true);
    expect(typeof loaded.exports.main).toBe('function');
  });

  test('without a cache the command loads as usual', () => {
    rmSync(join(dir, 'verify.cache'), { force: true });
    const loaded = load(true, dir);
    expect(loaded.rejected).toBe(false);
    expect(typeof loaded.exports.main).toBe('function');
  });
});
