/**
 * The browser entry (src/browser.ts) must not need Node: esbuild bundles it
 * for the browser (where `node:fs` cannot resolve), the bundle mentions no
 * Node global, and the bundled checker, run as plain JavaScript, gives the
 * same result as the library.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { verifyDerivation } from '../../src/index.js';

const TEXT = `title: chain rule
steps:
  - expr: diff(sin(x^2), x)
  - expr: cos(x^2) * 2*x
  - expr: 2*x*cos(x^2)
`;
const WRONG = TEXT.replace('  - expr: cos(x^2) * 2*x', '  - expr: cos(x^2)');

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: ['src/browser.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('the browser entry', () => {
  it('bundles for the browser without Node builtins or globals', async () => {
    const code = await bundle();
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|path|worker_threads)["']\)/);
    // identifiers Node has and a browser does not (words in strings and comments aside, these are calls)
    expect(code).not.toMatch(/\bBuffer\.(from|byteLength|alloc)\b/);
    expect(code).not.toMatch(/\bprocess\.(env|argv|exit|cwd)\b/);
  }, 60_000);

  it('checks a derivation as the library does, when run from the bundle', async () => {
    const code = await bundle();
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const mod = (await import(/* @vite-ignore */ url)) as { verifyDerivation: typeof verifyDerivation };
    for (const text of [TEXT, WRONG]) {
      const fromBundle = mod.verifyDerivation(text);
      const fromLibrary = verifyDerivation(text);
      expect(fromBundle.steps.map((s) => s.status)).toEqual(fromLibrary.steps.map((s) => s.status));
      expect(fromBundle.ok).toBe(fromLibrary.ok);
    }
    expect(mod.verifyDerivation(TEXT).ok).toBe(true);
    const wrong = mod.verifyDerivation(WRONG);
    expect(wrong.ok).toBe(false);
    expect(wrong.steps.find((s) => s.status === 'failed')?.diagnosis?.mistake?.kind).toBe('missing-inner-derivative');
  }, 60_000);
});
