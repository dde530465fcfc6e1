/**
 * The trust boundary, enforced: the core imports only the IR (and itself);
 * the IR imports nothing outside itself; the numeric layer never imports the
 * core (it must stay an independent check).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;

function importsOf(folder: string): { file: string; spec: string }[] {
  const out: { file: string; spec: string }[] = [];
  for (const f of readdirSync(join(root, folder), { recursive: true }) as string[]) {
    if (!f.endsWith('.ts')) continue;
    const text = readFileSync(join(root, folder, f), 'utf8');
    for (const m of text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      out.push({ file: `${folder}/${f}`, spec: (m[1] ?? m[2])! });
    }
  }
  return out;
}

describe('trust boundary', () => {
  it('the core imports only the IR and itself (no parser, YAML, CLI, engine, numeric code or packages)', () => {
    const bad = importsOf('core').filter(({ spec }) => !(spec.startsWith('./') || spec.startsWith('../ir/')));
    expect(bad).toEqual([]);
    expect(importsOf('core').length).toBeGreaterThan(5);
  });
  it('the IR imports nothing outside itself', () => {
    expect(importsOf('ir').filter(({ spec }) => !spec.startsWith('./'))).toEqual([]);
  });
  it('the numeric cross-check never imports the core or the engine', () => {
    const bad = importsOf('numeric').filter(({ spec }) => /\.\.\/(core|engine)\//.test(spec));
    expect(bad).toEqual([]);
  });
  it('only src/core/equal.ts builds a decision that says proved', () => {
    const offenders: string[] = [];
    // every folder of src/ but the core, so a new folder cannot slip past
    const folders = (readdirSync(root, { withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isDirectory() && d.name !== 'core')
      .map((d) => d.name);
    expect(folders).toEqual(expect.arrayContaining(['engine', 'numeric', 'derivation', 'api', 'testing', 'mutants']));
    for (const folder of folders) {
      let files: string[] = [];
      try {
        files = readdirSync(join(root, folder), { recursive: true }) as string[];
      } catch {
        continue;
      }
      for (const f of files) {
        if (f.endsWith('.ts') && /proved:\s*true/.test(readFileSync(join(root, folder, f), 'utf8')))
          offenders.push(`${folder}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
