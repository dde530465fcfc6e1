/**
 * A derivation's declarations, `symbols:` and `define:`: read from a file's
 * YAML nodes (load.ts), or from a plain object shaped the same (the library's
 * contexts, src/api/context.ts), by the same readers, so a context means
 * exactly what it would in a file. An object has no text, so its errors
 * carry only their location (`symbols.x`), no meaningful line.
 */
import { Document, type Node, isMap, isScalar } from 'yaml';
import type { Definition, SymbolDecl } from '../ir/symbols.js';
import type { Place, InputError, LoadedDefinition } from './model.js';
import { LineTable } from './line-table.js';
import { LoadContext } from './load-context.js';
import { checkCalls } from './load-calls.js';
import { functionsWith, readDefineBodies, readDefineHeads } from './load-define.js';
import { readSymbols } from './load-symbols.js';

/** what `symbols:` and `define:` declare */
interface Declarations {
  readonly symbols: Map<string, SymbolDecl>;
  /** where each symbol is declared */
  readonly places: Map<string, Place>;
  /** symbols whose domain was not written (real by default) */
  readonly byDefault: Set<string>;
  readonly definitions: LoadedDefinition[];
  /** every defined name with its arity (0 for a defined quantity) */
  readonly functions: Map<string, number>;
}

/** `symbols:` and `define:` of a map, each given as its value node (null when absent or written empty) */
export function readDeclarations(ctx: LoadContext, symbolsNode: Node | null, defineNode: Node | null): Declarations {
  // define's heads first: symbols' independent_of and every expression must know which names are defined
  const heads = defineNode ? readDefineHeads(ctx, defineNode, symbolNames(ctx, symbolsNode), 'define') : [];
  const functions = functionsWith(new Map(), heads);
  const { symbols, places, byDefault } = symbolsNode
    ? readSymbols(ctx, symbolsNode, functions)
    : { symbols: new Map<string, SymbolDecl>(), places: new Map<string, Place>(), byDefault: new Set<string>() };
  const definitions = readDefineBodies(ctx, heads, symbols, functions);
  return { symbols, places, byDefault, definitions, functions };
}

/** the names under symbols, without reading the declarations (define needs them first) */
function symbolNames(ctx: LoadContext, node: Node | null): Set<string> {
  const map = ctx.resolve(node);
  const names = new Set<string>();
  if (!isMap(map)) return names;
  for (const pair of map.items) {
    const k = ctx.resolve(pair.key as Node | null);
    if (isScalar(k) && k.value !== null && typeof k.value !== 'object') names.add(String(k.value));
  }
  return names;
}

/** The symbols and definitions an object `{symbols, define}` declares, read as a file's would be, or every problem found. */
export function loadDeclarations(value: { readonly symbols?: unknown; readonly define?: unknown }):
  | {
      readonly ok: true;
      readonly symbols: ReadonlyMap<string, SymbolDecl>;
      readonly definitions: readonly Definition[];
    }
  | { readonly ok: false; readonly errors: readonly InputError[] } {
  const doc = new Document({ symbols: value.symbols ?? null, define: value.define ?? null });
  const ctx = new LoadContext('<context>', '', new LineTable(''), doc);
  const get = (key: string): Node | null => {
    const node = isMap(doc.contents) ? (doc.contents.get(key, true) as Node | undefined) : undefined;
    return node === undefined || (isScalar(node) && node.value === null) ? null : node;
  };
  const d = readDeclarations(ctx, get('symbols'), get('define'));
  const top = new Map<string, Definition>(d.definitions.map((x) => [x.name, x]));
  checkCalls(ctx, () => top, d.symbols);
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  return { ok: true, symbols: d.symbols, definitions: d.definitions };
}
