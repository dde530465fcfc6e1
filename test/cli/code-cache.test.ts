/**
 * The bundled command is loaded with V8's code cache (bin/load-cli.cjs,
 * made by scripts/code-cache.mjs in `npm run build`): the cache that the
 * build made is accepted, and a cache that does not fit (other bytes, none
 * at all) is ignored, never trusted: the command then compiles as usual.
 * A cold `verify` of one file loads none of Node's modules that it does not
 * need (the ESM loader, worker threads, fs/promises, perf_hooks), and the bundle it
 * reads is pure ASCII.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('what a cold verify of one file loads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derivcheck-cold-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Node's built-in modules that `node bin/verify.js ...args` loaded, from process.moduleLoadList at its exit */
  const builtinsLoaded = (...args: string[]): string[] => {
    const preload = join(dir, 'modules.cjs');
    const out = join(dir, 'modules.json');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`,
    );
    const r = spawnSync(process.execPath, ['-r', preload, 'bin/verify.js', ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as string[];
  };

  test('no ESM loader, worker threads, fs/promises or perf_hooks for one file; worker threads once a worker starts', () => {
    const one = builtinsLoaded('derivations/softplus.yaml');
    // the list is real: it names what the command did load
    expect(one).toContain('NativeModule vm');
    for (const unwanted of [
      'NativeModule internal/modules/esm/module_job',
      'NativeModule worker_threads',
      'NativeModule internal/fs/promises',
      'NativeModule perf_hooks',
    ])
      expect(one, unwanted).not.toContain(unwanted);
    const two = builtinsLoaded('--jobs', '2', 'derivations/softplus.yaml', 'derivations/tanh-derivative.yaml');
    expect(two).toContain('NativeModule worker_threads');
  });

  test('the bundle is pure ASCII, so it is read as a one-byte string without decoding UTF-8', () => {
    const bytes = readFileSync(join(dist, 'verify.cjs'));
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });
});
