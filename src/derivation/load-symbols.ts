/**
 * The `symbols:` section: `name: index`, or `name: {indices, domain,
 * independent_of, opaque}`, to declarations. A declared name without indices
 * is an independent variable of its domain (contract version 2); it is an
 * opaque quantity when it says `opaque: true` or has `independent_of`.
 */
import type { Node } from 'yaml';
import { isScalar } from 'yaml';
import type { Variable } from '../ir/expr.js';
import { REAL, type Domain, type SymbolDecl } from '../ir/symbols.js';
import { withMirrorVariables } from './split-key.js';
import { parseDomain } from '../parse/domain.js';
import { nameProblem } from '../parse/names.js';
import { type Entry, type LoadContext, describe } from './load-context.js';
import type { Place } from './model.js';

/** why: arrays in derivations have one to a few indices, and the numeric checker builds n^indices elements */
export const MAX_ARRAY_INDICES = 8;

/** the keys of a declaration map (docs/derivation.schema.json lists the same; a test keeps them equal) */
export const DECLARATION_KEYS = ['indices', 'domain', 'independent_of', 'opaque', 'symmetric'] as const;

interface LoadedSymbols {
  readonly symbols: Map<string, SymbolDecl>;
  readonly places: Map<string, Place>;
  /** scalars that are independent variables only by the version-2 default (no `opaque`, no `independent_of`): in version 1 they were opaque */
  readonly byDefault: Set<string>;
}

/** the declarations in a `symbols:` map; `functions` (the defined names) is needed to read `independent_of` */
export function readSymbols(
  ctx: LoadContext,
  node: Node | null,
  functions: ReadonlyMap<string, number>,
): LoadedSymbols {
  const symbols = new Map<string, SymbolDecl>();
  const places = new Map<string, Place>();
  const byDefault = new Set<string>();
  const pending: { name: string; domain: Domain; list: Node | null; location: string }[] = [];
  const map = ctx.map(node, 'symbols', 'symbols');
  if (!map) return { symbols, places, byDefault };
  for (const { key: name, keyNode, value } of ctx.entries(map, 'symbols')) {
    const location = `symbols.${name}`;
    const problem = nameProblem(name);
    if (problem) {
      ctx.error(problem.code, keyNode, problem.message, location);
      ctx.refusedNames.add(name);
      continue;
    }
    places.set(name, ctx.place(keyNode));
    const v = ctx.resolve(value);
    if (isScalar(v) && v.value === 'index') {
      symbols.set(name, { kind: 'index', name });
      continue;
    }
    const decl = ctx.map(
      v,
      `the declaration of '${name}' (write \`${name}: index\` or \`${name}: {indices: N, domain: ...}\`)`,
      location,
    );
    if (!decl) continue;
    const entries = ctx.entries(decl, location);
    ctx.onlyKeys(entries, DECLARATION_KEYS, `the declaration of '${name}'`, location);
    const get = (k: string) => entries.find((e) => e.key === k);
    const domainEntry = get('domain');
    const domain = domainEntry ? readDomain(ctx, domainEntry.value, location) : REAL;
    const indicesEntry = get('indices');
    const independent = get('independent_of');
    if (indicesEntry) {
      const array = readArray(ctx, name, get, domain, location);
      if (array) symbols.set(name, array);
      continue;
    }
    readSymmetric(ctx, get('symmetric'), name, 0, location);
    const opaqueEntry = get('opaque');
    const opaque = readOpaque(ctx, name, opaqueEntry, independent, location);
    if (!opaqueEntry && !independent) byDefault.add(name);
    symbols.set(name, { kind: 'scalar', name, domain, opaque, independentOf: [] });
    if (independent && opaque) pending.push({ name, domain, list: independent.value, location });
  }
  // independent_of mentions other symbols (`w[i,j]`), so it is read once every declaration is known
  for (const p of pending) {
    const independentOf = withMirrorVariables(readVariables(ctx, p.list, { symbols, functions }, p.location), symbols);
    symbols.set(p.name, { kind: 'scalar', name: p.name, domain: p.domain, opaque: true, independentOf });
  }
  return { symbols, places, byDefault };
}

/**
 * whether the scalar `name` is opaque: version 2 makes it independent unless
 * it says `opaque: true` or lists what it is independent of; `opaque` must be
 * a boolean, and `opaque: false` with `independent_of` is refused
 */
function readOpaque(
  ctx: LoadContext,
  name: string,
  opaqueEntry: Entry | undefined,
  independent: Entry | undefined,
  location: string,
): boolean {
  const opaqueValue = opaqueEntry ? ctx.resolve(opaqueEntry.value) : undefined;
  const opaque = isScalar(opaqueValue) && opaqueValue.value === true ? true : !opaqueEntry && independent !== undefined;
  if (opaqueEntry && !(isScalar(opaqueValue) && typeof opaqueValue.value === 'boolean')) {
    ctx.error(
      'schema',
      opaqueEntry.value ?? opaqueEntry.keyNode,
      `opaque must be true or false (true: '${name}' is a quantity that may depend on the variables; false, the default: an independent variable of its domain)`,
      location,
    );
  }
  if (opaqueEntry && !opaque && independent)
    ctx.error(
      'schema',
      independent.keyNode,
      `'${name}' is declared opaque: false, an independent variable, so independent_of does not apply; remove one of them`,
      location,
    );
  return opaque;
}

