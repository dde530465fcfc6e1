/**
 * The rules of a case (contract version 2): its `define` may only say what an
 * opaque quantity is, or add a new name; its `when` values lie in their
 * variables' domains. Anything else would assume what the derivation is to
 * show, so it is an input error with what to write instead.
 */
import { valueExample } from './constant-value.js';
import { splitKey } from './split-key.js';
import { type Node, isMap } from 'yaml';
import { type Expr, children } from '../ir/expr.js';
import { mayDepend } from '../ir/depend.js';
import { toAscii } from '../ir/print.js';
import { rationalToString } from '../ir/rational.js';
import { type Definition, type SymbolDecl, REAL, domainText, inDomain } from '../ir/symbols.js';
import { parseDomain } from '../parse/domain.js';
import { intervalText, meet } from './intervals.js';
import type { WrittenInterval } from './load-steps.js';
import { UnfoldError, unfold } from '../ir/unfold.js';
import type { DefineHead } from './load-define.js';
import type { LoadContext } from './load-context.js';
import type { Assumption, IntervalAssumption, LoadedDefinition } from './model.js';

/** what the rules need to know about the rest of the file */
export interface CaseRulesEnv {
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  /** scalars that are independent variables only by the version-2 default (version 1 made them opaque) */
  readonly byDefault: ReadonlySet<string>;
  /** the file's definitions, by name */
  readonly definitions: ReadonlyMap<string, LoadedDefinition>;
  /** undeclared names the claim, the main chain or the file's definitions use as variables */
  readonly variablesOutside: ReadonlySet<string>;
}

/** the heads a case may define; an error (with the fix) at each one it may not */
export function allowedCaseHeads(ctx: LoadContext, heads: readonly DefineHead[], env: CaseRulesEnv): DefineHead[] {
  return heads.filter((h) => {
    const problem = headProblem(h, env);
    if (problem) ctx.error('case-define', h.keyNode, problem, h.location);
    return !problem;
  });
}

function headProblem(h: DefineHead, env: CaseRulesEnv): string | undefined {
  const name = h.name;
  const decl = env.symbols.get(name);
  const assumeInstead = `a case's define may only say what an opaque quantity is, or add a new name: giving a value to a variable would assume what is to be shown`;
  if (decl?.kind === 'index' || decl?.kind === 'array')
    return `'${name}' is declared as ${decl.kind === 'index' ? 'an index' : 'an array'} under symbols, so a case cannot define it; ${assumeInstead}`;
  if (decl?.kind === 'scalar' && !decl.opaque) {
    const opaqueDecl = `\`${name}: {domain: ${domainText(decl.domain)}, opaque: true}\``;
    const split = `to split on the values of ${name}, use \`when\``;
    if (env.byDefault.has(name))
      return `'${name}' is declared without \`opaque: true\`, so it is an independent variable (contract version 2; version 1 made such a name opaque), and ${assumeInstead}. If ${name} stands for a quantity that depends on the variables, as the seed's ps does, declare it ${opaqueDecl}; ${split}`;
    return `'${name}' is declared \`opaque: false\`, an independent variable, and ${assumeInstead}. If ${name} is a quantity that depends on the variables, declare it ${opaqueDecl}; ${split}`;
  }
  if (decl?.kind === 'scalar' && h.params.length > 0)
    return `'${name}' is a quantity declared under symbols; define it without parameters (\`${name}: expression\`)`;
  const fileDef = env.definitions.get(name);
  if (fileDef)
    return `'${name}' is defined under define (line ${fileDef.place.line}), and a case cannot override a definition: the main chain was checked with it. Use a new name, or declare ${name} under symbols as an opaque quantity (\`${name}: {opaque: true}\`) and let each case define it`;
  if (!decl && env.variablesOutside.has(name))
    return `'${name}' is an independent variable (the main chain, the claim or a definition uses it undeclared), and ${assumeInstead}. If ${name} stands for a quantity that depends on the variables, declare it \`${name}: {opaque: true}\` under symbols; to split on its values, use \`when\``;
  return undefined;
}

/**
 * an error for each case definition of an opaque quantity whose value may
 * depend on a variable the quantity is declared independent of (the value is
 * read with the file's and the case's definitions unfolded)
 */
export function checkDeclaredIndependence(
  ctx: LoadContext,
  defined: readonly LoadedDefinition[],
  heads: readonly DefineHead[],
  env: CaseRulesEnv,
): void {
  const defs = new Map<string, Definition>(env.definitions);
  for (const x of defined) defs.set(x.name, x);
  for (const x of defined) {
    const decl = env.symbols.get(x.name);
    if (decl?.kind !== 'scalar' || decl.independentOf.length === 0) continue;
    let value: Expr;
    try {
      const others = new Map(defs);
      others.delete(x.name);
      value = unfold(x.body, others, { symbols: env.symbols });
    } catch (err) {
      if (err instanceof UnfoldError) continue; // reported where the value is used
      throw err;
    }
    const v = decl.independentOf.find((v) => mayDepend(value, v, env.symbols));
    if (!v) continue;
    const head = heads.find((h) => h.name === x.name);
    ctx.error(
      'case-define',
      head?.keyNode,
      `'${x.name}' is declared independent_of ${toAscii(v)}, and the value given here, ${x.source}, may depend on ${toAscii(v)}: it contradicts the declaration. Give a value that does not depend on ${toAscii(v)}, or remove ${toAscii(v)} from independent_of`,
      head?.location,
    );
  }
}

