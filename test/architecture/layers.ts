/**
 * ARCHITECTURE.md's layer table as data: which folders and files make each
 * layer, and which layers it may import. A layer may always import itself.
 * test/architecture.test.ts checks every import of the product against it,
 * and checks that the table in ARCHITECTURE.md says the same thing.
 */

export interface Layer {
  readonly name: string;
  /** repository paths: a folder ends in `/`, anything else is one file */
  readonly paths: readonly string[];
  readonly mayImport: readonly string[];
}

export const LAYERS: readonly Layer[] = [
  { name: 'ir', paths: ['src/ir/'], mayImport: [] },
  { name: 'core', paths: ['src/core/'], mayImport: ['ir'] },
  { name: 'verdict', paths: ['src/verdict/'], mayImport: ['ir'] },
  { name: 'numeric', paths: ['src/numeric/'], mayImport: ['ir', 'verdict'] },
  { name: 'parse', paths: ['src/parse/'], mayImport: ['ir'] },
  { name: 'explain', paths: ['src/explain/'], mayImport: ['ir', 'verdict', 'core', 'numeric'] },
  {
    name: 'derivation',
    paths: ['src/derivation/'],
    mayImport: ['ir', 'verdict', 'core', 'numeric', 'parse', 'explain'],
  },
  { name: 'report', paths: ['src/report/'], mayImport: ['ir', 'verdict'] },
  { name: 'cli', paths: ['src/cli/'], mayImport: ['ir', 'verdict', 'explain', 'derivation', 'report', 'api'] },
  {
    name: 'api',
    paths: ['src/index.ts', 'src/browser.ts', 'src/api/', 'src/testing/'],
    mayImport: ['ir', 'verdict', 'parse', 'explain', 'derivation'],
  },
  { name: 'playground', paths: ['src/playground/'], mayImport: ['ir', 'verdict', 'report', 'api'] },
  {
    name: 'tools',
    paths: ['tools/conformance/', 'tools/mutants/'],
    mayImport: ['ir', 'verdict', 'numeric', 'parse', 'derivation'],
  },
];

/** the folders whose modules the table governs */
export const GOVERNED_FOLDERS: readonly string[] = ['src', 'tools'];

/** layers that import no package and no Node builtin: the floors and the trusted core */
export const NO_PACKAGES: readonly string[] = ['ir', 'verdict', 'core'];

/**
 * Imports the table forbids that are still there, each with the reason. This
 * list may only shrink: an entry that no import needs any more fails the test.
 * `from` is a module, `to` a layer.
 */
export const ALLOWED_VIOLATIONS: readonly { readonly from: string; readonly to: string; readonly why: string }[] = [];

/**
 * Import cycles still there, each as the sorted list of its modules (a
 * strongly connected component of the import graph) with the reason. May only
 * shrink: a cycle not listed fails, and so does an entry matching no cycle.
 */
export const ALLOWED_CYCLES: readonly { readonly modules: readonly string[]; readonly why: string }[] = [];

/** the layer a module belongs to (the longest matching path), or undefined */
export function layerOf(module: string): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      const hit = p.endsWith('/') ? module.startsWith(p) : module === p;
      if (hit && (best === undefined || p.length > best.length)) best = { layer, length: p.length };
    }
  }
  return best?.layer;
}

export interface Violation {
  readonly from: string;
  readonly line: number;
  readonly spec: string;
  /** the imported module's layer, or a reason it has none */
  readonly to: string;
}

/**
 * The imports that break the table: into a layer not in the importer's
 * `mayImport`, out of every layer (a module the table does not place), or a
 * computed dynamic import (which no reader can check).
 */
export function forbiddenImports(
  edges: readonly { from: string; spec: string; to: string | undefined; line: number }[],
): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    if (e.spec === '<computed>') {
      out.push({ from: e.from, line: e.line, spec: e.spec, to: '<computed import>' });
      continue;
    }
    if (e.to === undefined) continue;
    const to = layerOf(e.to);
    if (from === undefined || to === undefined) {
      out.push({ from: e.from, line: e.line, spec: e.spec, to: to?.name ?? '<outside every layer>' });
    } else if (to !== from && !from.mayImport.includes(to.name)) {
      out.push({ from: e.from, line: e.line, spec: e.spec, to: to.name });
    }
  }
  return out;
}
