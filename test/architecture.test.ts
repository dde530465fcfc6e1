/**
 * The architecture, enforced: every import of the product against the layer
 * table (test/architecture/layers.ts, the same table as ARCHITECTURE.md), no
 * import cycle, the floors and the core free of packages, and the trust
 * boundary: only src/core/equal.ts builds a decision that says proved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, importCycles, importGraph, importsInText } from './architecture/imports.js';
import { modulesUnder, repoRoot } from './architecture/repo-files.js';
import {
  ALLOWED_CYCLES,
  ALLOWED_VIOLATIONS,
  forbiddenImports,
  GOVERNED_FOLDERS,
  LAYERS,
  layerOf,
  NO_PACKAGES,
  type Violation,
} from './architecture/layers.js';

const graph = importGraph(GOVERNED_FOLDERS);

const allowed = (v: Violation): boolean => ALLOWED_VIOLATIONS.some((a) => a.from === v.from && a.to === v.to);
const show = (v: Violation): string => `${v.from}:${v.line} imports '${v.spec}' (${v.to})`;

describe('the import reader and the checks themselves', () => {
  it('sees static, type, re-export, dynamic and type-level imports, and not ones in comments or strings', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "const e = await import('./e.js');",
      "type F = import('./f.js').F;",
      "import 'yaml';",
      "// import { g } from './g.js';",
      'const s = "import { h } from \'./h.js\'";',
      'const i = await import(name);',
    ].join('\n');
    const edges = importsInText('src/x/m.ts', text);
    expect(edges.map((e) => e.spec)).toEqual([
      './a.js',
      '../b/b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
      'yaml',
      '<computed>',
    ]);
    expect(edges.map((e) => e.to)).toEqual([
      'src/x/a.ts',
      'src/b/b.ts',
      'src/x/c.ts',
      'src/x/d.ts',
      'src/x/e.ts',
      'src/x/f.ts',
      undefined,
      undefined,
    ]);
    expect(edges.filter((e) => e.dynamic).map((e) => e.line)).toEqual([5, 10]);
  });

  it('finds every cycle, including one through a single self-import, and no cycle in a chain', () => {
    const edge = (from: string, to: string) => ({ from, to, spec: to, line: 1, dynamic: false });
    const modules = ['a', 'b', 'c', 'd', 'e', 'f'];
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('e', 'e'), edge('d', 'f')];
    expect(importCycles(modules, edges)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(importCycles(['a', 'b', 'c'], [edge('a', 'b'), edge('b', 'c'), edge('a', 'c')])).toEqual([]);
  });

  it('flags an upward import, an import into no layer and a computed import, and not one into the same layer', () => {
    const edge = (from: string, to: string | undefined, spec = 'x') => ({ from, to, spec, line: 3 });
    expect(
      forbiddenImports([
        edge('src/core/a.ts', 'src/derivation/b.ts'),
        edge('src/core/a.ts', 'src/core/c.ts'),
        edge('src/core/a.ts', 'src/ir/expr.ts'),
        edge('src/numeric/a.ts', 'src/core/equal.ts'),
        edge('src/ir/a.ts', 'src/elsewhere/b.ts'),
        edge('src/cli/a.ts', undefined, '<computed>'),
        edge('src/index.ts', 'src/testing/matchers.ts'),
      ]).map((v) => `${v.from} ${v.to}`),
    ).toEqual([
      'src/core/a.ts derivation',
      'src/numeric/a.ts core',
      'src/ir/a.ts <outside every layer>',
      'src/cli/a.ts <computed import>',
    ]);
  });
});

describe('the layer table', () => {
  it('places every module of the product in exactly one layer', () => {
    expect(graph.modules.length).toBeGreaterThan(100);
    expect(graph.modules.filter((m) => layerOf(m) === undefined)).toEqual([]);
    const owners = (m: string) =>
      LAYERS.filter((l) => l.paths.some((p) => (p.endsWith('/') ? m.startsWith(p) : m === p)));
    expect(graph.modules.filter((m) => owners(m).length !== 1)).toEqual([]);
  });

  it('names only layers that exist, and every path of a layer exists', () => {
    const names = LAYERS.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(LAYERS.flatMap((l) => l.mayImport).filter((n) => !names.includes(n))).toEqual([]);
    expect(LAYERS.flatMap((l) => l.paths).filter((p) => !exists(p))).toEqual([]);
  });

  it('every relative import names a module that exists', () => {
    expect(
      graph.edges.filter((e) => e.to !== undefined && !exists(e.to)).map((e) => `${e.from}:${e.line} ${e.spec}`),
    ).toEqual([]);
  });

  it('every import is one the table allows (or is listed, with its reason, in ALLOWED_VIOLATIONS)', () => {
    expect(
      forbiddenImports(graph.edges)
        .filter((v) => !allowed(v))
        .map(show),
    ).toEqual([]);
  });

  it('every entry of ALLOWED_VIOLATIONS is still needed (the list only shrinks)', () => {
    const found = forbiddenImports(graph.edges);
    const stale = ALLOWED_VIOLATIONS.filter((a) => !found.some((v) => v.from === a.from && v.to === a.to));
    expect(stale).toEqual([]);
    for (const a of ALLOWED_VIOLATIONS) expect(a.why.length).toBeGreaterThan(20);
  });

  it('the floors and the trusted core import no package and no Node builtin', () => {
    const bad = graph.edges.filter((e) => e.to === undefined && NO_PACKAGES.includes(layerOf(e.from)?.name ?? ''));
    expect(bad.map((e) => `${e.from}:${e.line} ${e.spec}`)).toEqual([]);
    expect(graph.edges.filter((e) => layerOf(e.from)?.name === 'core').length).toBeGreaterThan(5);
  });

  it('the table in ARCHITECTURE.md is this table (the document cannot drift from the check)', () => {
    expect(documentedLayers()).toEqual(
      LAYERS.map((l) => ({ name: l.name, paths: [...l.paths], mayImport: [...l.mayImport].sort() })),
    );
  });
});

describe('import cycles', () => {
  const cycles = importCycles(graph.modules, graph.edges);
  const key = (modules: readonly string[]) => [...modules].sort().join(' ');
  const listed = new Set(ALLOWED_CYCLES.map((c) => key(c.modules)));

  it('there is none (but those listed, with their reason, in ALLOWED_CYCLES)', () => {
    expect(cycles.filter((c) => !listed.has(key(c)))).toEqual([]);
  });

  it('every entry of ALLOWED_CYCLES is still a cycle, exactly (the list only shrinks)', () => {
    const found = new Set(cycles.map(key));
    expect(ALLOWED_CYCLES.filter((c) => !found.has(key(c.modules)))).toEqual([]);
  });
});

describe('the product and the development tools', () => {
  it('the tools live in tools/, the product build compiles src/ only, and the package ships neither tools/ nor build/', () => {
    expect(modulesUnder(['tools']).length).toBeGreaterThan(10);
    const tools = LAYERS.find((l) => l.name === 'tools')!;
    expect(tools.paths.every((p) => p.startsWith('tools/'))).toBe(true);
    const productPaths = LAYERS.filter((l) => l !== tools).flatMap((l) => l.paths);
    expect(productPaths.filter((p) => !p.startsWith('src/'))).toEqual([]);
    const buildConfig = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    expect(buildConfig.include).toEqual(['src']);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      files: string[];
      scripts: Record<string, string>;
    };
    expect(pkg.files.filter((f) => /^(tools|build|src)\b/.test(f))).toEqual([]);
    expect(pkg.scripts.mutants).toContain('build/mutants/main.js');
    expect(pkg.scripts.conformance).toContain('build/conformance/main.js');
  });
});

describe('trust boundary', () => {
  it('only src/core/equal.ts builds a decision that says proved', () => {
    const modules = modulesUnder(['src', 'tools']).filter((m) => !m.startsWith('src/core/'));
    expect(modules.length).toBeGreaterThan(100);
    const offenders = modules.filter((m) => /proved:\s*true/.test(readFileSync(join(repoRoot, m), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every folder of src/ but the core is scanned for it', () => {
    const folders = readdirSync(join(repoRoot, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'core')
      .map((d) => d.name);
    expect(folders).toEqual(expect.arrayContaining(['explain', 'numeric', 'derivation', 'api', 'testing']));
    const scanned = new Set(modulesUnder(['src']).map((m) => m.split('/')[1]));
    expect(folders.filter((f) => !scanned.has(f))).toEqual([]);
  });
});

/** the rows of the "may import" table in ARCHITECTURE.md, as data */
function documentedLayers(): { name: string; paths: string[]; mayImport: string[] }[] {
  const lines = readFileSync(join(repoRoot, 'ARCHITECTURE.md'), 'utf8').split('\n');
  const header = lines.findIndex((l) => /^\|\s*layer\s*\|\s*paths\s*\|\s*role\s*\|\s*may import\s*\|$/.test(l));
  expect(header).toBeGreaterThan(0);
  const rows: { name: string; paths: string[]; mayImport: string[] }[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.slice(1, -1).split('|');
    expect(cells).toHaveLength(4);
    const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const [name, paths, , mayImport] = cells as [string, string, string, string];
    expect(ticked(name)).toHaveLength(1);
    if (mayImport.trim() === 'nothing') expect(ticked(mayImport)).toEqual([]);
    rows.push({ name: ticked(name)[0]!, paths: ticked(paths), mayImport: ticked(mayImport).sort() });
  }
  return rows;
}
