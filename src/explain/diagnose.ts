/**
 * Mistake diagnosis (issue 12): a failed step after a `diff` gets the
 * correct result, from the core's differentiator and simplified (the
 * simplification confirmed by the core), and, where the student's step
 * equals the result of one of the usual mistakes (mistakes.ts), that
 * mistake's name. A mistake is named only when the core proves the student's
 * step equal to the mistaken result (`checkedBy: 'core'`) or, failing that,
 * the numeric layer finds them equal at every sampled point
 * (`checkedBy: 'numeric'`), and the mistaken result itself differs from the
 * correct one. Untrusted and advisory: the verdict was already given.
 */
import { type Expr, type Variable, add, neg, sym, children, withChildren } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { toAscii, toLatex } from '../ir/print.js';
import { UnfoldError } from '../ir/unfold.js';
import { BudgetExceeded } from '../core/budget.js';
import { unfoldDefinitions } from '../core/expand.js';
import { symbolicDerivative, isOpaqueDerivative } from '../core/derivative.js';
import { decideEqual } from '../core/equal.js';
import { numericCompare } from '../numeric/compare.js';
import type { Diagnosis, MistakeKind } from '../verdict/result.js';
import { tidy, simplifyOnce, asFraction } from './simplify.js';
import { variantsOf, constantSymbols } from './mistakes.js';

/** why: each variant costs a comparison; a derivative with more sites than this is not a textbook exercise */
const MAX_SITES = 12;
/** why: diagnosis is advice on a step already failed; it must not make a failing file slow (ms) */
const DIAGNOSIS_BUDGET_MS = 3000;

/** the kinds in the order they are tried: the more specific first (a reversed quotient is also a sign slip) */
export const KINDS_TRIED: readonly MistakeKind[] = [
  'quotient-rule-reversed',
  'log-without-inner-derivative',
  'missing-inner-derivative',
  'power-not-lowered',
  'product-rule-term-missing',
  'variable-treated-as-constant',
  'constant-treated-as-variable',
  'sign-slip',
];

interface DiagnoseOptions {
  readonly seed: number;
  /** a performance.now() time (ms) past which no more variants are tried */
  readonly deadline?: number;
}

interface Candidate {
  readonly kind: MistakeKind;
  readonly result: Expr;
  readonly message: string;
}

/** the outermost `diff` nodes of e that the core differentiates (not an opaque quantity's derivative) */
function diffNodes(e: Expr, scope: Scope): Extract<Expr, { kind: 'diff' }>[] {
  if (e.kind === 'diff') return isOpaqueDerivative(e, scope.symbols) ? [] : [e];
  return children(e).flatMap((c) => diffNodes(c, scope));
}

/** e with each outermost diff node replaced by f(node) */
function replaceDiffs(e: Expr, scope: Scope, f: (node: Extract<Expr, { kind: 'diff' }>, k: number) => Expr): Expr {
  let k = 0;
  const walk = (x: Expr): Expr => {
    if (x.kind === 'diff' && !isOpaqueDerivative(x, scope.symbols)) return f(x, k++);
    const cs = children(x);
    return cs.length ? withChildren(x, cs.map(walk)) : x;
  };
  return walk(e);
}

/** e simplified for a reader; the simplification is kept only when the core confirms it */
function readable(e: Expr, scope: Scope, deadline?: number): Expr {
  let current = tidy(e);
  for (let n = 0; n < 200; n++) {
    const r = simplifyOnce(current, scope.symbols);
    if (!r) break;
    current = r.result;
  }
  if (current.key === e.key) return e;
  return decideEqual(e, current, scope, deadline !== undefined ? { deadline } : {}).proved ? current : e;
}

