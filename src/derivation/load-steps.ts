/**
 * Step lists and `when` maps: the chain of expressions, and the assumptions
 * of a case (a step has none: contract version 2).
 */
import { parseLatex } from '../parse/latex.js';
import { type Node, isScalar } from 'yaml';
import type { Expr } from '../ir/expr.js';
import { looksLikeInterval } from './intervals.js';
import type { ParseEnv } from '../parse/expression.js';
import type { LoadContext } from './load-context.js';
import type { Assumption, LoadedStep } from './model.js';

/** the keys a step may have (docs/derivation.schema.json lists the same; a test keeps them equal) */
export const STEP_KEYS = ['expr', 'latex', 'by'] as const;

/** what to write instead of a step-level `when` (version 1 had one; version 2 refuses it) */
const STEP_WHEN_MESSAGE =
  'a step has no `when` (contract version 2): an assumption on one step would hold for that step only, and no report would list it as a premise. ' +
  'Write an assumption that holds throughout under `assume:` at the top of the file, or split the derivation with `cases:`, each with its own `when:`';

/** the steps of a `steps:` list; `prefix` is `steps` or `cases[n].steps` */
export function readSteps(ctx: LoadContext, node: Node | null, env: ParseEnv, prefix: string): LoadedStep[] {
  const list = ctx.seq(node, prefix, prefix);
  if (!list) return [];
  if (list.items.length === 0) {
    ctx.error('schema', list, `${prefix} is empty; write at least one step as \`- expr: ...\``, prefix);
    return [];
  }
  const out: LoadedStep[] = [];
  (list.items as Node[]).forEach((item, k) => {
    const step = readStep(ctx, item, env, `${prefix}[${k}]`);
    if (step) out.push(step);
  });
  return out;
}

function readStep(ctx: LoadContext, item: Node, env: ParseEnv, location: string): LoadedStep | undefined {
  const map = ctx.map(item, `each step (${location})`, location);
  if (!map) return undefined;
  const entries = ctx.entries(map, location);
  const whenEntry = entries.find((e) => e.key === 'when');
  if (whenEntry) ctx.error('step-when', whenEntry.keyNode, STEP_WHEN_MESSAGE, location);
  ctx.onlyKeys(
    entries.filter((e) => e !== whenEntry),
    STEP_KEYS,
    `a step`,
    location,
  );
  const get = (k: string) => entries.find((e) => e.key === k);
  const exprEntry = get('expr');
  const latexEntry = get('latex');
  if (exprEntry && latexEntry) {
    ctx.error('schema', latexEntry.keyNode, 'a step has both expr and latex; keep one of them', location);
    return undefined;
  }
  if (!exprEntry && !latexEntry) {
    ctx.error('schema', map, 'a step needs `expr:` (or `latex:`); write `- expr: ...`', location);
    return undefined;
  }
  const byEntry = get('by');
  const by = byEntry ? ctx.string(byEntry.value, 'by', location) : undefined;
  const read = latexEntry
    ? ctx.expression(latexEntry.value, env, 'latex', location, parseLatex)
    : ctx.expression(exprEntry!.value, env, 'expr', location);
  if (!read || (byEntry && by === undefined)) return undefined;
  return {
    location,
    place: read.place,
    expr: read.expr,
    source: read.source,
    ...(latexEntry ? { latex: read.source } : {}),
    ...(by !== undefined ? { by } : {}),
  };
}

/** a `when` entry whose value is an interval, before it is checked against the declarations (case-rules.ts) */
export interface WrittenInterval {
  readonly variable: Expr;
  readonly key: string;
  readonly keyNode: Node | null;
  readonly valueNode: Node;
  readonly text: string;
}

/**
 * the assumptions of a `when` map: each key a variable (`x`, `"s[i]"`), each
 * value an expression (a YAML number is read exactly, by its digits), or an
 * interval for a real variable (`"(0, inf)"`), returned apart
 */
export function readWhen(
  ctx: LoadContext,
  node: Node | null,
  env: ParseEnv,
  what: string,
  location: string,
): { values: Assumption[]; intervals: WrittenInterval[] } {
  const map = ctx.map(node, what, location);
  const out: Assumption[] = [];
  const intervals: WrittenInterval[] = [];
  if (!map) return { values: out, intervals };
  const seen = new Set<string>();
  for (const { key, keyNode, value } of ctx.entries(map, location)) {
    const variable = ctx.expression(keyNode, env, `a key of ${what}`, location);
    if (!variable) continue;
    const v = variable.expr;
    if (v.kind !== 'sym' && v.kind !== 'elem') {
      ctx.error(
        'bad-when',
        keyNode,
        `a key of ${what} must be a variable, a scalar name or an array element such as "s[i]"; '${key}' is neither`,
        location,
      );
      continue;
    }
    if (v.kind === 'sym' && env.functions.has(v.name)) {
      ctx.error(
        'bad-when',
        keyNode,
        `'${v.name}' is defined under define, so it cannot be assumed; assume values for the variables it is built from, or override it with a case's define`,
        location,
      );
      continue;
    }
    if (seen.has(v.key)) {
      ctx.error('bad-when', keyNode, `'${key}' is assumed twice in one ${what} map; keep one`, location);
      continue;
    }
    seen.add(v.key);
    const valueNode = ctx.resolve(value);
    if (isScalar(valueNode) && typeof valueNode.value === 'string' && looksLikeInterval(valueNode.value)) {
      intervals.push({ variable: v, key, keyNode, valueNode, text: valueNode.value });
      continue;
    }
    const assumed = ctx.expression(value, env, `the value assumed for '${key}'`, location);
    if (assumed) out.push({ variable: v, value: assumed.expr, place: assumed.place });
  }
  return { values: out, intervals };
}
