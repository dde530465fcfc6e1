/**
 * Step-by-step derivatives for people: one named rule per step, taken from
 * the same rule tables the core uses, then the simplifications that bring the
 * result to a readable form. Untrusted: the last line asks the core whether
 * the result really equals the derivative.
 */
import { type Expr, type Variable, add, mul, neg, num, pow, diff, children, withChildren } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { substitute } from '../ir/substitute.js';
import { UnfoldError } from '../ir/unfold.js';
import { BudgetExceeded } from '../core/budget.js';
import { unfoldDefinitions } from '../core/expand.js';
import { ALL_RULES, DERIVATIVE_BY_FN, type RuleId } from '../core/rules.js';
import { RULE_DOCS } from './rule-docs.js';
import { mayDepend, isOpaqueDerivative, derivativeRule } from '../core/derivative.js';
import { decideEqual } from '../core/equal.js';
import { conditionText, notProvedWords } from './decision-words.js';
import { tidy, simplifyOnce, asFraction } from './simplify.js';
import { toAscii } from '../ir/print.js';
import type { ExplainStep, Explanation } from '../verdict/explanation.js';

/** why: an explanation longer than this is not read by anyone; the derivative is still confirmed */
const MAX_EXPLAIN_STEPS = 200;

const NAMES: Record<string, string> = {
  'd.const': 'constant rule',
  'd.var': 'a variable by itself',
  'd.indexed': 'Kronecker delta: only the term with the same indices depends on the variable',
  'd.independent': 'declared independence',
  'd.opaque': 'opaque quantity',
  'd.sum-rule': 'sum rule',
  'd.product': 'product rule',
  'd.power': 'power rule',
  'd.exp-power': 'exponential rule',
  'd.general-power': 'general power rule',
  'd.sum-index': 'differentiate under the sum',
};

/** rules the explainer names that the core does not need (it reads u/v as a product and c f as one too) */
const TEXTBOOK_RULES: Record<string, { name: string; statement: string }> = {
  'd.quotient': { name: 'quotient rule', statement: "(u/v)' = (u'v - uv')/v^2" },
  'd.constant-multiple': { name: 'constant-multiple rule', statement: "(c f)' = c f' for c not depending on x" },
  'simplify.log-e': { name: 'log(e) = 1', statement: 'log(e) = 1' },
  'simplify.expand': { name: 'expand and collect like terms', statement: 'a (b + c) = a b + a c' },
  'simplify.constant-denominator': {
    name: 'a constant factor of the denominator taken out',
    statement: 'u/(c v) = (1/c) u/v',
  },
};

function describeRule(id: string): { name: string; statement: string } {
  const t = TEXTBOOK_RULES[id];
  if (t) return t;
  if (!ALL_RULES.has(id as RuleId)) return { name: id, statement: '' };
  const words = RULE_DOCS[id as RuleId];
  if ([...DERIVATIVE_BY_FN.values()].some((r) => r.id === id))
    return { name: `chain rule with the ${words.doc}`, statement: `${words.statement}; f(u)' = f'(u) u'` };
  return { name: NAMES[id] ?? words.doc, statement: words.statement };
}

/** the opaque symbols in f */
function opaqueNames(f: Expr, scope: Scope): string[] {
  const out = new Set<string>();
  const walk = (x: Expr) => {
    const d = x.kind === 'sym' ? scope.symbols.get(x.name) : undefined;
    if (x.kind === 'sym' && d && d.kind === 'scalar' && d.opaque) out.add(x.name);
    children(x).forEach(walk);
  };
  walk(f);
  return [...out];
}

/** one differentiation rule applied at the outermost leftmost `diff` in e */
function diffOnce(e: Expr, scope: Scope): { rule: string; result: Expr; condition?: string } | undefined {
  if (e.kind === 'diff' && !isOpaqueDerivative(e, scope.symbols)) {
    const inner = diffOnce(e.body, scope);
    if (inner) return { ...inner, result: diff(inner.result, e.wrt) };
    return differentiateHead(e.body, e.wrt, scope);
  }
  const cs = children(e);
  for (let k = 0; k < cs.length; k++) {
    const r = diffOnce(cs[k]!, scope);
    if (r) {
      const ns = [...cs];
      ns[k] = r.result;
      return { ...r, result: withChildren(e, ns) };
    }
  }
  return undefined;
}

