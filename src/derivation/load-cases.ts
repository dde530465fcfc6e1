/**
 * The `cases:` list: each case has its own assumptions (`when`, and
 * equations under its own `assume`), may say what opaque quantities are or
 * add new names (`define`, see case-rules.ts), and continues the chain with
 * its `steps`.
 */
import type { Node } from 'yaml';
import type { LoadContext } from './load-context.js';
import { functionsWith, readDefineBodies, readDefineHeads } from './load-define.js';
import { readSteps, readWhen } from './load-steps.js';
import {
  type CaseRulesEnv,
  allowedCaseHeads,
  checkDeclaredIndependence,
  checkIntervals,
  checkWhen,
} from './case-rules.js';
import type { LoadedAssumption, LoadedCase, Place } from './model.js';
import { checkAssumedNotDifferentiated, readEquations } from './load-assume.js';
import { checkCaseValues, checkWhenAgainstAssumptions } from './assume-conflicts.js';
import { checkCaseDefinitionsInDomain } from './case-define-domain.js';
import { narrowedSymbols } from './intervals.js';
import { num } from '../ir/expr.js';
import { constantRational } from './constant-value.js';

/** the keys a case may have (docs/derivation.schema.json lists the same; a test keeps them equal) */
export const CASE_KEYS = ['when', 'assume', 'define', 'steps'] as const;

/** the cases of a `cases:` list, each read under the file's declarations and definitions plus its own */
export function readCases(
  ctx: LoadContext,
  node: Node | null,
  functions: ReadonlyMap<string, number>,
  rules: CaseRulesEnv,
  assumed: readonly LoadedAssumption[] = [],
): { place: Place; list: LoadedCase[] } | undefined {
  const list = ctx.seq(node, 'cases', 'cases');
  if (!list) return undefined;
  if (list.items.length === 0) {
    ctx.error('schema', list, 'cases is empty; write at least one case with when and steps, or remove cases', 'cases');
    return undefined;
  }
  const out: LoadedCase[] = [];
  (list.items as Node[]).forEach((item, k) => {
    const c = readCase(ctx, item, functions, rules, `cases[${k}]`, assumed);
    if (c) out.push(c);
  });
  return { place: ctx.place(ctx.resolve(node)), list: out };
}

function readCase(
  ctx: LoadContext,
  item: Node,
  functions: ReadonlyMap<string, number>,
  rules: CaseRulesEnv,
  location: string,
  fileAssumed: readonly LoadedAssumption[],
): LoadedCase | undefined {
  const symbols = rules.symbols;
  const map = ctx.map(item, `each case (${location})`, location);
  if (!map) return undefined;
  const entries = ctx.entries(map, location);
  ctx.onlyKeys(entries, CASE_KEYS, 'a case', location);
  const get = (k: string) => entries.find((e) => e.key === k);
  const whenEntry = get('when');
  const stepsEntry = get('steps');
  if (!whenEntry)
    ctx.error('schema', map, 'a case needs `when:`, the assumptions it covers, such as {"s[i]": 1}', location);
  if (!stepsEntry) ctx.error('schema', map, 'a case needs `steps:`, the chain under its assumptions', location);
  const defineEntry = get('define');
  // a case may say what a declared opaque scalar is (`ps: sigma(a(i))`) or add a name; nothing else (case-rules.ts)
  const written = defineEntry ? readDefineHeads(ctx, defineEntry.value, new Set(), `${location}.define`) : [];
  const heads = allowedCaseHeads(ctx, written, rules);
  // a case's definitions are in scope for its own steps (and for each other), not for other cases
  const caseFunctions = functionsWith(functions, heads);
  const env = { symbols, functions: caseFunctions };
  const definitions = readDefineBodies(ctx, heads, symbols, caseFunctions);
  checkDeclaredIndependence(ctx, definitions, heads, rules);
  const read = whenEntry ? readWhen(ctx, whenEntry.value, env, 'when', location) : { values: [], intervals: [] };
  // `1/3` is a number, though it is read as a quotient
  const when = read.values.map((a) => {
    const c = a.value.kind === 'num' ? undefined : constantRational(a.value);
    return c ? { ...a, value: num(c) } : a;
  });
  if (whenEntry) checkWhen(ctx, whenEntry.value, when, symbols, location);
  const intervals = checkIntervals(ctx, read.intervals, symbols, location);
  // the value of an opaque quantity lies in its domain everywhere in the case (intervals narrow the domains)
  checkCaseDefinitionsInDomain(ctx, definitions, heads, narrowedSymbols(symbols, intervals), rules.definitions, when);
  const assumeEntry = get('assume');
  const assume = assumeEntry ? readEquations(ctx, assumeEntry.value, env, `${location}.assume`, fileAssumed) : [];
  // a value the file or the case's own assume gives is not split again by when; a case's number belongs in when
  checkWhenAgainstAssumptions(ctx, [...fileAssumed, ...assume], when, intervals, location);
  checkCaseValues(ctx, assume, location);
  const steps = stepsEntry ? readSteps(ctx, stepsEntry.value, env, `${location}.steps`) : [];
  checkAssumedNotDifferentiated(ctx, assume, steps);
  if (!whenEntry || !stepsEntry) return undefined;
  return {
    location,
    place: ctx.place(map),
    when,
    ...(intervals.length ? { intervals } : {}),
    ...(assume.length ? { assume } : {}),
    definitions,
    steps,
  };
}