/** the candidates: each kind's variants at each diff node, the others differentiated right */
function candidates(unfolded: Expr, scope: Scope): Candidate[] {
  const nodes = diffNodes(unfolded, scope);
  const right = (node: Extract<Expr, { kind: 'diff' }>) => symbolicDerivative(node.body, node.wrt, scope.symbols);
  const out: Candidate[] = [];
  const withNode = (i: number, result: Expr) => replaceDiffs(unfolded, scope, (n, k) => (k === i ? result : right(n)));
  for (const kind of KINDS_TRIED) {
    nodes.forEach((node, i) => {
      if (kind === 'constant-treated-as-variable') {
        for (const c of constantSymbols(node.body, node.wrt, scope.symbols)) {
          const both = add([right(node), symbolicDerivative(node.body, sym(c), scope.symbols)]);
          out.push({ kind, result: withNode(i, both), message: constantMessage(c, node.wrt) });
        }
        return;
      }
      for (const v of variantsOf(node.body, node.wrt, scope.symbols, kind, MAX_SITES))
        out.push({ kind, result: withNode(i, v.result), message: v.notes.join('; ') });
      if (kind === 'sign-slip')
        out.push({ kind, result: withNode(i, neg(right(node))), message: 'the sign of the whole derivative is wrong' });
    });
  }
  return out;
}

function constantMessage(c: string, v: Variable): string {
  return `${c} is a constant, but it was differentiated as if it were the variable ${toAscii(v)} (d${c}/d${toAscii(v)} = 0)`;
}

/** the core's decision on two sides: proved, certainly different, or unknown */
function coreSays(a: Expr, b: Expr, scope: Scope, deadline: number): 'equal' | 'different' | 'unknown' {
  const decision = decideEqual(a, b, scope, { deadline });
  if (decision.proved) return 'equal';
  return decision.difference ? 'different' : 'unknown';
}

/** the numeric layer's verdict, or `inconclusive` where it cannot compare (advice must not break a report) */
function numericSays(a: Expr, b: Expr, scope: Scope, seed: number, deadline: number): string {
  try {
    return numericCompare(a, b, scope, { seed, samples: 4, deadline }).kind;
  } catch (err) {
    if (err instanceof Error) return 'inconclusive';
    throw err;
  }
}

/**
 * The first candidate the student's step equals: first by the core alone
 * (cheap, and a proof), then, for the candidates the core could not tell
 * apart from the step, by the numeric layer while time remains. The step
 * failed, so it differs from the correct result: a candidate it equals
 * differs from the correct result too, and the mistake explains the step.
 */
function firstMatch(
  student: Expr,
  list: readonly Candidate[],
  scope: Scope,
  seed: number,
  deadline: number,
): { candidate: Candidate; checkedBy: 'core' | 'numeric' } | undefined {
  const unknown: Candidate[] = [];
  for (const c of list) {
    if (performance.now() > deadline) return undefined;
    const core = coreSays(student, c.result, scope, deadline);
    if (core === 'equal') return { candidate: c, checkedBy: 'core' };
    if (core === 'unknown') unknown.push(c);
  }
  for (const c of unknown) {
    if (performance.now() > deadline) return undefined;
    if (numericSays(student, c.result, scope, seed, deadline) === 'agree')
      return { candidate: c, checkedBy: 'numeric' };
  }
  return undefined;
}

/** the correct result of a failed step (next, refuted against prev) whose previous step has a `diff`, and the usual mistake that explains it */
export function diagnoseStep(prev: Expr, next: Expr, scope: Scope, options: DiagnoseOptions): Diagnosis | undefined {
  const deadline = options.deadline ?? performance.now() + DIAGNOSIS_BUDGET_MS;
  let unfolded: Expr;
  let correct: Expr;
  try {
    unfolded = unfoldDefinitions(prev, scope);
    if (diffNodes(unfolded, scope).length === 0) return undefined;
    correct = replaceDiffs(unfolded, scope, (n) => symbolicDerivative(n.body, n.wrt, scope.symbols));
  } catch (err) {
    if (err instanceof UnfoldError || err instanceof BudgetExceeded) return undefined;
    throw err;
  }
  const shown = asFraction(readable(correct, scope, deadline));
  const base: Diagnosis = { correct: toAscii(shown), correctLatex: toLatex(shown) };
  let list: Candidate[];
  try {
    list = candidates(unfolded, scope);
  } catch (err) {
    if (err instanceof BudgetExceeded) return base;
    throw err;
  }
  const found = firstMatch(next, list, scope, options.seed, deadline);
  if (!found) return base;
  const { candidate: c, checkedBy } = found;
  return { ...base, mistake: { kind: c.kind, message: c.message, checkedBy } };
}
