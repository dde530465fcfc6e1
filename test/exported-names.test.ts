/**
 * One name, one meaning: no two modules of src/ export the same name (two
 * `Field` classes, two `Undefined`, two `Meter` once made a reader guess
 * which one a file meant). The exceptions are listed with their reason;
 * the test fails when one is no longer needed, so the list only shrinks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modulesUnder, repoRoot } from './architecture/repo-files.js';

const ALLOWED: Readonly<Record<string, string>> = {
  // the library's reader (src/api/expression.ts) wraps the parser's, under the name users know
  parseExpression: 'the public API over text and the parser',
  // the library's (src/index.ts, options with defaults) over the checker's (src/derivation/verify.ts, full settings)
  verifyFile: 'the public API and the checker it calls',
};

/** every name exported by a declaration, with the modules that export it */
function exporters(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of modulesUnder(['src'])) {
    const text = readFileSync(join(repoRoot, m), 'utf8');
    const declared =
      /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function\*?|const|let|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
    for (const [, name] of text.matchAll(declared)) {
      if (!out.has(name!)) out.set(name!, new Set());
      out.get(name!)!.add(m);
    }
  }
  return out;
}

describe('exported names', () => {
  it('no two modules of src/ export the same name, except the listed ones', () => {
    const twice = [...exporters()]
      .filter(([name, modules]) => modules.size > 1 && !(name in ALLOWED))
      .map(([name, modules]) => `${name}: ${[...modules].join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('every listed exception is still needed', () => {
    const all = exporters();
    expect(Object.keys(ALLOWED).filter((name) => (all.get(name)?.size ?? 0) < 2)).toEqual([]);
  });
});
