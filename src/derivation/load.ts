/**
 * A derivation file's text to a LoadedDerivation: YAML with positions, the
 * schema checked by hand, every expression read to the IR. Input problems are
 * collected (as many as can be found in one pass, at least one per bad step)
 * and returned as data with a place; nothing here throws for any input text.
 */
import { type Node, type YAMLError, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LineTable } from './line-table.js';
import { LoadContext } from './load-context.js';
import { MAX_YAML_NESTING, yamlNestingExcess } from './load-limits.js';
import { readCases } from './load-cases.js';
import { checkFileDiffs, readEquations } from './load-assume.js';
import { readSteps } from './load-steps.js';
import { readDeclarations } from './load-declarations.js';
import { badEscapeMessage, overIndentedKey } from './load-yaml-mistakes.js';
import { utf8ByteLength } from './utf8.js';
import type { InputError, LoadResult, LoadedCase, LoadedClaim, LoadedDefinition, LoadedStep } from './model.js';
import type { Definition, SymbolDecl } from '../ir/symbols.js';
import { type DefinitionsAt, checkCalls } from './load-calls.js';
import { undeclaredVariables } from './case-rules.js';
import type { ParseEnv } from '../parse/expression.js';
import { parseLatex } from '../parse/latex.js';

/** why: a derivation is a page of YAML; 2 MB bounds the memory and time of reading a hostile or mistaken file */
export const MAX_FILE_BYTES = 2_000_000;
/** the words for a file of `bytes` bytes, past MAX_FILE_BYTES (the loader's, and the file reader's before reading) */
export const fileTooLargeMessage = (bytes: number): string =>
  `the file has ${bytes} bytes, more than ${MAX_FILE_BYTES} (limit MAX_FILE_BYTES); split the derivation into several files`;
/** why: each step costs a symbolic and a numeric check; 5000 steps (main chain and cases together) is far past any real derivation */
export const MAX_STEPS = 5000;
/** why: YAML aliases can expand exponentially (a "billion laughs" file); this many is plenty for sharing a few expressions */
export const MAX_ALIASES = 100;

/** the top-level keys of a derivation file (docs/derivation.schema.json lists the same; a test keeps them equal) */
export const TOP_KEYS = ['title', 'source', 'symbols', 'define', 'assume', 'claim', 'steps', 'cases'] as const;
/** the keys of `claim` */
export const CLAIM_KEYS = ['lhs', 'rhs'] as const;

/** the derivation in `text` (read from `file`, which names it in places), or every input problem found */
export function loadDerivation(file: string, source: string): LoadResult {
  // a carriage return alone ends a line (classic Mac files), but the yaml library reads it as a space: as a line feed, same offsets
  const text = source.replace(/\r(?!\n)/g, '\n');
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    return failure([
      {
        code: 'limit',
        place: { file, line: 1, column: 1 },
        message: fileTooLargeMessage(bytes),
      },
    ]);
  }
  const table = new LineTable(text);
  const deep = yamlNestingExcess(text);
  if (deep) {
    const at = { file, ...table.at(deep.offset) };
    const what = deep.how === 'flow' ? 'brackets [ or { nest' : 'indentation nests';
    return failure([
      {
        code: 'limit',
        place: at,
        message: `the file's ${what} deeper than ${MAX_YAML_NESTING} levels (limit MAX_YAML_NESTING); a derivation needs only a few levels`,
      },
    ]);
  }
  // places come from the LineTable above, not from the yaml library's line counter
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) return failure(distinct(doc.errors.map((e) => yamlError(file, text, table, e))));
  try {
    // only to let the yaml library count alias expansions; the tree is read below, from the nodes
    // mapAsMap: a map used as a key would otherwise be stringified with a process warning on stderr
    doc.toJS({ maxAliasCount: MAX_ALIASES, mapAsMap: true });
  } catch (err) {
    const place = { file, line: 1, column: 1 };
    if (err instanceof Error && /alias/i.test(err.message)) {
      return failure([
        {
          code: 'limit',
          place,
          message: `the file's YAML aliases expand to too much (limit MAX_ALIASES = ${MAX_ALIASES}); write the repeated parts out or use fewer aliases`,
        },
      ]);
    }
    return failure([
      {
        code: 'yaml-syntax',
        place,
        message: `the YAML cannot be read: ${err instanceof Error ? err.message : String(err)}; fix the file`,
      },
    ]);
  }
  const ctx = new LoadContext(file, text, table, doc);
  return readDerivation(ctx, doc.contents as Node | null);
}

