/**
 * Issue 11's budget: no case the core proves takes more than 50 ms in the
 * core. Every derivative and identity of the conformance corpora
 * (../shared/corpora/) is decided by the core alone (`decideEqual`), as the
 * contract asks it and on the common domain of both sides (the conformance
 * tool's two questions, tools/conformance/run.ts); the time of each decision
 * that proves is the fastest of three, so a busy machine inflates it less.
 * Prints the slowest proved cases and how many passed the goal. Bundled and
 * run by core-budget.bench.mjs.
 */
import { performance } from 'node:perf_hooks';
import { decideEqual } from '../src/core/equal.js';
import { add, diff, type Expr, mul, num, sym } from '../src/ir/expr.js';
import type { Scope } from '../src/ir/symbols.js';
import { parseExpression } from '../src/parse/expression.js';
import { constraintSymbols } from '../tools/conformance/constraints.js';
import { corporaFolder, corporaPresent, readCorpora } from '../tools/conformance/corpus.js';

const GOAL_MS = 50;
const TRIES = 3;
const SHOWN = 5;

interface Timed {
  readonly what: string;
  readonly ms: number;
}

function scopeAndRead(domain: string | undefined) {
  const c = constraintSymbols(domain);
  if (!c.ok) return undefined;
  const scope: Scope = { symbols: c.symbols, definitions: new Map(), assumptions: [] };
  const read = (text: string): Expr | undefined => {
    const r = parseExpression(text, { symbols: c.symbols, functions: new Map() });
    return r.ok ? r.expr : undefined;
  };
  return { scope, read };
}

/** the fastest of TRIES decisions of lhs = rhs, when it proves */
function provedMs(lhs: Expr, rhs: Expr, scope: Scope): number | undefined {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < TRIES; k++) {
    const t0 = performance.now();
    const d = decideEqual(lhs, rhs, scope);
    const ms = performance.now() - t0;
    if (!d.proved) return undefined;
    best = Math.min(best, ms);
  }
  return best;
}

function both(what: string, lhs: Expr, rhs: Expr, scope: Scope, out: Timed[]): void {
  const common: [Expr, Expr] = [add([lhs, mul([num(0), rhs])]), add([rhs, mul([num(0), lhs])])];
  for (const [l, r, q] of [[lhs, rhs, 'contract'] as const, [...common, 'common domain'] as const]) {
    const ms = provedMs(l, r, scope);
    if (ms !== undefined) out.push({ what: `${what} (${q})`, ms });
  }
}

const folder = corporaFolder();
if (!corporaPresent(folder)) {
  console.log(`corpora not found at ${folder}: core budget not measured`);
  process.exit(0);
}
const corpora = readCorpora(folder);
const timed: Timed[] = [];
for (const c of corpora.derivatives) {
  const s = scopeAndRead(c.domain);
  const body = s?.read(c.expr);
  const expected = s?.read(c.expected);
  if (s && body && expected && /^[A-Za-z_]\w*$/.test(c.var))
    both(`d/d${c.var} ${c.expr} = ${c.expected}`, diff(body, sym(c.var)), expected, s.scope, timed);
}
for (const c of corpora.identities) {
  const s = scopeAndRead(c.domain);
  const lhs = s?.read(c.lhs);
  const rhs = s?.read(c.rhs);
  if (s && lhs && rhs) both(`${c.lhs} = ${c.rhs}`, lhs, rhs, s.scope, timed);
}
timed.sort((a, b) => b.ms - a.ms);
const over = timed.filter((t) => t.ms > GOAL_MS).length;
console.log(`core decisions that prove (fastest of ${TRIES} each): ${timed.length}`);
for (const t of timed.slice(0, SHOWN)) console.log(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.what.slice(0, 100)}`);
console.log(
  `slowest proved case ${timed[0]?.ms.toFixed(1) ?? '-'} ms in the core; over ${GOAL_MS} ms: ${over} (goal 0) ${over === 0 ? 'goal met' : 'GOAL NOT MET'}`,
);
