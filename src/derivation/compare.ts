/**
 * The comparison policy for one pair of expressions, shared by the step
 * checker (check.ts) and the library's `equivalent`: the trusted core first;
 * the numeric layer only where the core could not prove equality. It decides
 * nothing itself: `proved` comes only from the core's decision.
 */
import type { Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { UnfoldError } from '../ir/unfold.js';
import { decideEqual } from '../core/equal.js';
import { numericCompare } from '../numeric/compare.js';
import type { StepResult } from '../verdict/result.js';

export interface CompareOptions {
  /** seed of every random choice in the numeric check */
  readonly seed: number;
  /** random points per numeric check (default chosen by the numeric layer) */
  readonly samples?: number;
  /** the time limit of this comparison in ms (--step-timeout); past it the verdict is error, code `timeout` */
  readonly stepTimeoutMs?: number;
}

/** what a comparison concluded: a StepResult without the step's place and text */
export type Verdict = Pick<StepResult, 'status' | 'message' | 'counterexample' | 'rules' | 'evidence' | 'code'> & {
  /** for a proved step: both sides' normal forms, ASCII */
  readonly normalForms?: { readonly lhs: string; readonly rhs: string };
};

/** The verdict on `prev = next` under `scope`: proved by the core, else numeric evidence, a counterexample, or an error; `what` names `prev` in messages. */
export function compareExpressions(
  prev: Expr,
  next: Expr,
  scope: Scope,
  options: CompareOptions,
  what = 'the previous step',
): Verdict {
  // a deadline, not a timer: the core and the numeric layer read the clock as they work and stop with "not proved"
  const limit = options.stepTimeoutMs;
  const deadline = limit !== undefined ? performance.now() + limit : undefined;
  const timeout = (phase: string): Verdict => ({
    status: 'error',
    code: 'timeout',
    message: `not checked within ${limit} ms (--step-timeout): ${phase}`,
  });
  let decision: ReturnType<typeof decideEqual>;
  try {
    decision = decideEqual(prev, next, scope, deadline !== undefined ? { deadline } : {});
  } catch (err) {
    if (err instanceof UnfoldError)
      return { status: 'error', code: 'definition', message: `cannot unfold the definitions: ${err.message}` };
    throw err;
  }
  if (decision.proved) {
    return {
      status: 'proved',
      rules: decision.rules,
      message: `equals ${what} (normal form ${decision.rhsNormal})`,
      normalForms: { lhs: decision.lhsNormal, rhs: decision.rhsNormal },
    };
  }
  if (deadline !== undefined && (decision.bound === 'STEP_TIMEOUT' || performance.now() > deadline))
    return timeout('the symbolic check did not prove it in time, and no time was left for the numeric check');
  const verdict = numericCompare(prev, next, scope, {
    seed: options.seed,
    ...(options.samples ? { samples: options.samples } : {}),
    ...(deadline !== undefined ? { deadline } : {}),
  });
  if (verdict.kind === 'inconclusive' && verdict.bound === 'STEP_TIMEOUT') {
    return timeout(
      `not proved symbolically, and the numeric check stopped after ${verdict.points} agreeing and ${verdict.skipped} skipped points`,
    );
  }
  const hint = decision.conditions.find((c) => c.hint)?.hint;
  if (verdict.kind === 'disagree') {
    const why = decision.valuesAgree ? ` ${decision.reason}.` : '';
    return {
      status: 'failed',
      counterexample: verdict.counterexample,
      message: `does not equal ${what}: at the point below they differ.${why}${hint ? ` To exclude such points, ${hint}.` : ''}`,
    };
  }
  if (verdict.kind === 'agree') {
    return {
      status: 'numeric',
      evidence: { points: verdict.points, skipped: verdict.skipped, seed: verdict.seed, instances: verdict.instances },
      message: `not proved symbolically (${decision.reason}); equal to ${what} at ${verdict.points} sampled points (${verdict.instances}; seed ${verdict.seed})`,
    };
  }
  return {
    status: 'error',
    code: 'undecided',
    message: `cannot be checked: ${decision.reason}, and the numeric check was inconclusive (${verdict.reason})`,
  };
}