/** the title: a non-empty line (undefined, with an error, when missing or not text) */
function readTitle(ctx: LoadContext, root: Node, node: Node | null | undefined): string | undefined {
  if (node === undefined) {
    ctx.error('schema', root, 'the file has no title; add `title: ...`, one line shown in reports', 'title');
    return undefined;
  }
  const title = ctx.string(node, 'title', 'title');
  if (title !== undefined && title.trim() === '')
    ctx.error('schema', node, 'the title is empty; write one line that says what the derivation shows', 'title');
  return title;
}

/** true, with the error, when the file has more than MAX_STEPS steps (counted before any is read) */
function tooManySteps(ctx: LoadContext, root: Node, steps: Node | null, cases: Node | null): boolean {
  const tooMany = countSteps(ctx, steps, cases);
  if (tooMany === undefined) return false;
  ctx.error(
    'limit',
    root,
    `the file has ${tooMany} steps, more than ${MAX_STEPS} (limit MAX_STEPS); split the derivation into several files`,
    'steps',
  );
  return true;
}

function readDerivation(ctx: LoadContext, contents: Node | null): LoadResult {
  const root = ctx.map(contents, 'the file', 'file');
  if (!root) return failure(ctx.errors);
  const entries = ctx.entries(root, 'file');
  ctx.onlyKeys(entries, TOP_KEYS, 'the file', 'file');
  const get = (k: string) => entries.find((e) => e.key === k)?.value ?? null;
  const has = (k: string) => entries.some((e) => e.key === k);
  // an optional section written with nothing under it (`symbols:`) is an empty section
  const present = (k: 'symbols' | 'define') => has(k) && !isNothing(ctx.resolve(get(k)));

  const title = readTitle(ctx, root, has('title') ? get('title') : undefined);
  const source = has('source') ? ctx.string(get('source'), 'source', 'source') : undefined;
  if (!has('steps'))
    ctx.error('schema', root, 'the file has no steps; add `steps:` with at least one `- expr: ...`', 'steps');

  if (tooManySteps(ctx, root, get('steps'), get('cases'))) return failure(ctx.errors);

  const declared = readDeclarations(
    ctx,
    present('symbols') ? get('symbols') : null,
    present('define') ? get('define') : null,
  );
  const { symbols, places, byDefault, definitions, functions } = declared;
  const env: ParseEnv = { symbols, functions };
  const claim = has('claim') ? readClaim(ctx, get('claim'), env) : undefined;
  const steps = has('steps') ? readSteps(ctx, get('steps'), env, 'steps') : [];
  const rules = {
    symbols,
    byDefault,
    definitions: new Map(definitions.map((x) => [x.name, x])),
    variablesOutside: variablesOutside(symbols, definitions, claim, steps),
  };
  const assume = has('assume') ? readEquations(ctx, get('assume'), env) : [];
  const cases = has('cases') ? readCases(ctx, get('cases'), functions, rules, assume) : undefined;
  checkCalls(ctx, definitionsAt(definitions, cases?.list ?? []), symbols);
  checkFileDiffs(ctx, assume, { claim, steps, cases, definitions });

  if (ctx.errors.length > 0 || title === undefined) return failure(ctx.errors);
  return {
    ok: true,
    derivation: {
      file: ctx.file,
      title,
      ...(source !== undefined ? { source } : {}),
      symbols,
      symbolPlaces: places,
      definitions,
      ...(assume.length ? { assume } : {}),
      ...(claim ? { claim } : {}),
      steps,
      ...(cases ? { cases } : {}),
    },
  };
}

function readClaim(ctx: LoadContext, node: Node | null, env: ParseEnv): LoadedClaim | undefined {
  const map = ctx.map(node, 'claim', 'claim');
  if (!map) return undefined;
  const entries = ctx.entries(map, 'claim');
  ctx.onlyKeys(entries, CLAIM_KEYS, 'claim', 'claim');
  const side = (k: 'lhs' | 'rhs') => {
    const e = entries.find((x) => x.key === k);
    if (!e) {
      ctx.error('schema', map, `the claim has no ${k}; write claim: {lhs: ..., rhs: ...}`, `claim.${k}`);
      return undefined;
    }
    const value = ctx.resolve(e.value);
    if (!isMap(value)) return ctx.expression(e.value, env, `claim.${k}`, `claim.${k}`);
    // a side in LaTeX (contract version 2): {latex: '...'}
    const inner = ctx.entries(value, `claim.${k}`);
    ctx.onlyKeys(inner, ['latex'], `claim.${k}`, `claim.${k}`);
    const latex = inner.find((x) => x.key === 'latex');
    if (!latex) {
      ctx.error('schema', value, `claim.${k} is an expression, or {latex: '...'} for LaTeX`, `claim.${k}`);
      return undefined;
    }
    const read = ctx.expression(latex.value, env, `claim.${k}.latex`, `claim.${k}`, parseLatex);
    return read && { ...read, latex: read.source };
  };
  const lhs = side('lhs');
  const rhs = side('rhs');
  if (!lhs || !rhs) return undefined;
  const written = 'latex' in rhs ? { rhsLatex: rhs.latex } : {};
  return { place: ctx.place(map), lhs: lhs.expr, lhsPlace: lhs.place, rhs: rhs.expr, rhsPlace: rhs.place, ...written };
}

