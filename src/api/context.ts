/**
 * The library's contexts: what the names in an expression mean (symbols and
 * definitions), taken from a derivation file or from a plain object with the
 * same shape as a file's `symbols:` and `define:`. Both go through the
 * derivation loader, so a context means exactly what it would in a file.
 */
import { readDerivationFileSync } from '../derivation/read-file.js';
import type { Definition, Scope, SymbolDecl } from '../ir/symbols.js';
import type { ParseEnv } from '../parse/expression.js';
import { loadDerivation } from '../derivation/load.js';
import { loadDeclarations } from '../derivation/load-declarations.js';
import { type ApiError, type ApiResult, DerivcheckError } from './errors.js';

/** `symbols:` and `define:` written as a JS object, e.g. `{symbols: {x: {domain: 'positive', opaque: false}}, define: {'a(u)': 'sum(k, w[u,k] * s[k])'}}` */
export interface ContextObject {
  readonly symbols?: Readonly<Record<string, unknown>>;
  readonly define?: Readonly<Record<string, unknown>>;
}

/** a derivation file whose symbols and definitions apply; `text` (if given) is its content, and `file` only names it */
export interface DerivationContext {
  readonly file: string;
  readonly text?: string;
}

/** A loaded context: build it once with loadContext and pass it to every call. */
export interface Context {
  readonly kind: 'context';
  /** the symbols, definitions and (no) assumptions the core and the numeric layer read */
  readonly scope: Scope;
  /** what the expression reader needs: declared names and defined names with their arity */
  readonly env: ParseEnv;
}

/** anything a context can be given as */
export type ContextInput = ContextObject | DerivationContext | Context;

const OBJECT_KEYS = ['symbols', 'define'];

/** the contexts loadContext built: an object that only says `kind: 'context'` is not one (it would reach the checker unread) */
const LOADED = new WeakSet<Context>();

/** The context `input` describes (an empty one when undefined), or the problems that stop it being read. */
export function loadContext(input?: ContextInput): ApiResult<{ context: Context }> {
  if (input === undefined) return { ok: true, context: fromDerivation(undefined) };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failure('context', 'a context must be an object: {symbols, define}, {file} or one returned by loadContext');
  }
  if ('kind' in input && input.kind === 'context') {
    if (LOADED.has(input)) return { ok: true, context: input };
    return failure(
      'context',
      "an object with kind: 'context' that loadContext did not return; pass {symbols, define}, {file}, or loadContext's context",
    );
  }
  if ('file' in input) {
    if (typeof input.file !== 'string')
      return failure('context', `file must be the path of a derivation file (text); ${typeof input.file} was given`);
    return fromFile(input as DerivationContext);
  }
  return fromObject(input as ContextObject);
}

/** loadContext, throwing a DerivcheckError instead of returning the problems */
export function loadContextOrThrow(input?: ContextInput): Context {
  const r = loadContext(input);
  if (!r.ok) throw new DerivcheckError(r.errors);
  return r.context;
}

function fromFile(input: DerivationContext): ApiResult<{ context: Context }> {
  let text = input.text;
  if (text === undefined) {
    const read = readDerivationFileSync(input.file);
    if (!read.ok) return failure(read.code, read.message, { file: input.file, line: read.line, column: read.column });
    text = read.text;
  }
  const r = loadDerivation(input.file, text);
  if (!r.ok) {
    const errors = r.errors.map(
      (e): ApiError => ({
        code: e.code,
        message: e.message,
        file: e.place.file,
        line: e.place.line,
        column: e.place.column,
        ...(e.location ? { location: e.location } : {}),
      }),
    );
    return { ok: false, errors };
  }
  return { ok: true, context: fromDerivation(r.derivation) };
}

/**
 * The object read by the loader's own declaration reader (no YAML text in
 * between); it has no lines, so errors keep only the location (`symbols.x`)
 */
function fromObject(input: ContextObject): ApiResult<{ context: Context }> {
  const unknown = Object.keys(input).filter((k) => !OBJECT_KEYS.includes(k));
  if (unknown.length > 0)
    return failure(
      'schema',
      `unknown key '${unknown[0]}' in the context; the allowed keys are ${OBJECT_KEYS.join(', ')}`,
      { location: unknown[0]! },
    );
  const r = loadDeclarations(input);
  if (!r.ok)
    return {
      ok: false,
      errors: r.errors.map((e): ApiError => ({ code: e.code, message: e.message, location: e.location })),
    };
  return { ok: true, context: fromDerivation(r) };
}

function fromDerivation(
  d: { readonly symbols: ReadonlyMap<string, SymbolDecl>; readonly definitions: readonly Definition[] } | undefined,
): Context {
  const symbols: ReadonlyMap<string, SymbolDecl> = d?.symbols ?? new Map();
  const definitions = new Map<string, Definition>(
    (d?.definitions ?? []).map((x) => [x.name, { name: x.name, params: x.params, body: x.body }]),
  );
  // every defined name, with its arity (0 for a defined quantity), as the loader reads steps
  const functions = new Map([...definitions.values()].map((x) => [x.name, x.params.length]));
  const context: Context = {
    kind: 'context',
    scope: { symbols, definitions, assumptions: [] },
    env: { symbols, functions },
  };
  LOADED.add(context);
  return context;
}

function failure(code: string, message: string, where: Partial<ApiError> = {}): { ok: false; errors: ApiError[] } {
  return { ok: false, errors: [{ ...where, code, message }] };
}
