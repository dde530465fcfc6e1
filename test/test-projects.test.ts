/**
 * The vitest projects (vitest.config.ts): `npm run test:unit` runs the unit
 * tests, which spawn no process, drive no browser, read no external corpus
 * and fuzz nothing; `npm test` runs every project. Every test file is in
 * exactly one project, so none is left out of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ViteUserConfig } from 'vitest/config';
import { MOCKING, NOT_UNIT } from '../vitest.config.js';
import { exists, importsInText } from './architecture/imports.js';
import { modulesUnder, repoRoot } from './architecture/repo-files.js';

/** a vitest configuration file's exported configuration */
async function loadConfig(file: string): Promise<ViteUserConfig> {
  const loaded = (await import(pathToFileURL(join(repoRoot, file)).href)) as { default: ViteUserConfig };
  return loaded.default;
}

const testFiles = modulesUnder(['test']).filter((f) => f.endsWith('.test.ts'));

/** the patterns vitest.config.ts uses: one file, or every test file under a folder */
function matches(pattern: string, file: string): boolean {
  const folder = /^(.*)\/\*\*\/\*\.test\.ts$/.exec(pattern);
  return folder === null ? file === pattern : file.startsWith(`${folder[1]}/`);
}

const projectsOf = (file: string): string[] => {
  const named = Object.entries(NOT_UNIT)
    .filter(([, patterns]) => patterns.some((p) => matches(p, file)))
    .map(([name]) => name);
  if (MOCKING.includes(file)) named.push('unit-mocks');
  return named.length > 0 ? named : ['unit'];
};

const unitFiles = testFiles.filter((f) => projectsOf(f)[0]!.startsWith('unit'));

const parsed = new Map<string, ReturnType<typeof importsInText>>();
const importsOf = (m: string) => {
  if (!parsed.has(m)) parsed.set(m, importsInText(m, readFileSync(join(repoRoot, m), 'utf8')));
  return parsed.get(m)!;
};

/** a test file and every module of test/ and scripts/ it imports, transitively */
function withHelpers(file: string): string[] {
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    const m = queue.pop()!;
    for (const e of importsOf(m)) {
      let to = e.to;
      if (to === undefined) continue;
      if (!exists(to)) to = to.replace(/\.ts$/, '.mjs').replace(/\.mts$/, '.mjs');
      if (/^(test|scripts)\//.test(to) && exists(to) && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return [...seen];
}

describe('the vitest projects', () => {
  it('every test file is in exactly one project', () => {
    expect(testFiles.length).toBeGreaterThan(50);
    const counts = testFiles.map((f) => ({ f, projects: projectsOf(f) })).filter((x) => x.projects.length !== 1);
    expect(counts).toEqual([]);
  });

  it('every pattern names a file or a folder of test files that exists, and matches a test file', () => {
    const patterns = [...Object.values(NOT_UNIT).flat(), ...MOCKING];
    expect(patterns.filter((p) => !/^test\/[\w./-]+$/.test(p.replace('/**/*.test.ts', '')))).toEqual([]);
    expect(patterns.filter((p) => !testFiles.some((f) => matches(p, f)))).toEqual([]);
  });

  it('unit tests spawn no process, start no browser, read no external corpus and run no fuzzer (helpers included)', () => {
    // esbuild: its API runs a service process of its own
    const banned =
      /^(node:)?child_process$|^playwright|^esbuild$|conformance\/corpus\.js$|fuzz-cases\.mjs$|adversarial\/harness\.js$/;
    const offenders: string[] = [];
    for (const file of unitFiles) {
      for (const m of withHelpers(file)) {
        for (const e of importsOf(m)) if (banned.test(e.spec)) offenders.push(`${file} (${m}): ${e.spec}`);
      }
    }
    expect(unitFiles.length).toBeGreaterThan(40);
    expect(offenders).toEqual([]);
  });

  it('unit tests that replace modules or change process.env run isolated (unit-mocks), not in the shared unit project', () => {
    const mocking =
      /\bvi\.(mock|doMock|unmock|resetModules|stubGlobal|stubEnv)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/;
    const shared = unitFiles.filter((f) => projectsOf(f)[0] === 'unit');
    expect(shared.filter((f) => mocking.test(readFileSync(join(repoRoot, f), 'utf8')))).toEqual([]);
    expect(MOCKING.filter((f) => !mocking.test(readFileSync(join(repoRoot, f), 'utf8')))).toEqual([]);
  });

  it('npm run test:unit runs the unit projects only, with quick property tests; npm test runs every project in full', () => {
    const scripts = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    // threads start faster than forks: 28-31 s against 32 s on a quiet machine
    expect(scripts['test:unit']).toBe(
      'vitest run --config vitest.quick.config.ts --project unit --project unit-mocks --pool=threads --maxWorkers=2',
    );
    expect(scripts.test).toContain('vitest run');
    expect(scripts.test).not.toContain('--project');
    expect(scripts.test).not.toContain('--config');
  });

  it('only the quick configuration shortens property tests, and it changes nothing else', async () => {
    const full = await loadConfig('vitest.config.ts');
    const quick = await loadConfig('vitest.quick.config.ts');
    expect(full.test?.provide).toEqual({ quickProperties: false });
    expect(quick.test?.provide).toEqual({ quickProperties: true });
    expect({ ...quick.test, provide: undefined }).toEqual({ ...full.test, provide: undefined });
  });
});
