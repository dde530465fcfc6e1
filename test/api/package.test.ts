/**
 * The package as another project installs it: every path package.json
 * exports is in the packed tarball (after `npm run build`, which `npm test`
 * runs first), the built entry points import by the package's own name, and
 * a consumer's TypeScript sees the types, including the matcher's.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};
const strip = (p: string) => p.replace(/^\.\//, '');
const exported = Object.values(pkg.exports)
  .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
  .map(strip);

describe('package.json exports', () => {
  it('names the library, the matcher and their types', () => {
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.exports['./testing']).toEqual({
      types: './dist/testing/matchers.d.ts',
      default: './dist/testing/matchers.js',
    });
    expect(strip(pkg.main)).toBe('dist/index.js');
    expect(strip(pkg.types)).toBe('dist/index.d.ts');
  });
  it('every exported path, main, types and the bin are in `npm pack` (run npm run build first)', () => {
    expect(existsSync(join(root, 'dist/index.js')), 'dist/ is missing: run npm run build').toBe(true);
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    // bin/package.json makes bin/verify.js CommonJS (no ESM loader at start); bin/load-cli.cjs loads the bundle
    const launcher = ['bin/package.json', 'bin/load-cli.cjs', 'dist/verify.cjs'];
    const wanted = [...exported, strip(pkg.main), strip(pkg.types), ...Object.values(pkg.bin).map(strip), ...launcher];
    expect(wanted.filter((p) => !files.has(p))).toEqual([]);
  }, 60_000);
  it('the built package imports by its name and works', () => {
    const script = `
      const lib = await import('${pkg.name}');
      const testing = await import('${pkg.name}/testing');
      const d = lib.differentiate('log(1 + exp(x))', 'x');
      console.log(JSON.stringify([lib.equivalent('x/x', '1').status, d.ok && lib.equivalent(d.text, 'sigma(x)').status, typeof testing.derivcheckMatchers.toEqualExpression]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['failed', 'proved', 'function']);
  }, 30_000);
  it('a consumer project type-checks against the built declarations, matcher included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'derivcheck-consumer-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(root, join(dir, 'node_modules', pkg.name), 'dir');
      // the consumer's own vitest, as a project using the matcher has
      symlinkSync(join(root, 'node_modules/vitest'), join(dir, 'node_modules/vitest'), 'dir');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      writeFileSync(
        join(dir, 'consumer.ts'),
        [
          `import { equivalent, differentiate, verifyDerivation, type Equivalence, type FileResult } from '${pkg.name}';`,
          `import { expect } from 'vitest';`,
          `import { derivcheckMatchers } from '${pkg.name}/testing';`,
          `expect.extend(derivcheckMatchers);`,
          `const e: Equivalence = equivalent('x', 'x', { symbols: { x: { domain: 'positive', opaque: false } } });`,
          `const f: FileResult = verifyDerivation('title: t', { seed: 2 });`,
          `const d = differentiate('x^2', 'x');`,
          `if (d.ok) console.log(d.text, e.status, f.ok);`,
          `expect('x').toEqualExpression('x', undefined, { allowNumeric: true });`,
          // a misuse the declarations must reject: the status is not a number
          `// @ts-expect-error`,
          `const n: number = e.status;`,
          `console.log(n);`,
        ].join('\n'),
      );
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      const r = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          '--skipLibCheck',
          '--types',
          'node',
          '--typeRoots',
          join(root, 'node_modules/@types'),
          'consumer.ts',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