/** the undeclared names the claim, the main chain and the definitions use as variables (a case may not give them values) */
function variablesOutside(
  symbols: ReadonlyMap<string, SymbolDecl>,
  definitions: readonly LoadedDefinition[],
  claim: LoadedClaim | undefined,
  steps: readonly LoadedStep[],
): Set<string> {
  const out = new Set<string>();
  const defined = new Set(definitions.map((d) => d.name));
  for (const e of [...(claim ? [claim.lhs, claim.rhs] : []), ...steps.map((s) => s.expr)])
    undeclaredVariables(e, symbols, out, defined);
  for (const d of definitions) undeclaredVariables(d.body, symbols, out, new Set([...defined, ...d.params]));
  return out;
}

/** the definitions in force at a location: the file's, and inside a case also the case's own */
function definitionsAt(file: readonly LoadedDefinition[], cases: readonly LoadedCase[]): DefinitionsAt {
  const top = new Map<string, Definition>(file.map((d) => [d.name, d]));
  const perCase = cases.map((c) => {
    const m = new Map(top);
    for (const d of c.definitions) m.set(d.name, d);
    return m;
  });
  return (location) => {
    const k = /^cases\[(\d+)\]/.exec(location)?.[1];
    return (k !== undefined ? perCase[Number(k)] : undefined) ?? top;
  };
}

function isNothing(node: Node | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** the total number of steps, main chain and cases, when above MAX_STEPS (counted before any is read, so a huge file is refused cheaply) */
function countSteps(ctx: LoadContext, steps: Node | null, cases: Node | null): number | undefined {
  const length = (n: Node | null) => {
    const s = ctx.resolve(n);
    return isSeq(s) ? s.items.length : 0;
  };
  let total = length(steps);
  const list = ctx.resolve(cases);
  if (isSeq(list)) {
    for (const c of list.items) {
      const m = ctx.resolve(c as Node | null);
      if (isMap(m))
        total += length(
          (m.items.find((p) => isScalar(p.key) && p.key.value === 'steps')?.value ?? null) as Node | null,
        );
    }
  }
  return total > MAX_STEPS ? total : undefined;
}

/** a YAML syntax error as an input error at the line and column the yaml library gives */
function yamlError(file: string, text: string, table: LineTable, e: YAMLError): InputError {
  // the place from the offset, not e.linePos: the yaml library's line count can lag inside broken flow collections
  const place = { file, ...table.at(e.pos[0]) };
  const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '');
  if (e.code === 'DUPLICATE_KEY') {
    const line = text.split('\n', place.line)[place.line - 1] ?? '';
    const key = /^\s*("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(line.slice(place.column - 1))?.[1];
    return {
      code: 'yaml-syntax',
      place,
      message: `the key ${key ? `${key} ` : ''}appears twice in the same map; keep one`,
    };
  }
  if (e.code === 'BAD_DQ_ESCAPE') return { code: 'yaml-escape', place, message: badEscapeMessage(text, e.pos[0]) };
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BAD_INDENT') {
    const over = overIndentedKey(text, e.pos[0]);
    if (over) return { code: 'yaml-syntax', place: { file, ...table.at(over.offset) }, message: over.message };
  }
  const what = first.charAt(0).toLowerCase() + first.slice(1);
  return {
    code: 'yaml-syntax',
    place,
    message: `the YAML cannot be read: ${what}; fix the syntax here (an expression that contains ': ' or ' #', or starts with [ { * & or !, needs quotes)`,
  };
}

const failure = (errors: readonly InputError[]): LoadResult => ({ ok: false, errors });

/** errors without repeats (YAML reports one over-indented line twice, as two problems at one place) */
function distinct(errors: readonly InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.place.line}:${e.place.column}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