/** an error for a `when` with no entries, and for each value outside its variable's domain */
export function checkWhen(
  ctx: LoadContext,
  node: Node | null,
  when: readonly Assumption[],
  symbols: ReadonlyMap<string, SymbolDecl>,
  location: string,
): void {
  const map = ctx.resolve(node);
  if (isMap(map) && map.items.length === 0)
    ctx.error(
      'bad-when',
      map,
      'a case needs at least one assumption in `when`, such as {"s[i]": 1}: a case that assumes nothing is the main chain',
      location,
    );
  const seen = new Map<string, Assumption>();
  for (const a of when) {
    // W[i, j] and W[j, i] of a symmetric array are one quantity: two values for it never hold together
    const same = seen.get(splitKey(a.variable, symbols));
    if (same && same.value.key !== a.value.key)
      ctx.errors.push({
        code: 'bad-when',
        place: a.place,
        message: `${a.variable.name} is symmetric, so ${toAscii(a.variable)} and ${toAscii(same.variable)} are one quantity; a case cannot give them two values`,
        location,
      });
    seen.set(splitKey(a.variable, symbols), a);
    const decl = symbols.get(a.variable.name);
    const domain = decl && (decl.kind === 'scalar' || decl.kind === 'array') ? decl.domain : undefined;
    const v = toAscii(a.variable);
    if (a.value.kind !== 'num') {
      ctx.errors.push({
        code: 'bad-when',
        place: a.place,
        message: `the value of ${v} in \`when\` must be a number${domain ? ` in its domain ${domainText(domain)}` : ''}, such as ${valueExample(domain)}; ${toAscii(a.value)} is not`,
        location,
      });
      continue;
    }
    if (domain && !inDomain(a.value.value, domain))
      ctx.errors.push({
        code: 'bad-when',
        place: a.place,
        message: `${v} = ${rationalToString(a.value.value)} is outside the domain of ${a.variable.name}, ${domainText(domain)}; a case assumes a value the variable can take`,
        location,
      });
  }
}

/** adds the undeclared names e uses as values (not as indices), except those in `except` (defined names, parameters) */
export function undeclaredVariables(
  e: Expr,
  symbols: ReadonlyMap<string, SymbolDecl>,
  out: Set<string>,
  except: ReadonlySet<string> = new Set(),
): void {
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'sym') {
      if (!symbols.has(x.name) && !bound.has(x.name) && !except.has(x.name)) out.add(x.name);
      return;
    }
    if (x.kind === 'elem' || x.kind === 'delta') return;
    if (x.kind === 'sum') return walk(x.body, new Set([...bound, x.index]));
    for (const c of children(x)) walk(c, bound);
  };
  walk(e, new Set());
}

/**
 * the interval assumptions of a case, each checked: a real scalar that is an
 * independent variable (not an array element, an index, binary or opaque), an
 * interval that reads, and one that meets the declared domain
 */
export function checkIntervals(
  ctx: LoadContext,
  written: readonly WrittenInterval[],
  symbols: ReadonlyMap<string, SymbolDecl>,
  location: string,
): IntervalAssumption[] {
  const out: IntervalAssumption[] = [];
  for (const w of written) {
    const v = w.variable;
    const problem = (message: string, node: Node | null = w.keyNode) => ctx.error('bad-when', node, message, location);
    if (v.kind !== 'sym') {
      problem(
        `an interval in \`when\` restricts a real scalar; ${toAscii(v)} is an array element, whose domain every element shares. Split it by values, or name the quantity as a scalar`,
      );
      continue;
    }
    const decl = symbols.get(v.name);
    if (decl && decl.kind !== 'scalar') {
      problem(
        `an interval in \`when\` restricts a real scalar; '${v.name}' is declared as ${decl.kind === 'index' ? 'an index' : 'an array'}`,
      );
      continue;
    }
    if (decl?.domain.kind === 'binary') {
      problem(`'${v.name}' is binary: split it by its values, \`when: {${v.name}: 0}\` and \`when: {${v.name}: 1}\``);
      continue;
    }
    if (decl?.opaque) {
      problem(
        `'${v.name}' is an opaque quantity; an interval case restricts an independent variable. Split on the variables ${v.name} depends on, or declare ${v.name} without opaque`,
      );
      continue;
    }
    const parsed = parseDomain(w.text);
    if (!parsed.ok || parsed.domain.kind !== 'interval') {
      problem(
        parsed.ok ? `'${w.text}' is not an interval` : parsed.message.replace('unknown domain', 'unknown interval'),
        w.valueNode,
      );
      continue;
    }
    const declared = decl?.domain ?? REAL;
    const met = meet(declared, parsed.domain);
    if (typeof met === 'string') {
      problem(
        met === 'empty'
          ? `the interval ${intervalText(parsed.domain)} has no point in the declared domain of ${v.name}, ${domainText(declared)}; a case assumes values the variable can take`
          : met,
        w.valueNode,
      );
      continue;
    }
    out.push({ name: v.name, interval: parsed.domain, domain: met, place: ctx.place(w.valueNode) });
  }
  return out;
}