function readDomain(ctx: LoadContext, node: Node | null, location: string): Domain {
  const text = ctx.string(node, 'domain', location);
  if (text === undefined) return REAL;
  const r = parseDomain(text);
  if (r.ok) return r.domain;
  ctx.error('schema', ctx.resolve(node), r.message, location);
  return REAL;
}

function readArity(ctx: LoadContext, node: Node | null, location: string): number | undefined {
  const n = ctx.resolve(node);
  const v = isScalar(n) ? n.value : undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_ARRAY_INDICES) return v;
  ctx.error(
    'schema',
    n ?? node,
    `indices must be a whole number from 1 to ${MAX_ARRAY_INDICES} (limit MAX_ARRAY_INDICES); ${describe(n)} was given`,
    location,
  );
  return undefined;
}

/** a list of variables (scalar names or array elements), each written as an expression */
function readVariables(
  ctx: LoadContext,
  node: Node | null,
  env: Parameters<LoadContext['expression']>[1],
  location: string,
): Variable[] {
  const list = ctx.seq(node, 'independent_of', location);
  if (!list) return [];
  const out: Variable[] = [];
  for (const item of list.items as Node[]) {
    const r = ctx.expression(item, env, 'an entry of independent_of', location);
    if (!r) continue;
    if (r.expr.kind === 'sym' && env.functions.has(r.expr.name))
      ctx.error(
        'schema',
        ctx.resolve(item),
        `independent_of lists variables, and '${r.expr.name}' is defined under define; list the variables it is built from instead`,
        location,
      );
    else if (r.expr.kind === 'sym' || r.expr.kind === 'elem') out.push(r.expr);
    else
      ctx.error(
        'schema',
        ctx.resolve(item),
        `independent_of lists variables, a scalar name or an array element such as "w[i,j]"; '${r.source}' is neither`,
        location,
      );
  }
  return out;
}

/** `symmetric: true|false` of an array: a boolean, and only for two indices */
function readSymmetric(
  ctx: LoadContext,
  entry: { keyNode: Node | null; value: Node | null } | undefined,
  name: string,
  arity: number | undefined,
  location: string,
): boolean {
  if (!entry) return false;
  if (arity === 0) {
    ctx.error(
      'schema',
      entry.keyNode,
      `symmetric applies to arrays of two indices, and '${name}' is a scalar; write \`${name}: {indices: 2, symmetric: true}\` or remove symmetric`,
      location,
    );
    return false;
  }
  const v = ctx.resolve(entry.value);
  if (!(isScalar(v) && typeof v.value === 'boolean')) {
    ctx.error(
      'schema',
      entry.value ?? entry.keyNode,
      `symmetric must be true or false (true: ${name}[a, b] and ${name}[b, a] are one quantity)`,
      location,
    );
    return false;
  }
  if (v.value && arity !== undefined && arity !== 2) {
    ctx.error(
      'schema',
      entry.keyNode,
      `symmetric applies to arrays of two indices, and '${name}' has ${arity}; write indices: 2 or remove symmetric`,
      location,
    );
    return false;
  }
  return v.value;
}

/** an array's declaration (`indices`, `domain`, `symmetric`); independent_of and opaque: true are for scalars */
function readArray(
  ctx: LoadContext,
  name: string,
  get: (k: string) => { keyNode: Node | null; value: Node | null } | undefined,
  domain: Domain,
  location: string,
): SymbolDecl | undefined {
  const arity = readArity(ctx, get('indices')!.value, location);
  const independent = get('independent_of');
  if (independent)
    ctx.error(
      'schema',
      independent.keyNode,
      `independent_of applies to scalars, and '${name}' is an array; remove independent_of or indices`,
      location,
    );
  // an array's elements are independent variables: `opaque: true` would say the opposite and was once ignored
  const opaque = get('opaque');
  const flag = opaque ? ctx.resolve(opaque.value) : undefined;
  if (opaque && !(isScalar(flag) && typeof flag.value === 'boolean'))
    ctx.error('schema', opaque.value ?? opaque.keyNode, 'opaque must be true or false', location);
  else if (opaque && isScalar(flag) && flag.value === true)
    ctx.error(
      'schema',
      opaque.keyNode,
      `opaque applies to scalars; the elements of the array '${name}' are independent variables. For quantities that depend on the variables, define them (\`${name}(u): ...\`) or declare an opaque scalar`,
      location,
    );
  const symmetric = readSymmetric(ctx, get('symmetric'), name, arity, location);
  return arity === undefined ? undefined : { kind: 'array', name, arity, domain, ...(symmetric ? { symmetric } : {}) };
}