/** d f / d v by the one rule for f's head, leaving diff(...) on the parts */
function differentiateHead(f: Expr, v: Variable, scope: Scope): { rule: string; result: Expr; condition?: string } {
  const d = (x: Expr) => diff(x, v);
  const symbols = scope.symbols;
  if (f.kind === 'call' && scope.definitions.has(f.fn)) {
    const def = scope.definitions.get(f.fn)!;
    return { rule: 'definition', result: d(substitute(def.body, new Map(def.params.map((p, k) => [p, f.args[k]!])))) };
  }
  if (f.kind === 'sym' && scope.definitions.has(f.name))
    return { rule: 'definition', result: d(scope.definitions.get(f.name)!.body) };
  if (!mayDepend(f, v, symbols)) {
    const opaque = opaqueNames(f, scope);
    if (opaque.length === 0) return { rule: 'd.const', result: num(0) };
    return {
      rule: 'd.independent',
      result: num(0),
      condition: `${opaque.join(', ')} ${opaque.length > 1 ? 'are' : 'is'} declared independent of ${toAscii(v)}`,
    };
  }
  return textbookRule(f, v, scope) ?? derivativeRule(f, v, scope.symbols, d);
}

/** the constant-multiple and quotient rules, as a textbook applies them before the product rule (one scalar variable) */
function textbookRule(f: Expr, v: Variable, scope: Scope): { rule: string; result: Expr } | undefined {
  // an indexed variable keeps the seed's product rule with Kronecker deltas (test/explain/derivative-steps.test.ts)
  if (f.kind !== 'mul' || v.kind !== 'sym') return undefined;
  const dep = (x: Expr) => mayDepend(x, v, scope.symbols);
  const constant = f.factors.filter((x) => !dep(x));
  const moving = f.factors.filter(dep);
  if (constant.length > 0 && moving.length > 0)
    return { rule: 'd.constant-multiple', result: mul([...constant, diff(mul(moving), v)]) };
  const isDen = (x: Expr) => x.kind === 'pow' && x.exp.kind === 'num' && x.exp.value.n === -1n && x.exp.value.d === 1n;
  const den = moving.filter(isDen);
  if (den.length !== 1 || moving.length < 2) return undefined;
  const w = (den[0] as Extract<Expr, { kind: 'pow' }>).base;
  const u = mul(moving.filter((x) => !isDen(x)));
  const top = add([mul([diff(u, v), w]), neg(mul([u, diff(w, v)]))]);
  return { rule: 'd.quotient', result: mul([top, pow(w, num(-2))]) };
}

/** d e / d v, explained one rule at a time, then simplified; the core confirms the result */
export function explainDerivative(e: Expr, v: Variable, scope: Scope): Explanation {
  const start = diff(e, v);
  const steps: ExplainStep[] = [];
  let current: Expr = start;
  const record = (rule: string, expr: Expr, condition?: string) => {
    const { name, statement } = describeRule(rule);
    steps.push({
      rule,
      name: rule === 'definition' ? 'unfold a definition' : name,
      statement,
      expr,
      ...(condition ? { condition } : {}),
    });
  };
  let unfolded: Expr;
  try {
    // definitions as the core reads them (a definition's own derivatives taken before its arguments go in)
    unfolded = unfoldDefinitions(start, scope);
  } catch (err) {
    if (!(err instanceof UnfoldError || err instanceof BudgetExceeded)) throw err;
    return {
      start,
      steps,
      result: start,
      confirmed: false,
      confirmation: `cannot unfold the definitions: ${err.message}`,
    };
  }
  if (unfolded.key !== start.key) {
    current = unfolded;
    record('definition', current);
  }
  for (let n = 0; n < MAX_EXPLAIN_STEPS; n++) {
    const r = diffOnce(current, scope);
    if (!r) break;
    current = tidy(r.result);
    // a step that only writes dc/dx = 0 or dx/dx = 1 is folded into the next one: a textbook does not stop for it
    if ((r.rule === 'd.const' || r.rule === 'd.var') && steps.length > 0) continue;
    record(r.rule, current, r.condition);
  }
  for (let n = 0; n < MAX_EXPLAIN_STEPS; n++) {
    const r = simplifyOnce(current, scope.symbols);
    if (!r) break;
    current = r.result;
    record(r.rule, current, r.condition);
  }
  const result = asFraction(current);
  return { start, steps, result, ...confirmation(start, result, scope) };
}

/** the core's verdict on start = result, with the derivative's condition where only it needs one */
function confirmation(
  start: Expr,
  result: Expr,
  scope: Scope,
): Pick<Explanation, 'confirmed' | 'confirmation' | 'condition'> {
  const decision = decideEqual(start, result, scope);
  if (decision.proved) return { confirmed: true, confirmation: 'the core proves the result equals the derivative' };
  // the values agree and only the derivative needs more (log(x) needs x > 0, 1/x does not): confirmed where it is defined
  const onlyStart = decision.conditions.length > 0 && decision.conditions.every((c) => c.side === 'lhs');
  if (decision.valuesAgree && onlyStart) {
    const condition = [...new Set(decision.conditions.map(conditionText))].join(' and ');
    return {
      confirmed: true,
      condition,
      confirmation: `the core proves the result equals the derivative for ${condition}, where the derivative is defined`,
    };
  }
  return { confirmed: false, confirmation: `the core could not confirm the result: ${notProvedWords(decision)}` };
}
