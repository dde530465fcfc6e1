/**
 * The repository's source files, without the TypeScript parser: for tests
 * that only list or read modules (the parser costs a worker a second and a
 * half to load; test/architecture/imports.ts uses it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

export const repoRoot = new URL('../../', import.meta.url).pathname;

/** every `.ts` file under the given repository folders, as repository paths */
export function modulesUnder(folders: readonly string[]): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    const abs = join(repoRoot, folder);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs, { recursive: true }) as string[]) {
      if (f.endsWith('.ts') && !f.endsWith('.d.ts')) out.push(posix.join(folder, f.split('\\').join('/')));
    }
  }
  return out.sort();
}
