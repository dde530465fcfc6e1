/**
 * `define:` sections (top level and per case): keys `name` or `f(x, y)`,
 * values expressions. Heads are read first and bodies second, so definitions
 * may refer to each other in any order (cycles are found later, by unfold).
 */
import type { Node } from 'yaml';
import type { SymbolDecl } from '../ir/symbols.js';
import { nameProblem } from '../parse/names.js';
import type { LoadContext } from './load-context.js';
import type { LoadedDefinition } from './model.js';

/** a definition's key, read: its name and parameters */
export interface DefineHead {
  readonly name: string;
  readonly params: readonly string[];
  readonly keyNode: Node | null;
  readonly value: Node | null;
  /** `define.f(x)`, `cases[0].define.ps` */
  readonly location: string;
}

/** the heads of the definitions in a define map; `declared` holds the names under symbols; `prefix` is `define` or `cases[n].define` */
export function readDefineHeads(
  ctx: LoadContext,
  node: Node | null,
  declared: { has(name: string): boolean },
  prefix: string,
): DefineHead[] {
  const map = ctx.map(node, prefix, prefix);
  if (!map) return [];
  const heads: DefineHead[] = [];
  const seen = new Set<string>();
  for (const { key, keyNode, value } of ctx.entries(map, prefix)) {
    const location = `${prefix}.${key}`;
    const head = readHead(key, declared, seen, prefix);
    if ('message' in head) {
      ctx.error(head.code, keyNode, head.message, location);
      continue;
    }
    seen.add(head.name);
    heads.push({ ...head, keyNode, value, location });
  }
  return heads;
}

/** a definition key read: its name and parameters, or why it cannot be (`seen`: the names defined before it) */
function readHead(
  key: string,
  declared: { has(name: string): boolean },
  seen: ReadonlySet<string>,
  prefix: string,
): { name: string; params: string[] } | { code: string; message: string } {
  const m = /^\s*([^\s(]+)\s*(?:\(([^()]*)\))?\s*$/u.exec(key);
  if (!m)
    return {
      code: 'schema',
      message: `cannot read the definition key '${key}'; write \`name: expression\` or \`f(x, y): expression\``,
    };
  const name = m[1]!;
  const params = m[2] === undefined ? [] : m[2].split(',').map((p) => p.trim());
  const problems = [name, ...params].map((n) => [n, nameProblem(n)] as const).filter(([, p]) => p);
  if (m[2] !== undefined && m[2].trim() === '')
    return {
      code: 'schema',
      message: `'${name}()' has no parameters; write \`${name}: expression\` for a defined quantity`,
    };
  if (problems.length) {
    const [, p] = problems[0]!;
    return { code: p!.code, message: p!.message };
  }
  if (new Set(params).size !== params.length)
    return { code: 'schema', message: `the parameters of '${name}' repeat a name; give each parameter its own name` };
  if (declared.has(name))
    return {
      code: 'schema',
      message: `'${name}' is both declared under symbols and defined under ${prefix}; keep one of them`,
    };
  if (seen.has(name))
    return { code: 'schema', message: `'${name}' is defined twice in ${prefix}; keep one definition` };
  return { name, params };
}

/** the defined names of `base` and `heads` (a head overrides a base name) with their numbers of parameters */
export function functionsWith(base: ReadonlyMap<string, number>, heads: readonly DefineHead[]): Map<string, number> {
  const out = new Map(base);
  for (const h of heads) out.set(h.name, h.params.length);
  return out;
}

/**
 * the definitions with their bodies read. Inside a body the parameters are
 * neither declared nor defined, so a parameter may be used as a value or as
 * an index (`a(u): sum(k, w[u,k] * s[k])`).
 */
export function readDefineBodies(
  ctx: LoadContext,
  heads: readonly DefineHead[],
  symbols: ReadonlyMap<string, SymbolDecl>,
  functions: ReadonlyMap<string, number>,
): LoadedDefinition[] {
  const out: LoadedDefinition[] = [];
  for (const h of heads) {
    const env =
      h.params.length === 0
        ? { symbols, functions }
        : { symbols: without(symbols, h.params), functions: without(functions, h.params) };
    const body = ctx.expression(h.value, env, `the definition of '${h.name}'`, h.location);
    if (body) out.push({ name: h.name, params: h.params, body: body.expr, place: body.place, source: body.source });
  }
  return out;
}

function without<V>(map: ReadonlyMap<string, V>, names: readonly string[]): Map<string, V> {
  const out = new Map(map);
  for (const n of names) out.delete(n);
  return out;
}
