/**
 * Unused exports (scripts/unused-exports.mjs, run by `npm run lint`): an
 * export of src/ or tools/ that no other module imports is reported, unless
 * it is in the known list, which may only shrink.
 */
import { describe, expect, it } from 'vitest';
import { check, exportKey, unusedExportsIn } from '../scripts/unused-exports.mjs';

const names = (sources: Record<string, string>, entries: string[] = []) =>
  unusedExportsIn(new Map(Object.entries(sources)), entries).map(exportKey);

describe('unused exports', () => {
  it('reports an export no other module imports, and not one that is imported', () => {
    const found = names({
      'src/a.ts':
        'export const used = 1;\nexport function unused() {}\nexport interface Shape {}\nexport type Kind = 1;',
      'src/b.ts': "import { used } from './a.js';\nimport type { Shape } from './a.js';\nexport const b = used;",
      'test/b.test.ts': "import { b } from '../src/b.js';",
    });
    expect(found).toEqual(['src/a.ts: unused', 'src/a.ts: Kind']);
  });

  it('counts namespace imports, dynamic imports, vi.mock and re-exports passed on to an importer', () => {
    const found = names({
      'src/ns.ts': 'export const x = 1;',
      'src/dyn.ts': 'export const y = 1;',
      'src/mocked.ts': 'export const z = 1;',
      'src/deep.ts': 'export const d = 1;\nexport const e = 1;',
      'src/barrel.ts': "export { d } from './deep.js';\nexport * from './ns.js';",
      'test/t.test.ts':
        "import * as ns from '../src/ns.js';\nconst m = await import('../src/dyn.js');\nvi.mock('../src/mocked.js');\nimport { d } from '../src/barrel.js';",
    });
    expect(found).toEqual(['src/deep.ts: e']);
  });

  it("an entry point's exports are the public API: used, and so is what it re-exports", () => {
    const found = names(
      { 'src/index.ts': "export { api } from './api.js';\nexport const v = 1;", 'src/api.ts': 'export const api = 1;' },
      ['src/index.ts'],
    );
    expect(found).toEqual([]);
  });

  it('the known list only shrinks: a new unused export fails, and so does a listed one now used', () => {
    const u = { file: 'src/a.ts', name: 'f', line: 1 };
    expect(check([u], [])).toEqual({ fresh: [u], stale: [] });
    expect(check([], ['src/a.ts: f'])).toEqual({ fresh: [], stale: ['src/a.ts: f'] });
    expect(check([u], ['src/a.ts: f'])).toEqual({ fresh: [], stale: [] });
  });
});
