/**
 * The comparison policy for one pair of expressions, shared by the step
 * checker (check.ts) and the library's `equivalent`: the trusted core first;
 * the numeric layer only where the core could not prove equality. It decides
 * nothing itself: `proved` comes only from the core's decision.
 */
import type { Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { UnfoldError } from '../ir/unfold.js';
import { type Decision, decideEqual } from '../core/equal.js';
import { toAscii } from '../ir/print.js';
import { differenceWords, hintSentence, notProvedWords } from '../explain/decision-words.js';
import {
  type NotProved,
  type Pair,
  definednessWitness,
  refutedAtPoint,
  refutedEverywhere,
  refutedUndefinedSide,
  refutedAcrossCorner,
  bothUndefinedEverywhere,
} from './exact-refutation.js';
import { refutedByBounds } from './bounds-refutation.js';
import { type NumericVerdict, numericCompare } from '../numeric/compare.js';
import type { StepResult } from '../verdict/result.js';
import type { CheckSettings } from '../verdict/settings.js';

/** what a comparison reads of the check's settings; stepTimeoutMs limits this one comparison (past it: error, code `timeout`) */
type CompareSettings = Pick<CheckSettings, 'seed' | 'samples' | 'stepTimeoutMs'>;

/** why: the re-check runs on every proved step, so it must stay cheap (issue 9 allows 1.5x for all of certification): a wrong proof makes two different functions, which differ at a random point in general position with probability 1 */
const RECHECK_SAMPLES = 1;

/** what a comparison concluded: a StepResult without the step's place and text */
export type Verdict = Pick<StepResult, 'status' | 'message' | 'counterexample' | 'rules' | 'evidence' | 'code'> & {
  /** for a proved step: both sides' normal forms, ASCII */
  readonly normalForms?: { readonly lhs: string; readonly rhs: string };
};

/**
 * The verdict on `prev = next` under `scope`: proved by the core, else
 * numeric evidence, a counterexample, or an error; `what` names `prev` in
 * messages. `decide` is the symbolic decision procedure: only tests replace
 * it (with one that lies) to show that the numeric re-check of a proved step
 * catches a core bug.
 */
export function compareExpressions(
  prev: Expr,
  next: Expr,
  scope: Scope,
  settings: CompareSettings,
  what = 'the previous step',
  decide: typeof decideEqual = decideEqual,
): Verdict {
  // a deadline, not a timer: the core and the numeric layer read the clock as they work and stop with "not proved"
  const limit = settings.stepTimeoutMs;
  const deadline = limit !== undefined ? performance.now() + limit : undefined;
  const timeout = (phase: string): Verdict => ({
    status: 'error',
    code: 'timeout',
    message: `not checked within ${limit} ms (--step-timeout): ${phase}`,
  });
  let decision: Decision;
  try {
    decision = decide(prev, next, scope, { deadline });
  } catch (err) {
    if (err instanceof UnfoldError)
      return { status: 'error', code: 'definition', message: `cannot unfold the definitions: ${err.message}` };
    throw err;
  }
  const pair: Pair = { prev, next, scope, seed: settings.seed, deadline, what };
  if (decision.proved) return cornerVerdict(pair) ?? recheckedProof(pair, decision);
  const witnessed = witnessVerdict(pair, decision);
  if (witnessed) return witnessed;
  const nowhere = refutedUndefinedSide(pair, decision);
  if (nowhere)
    return {
      status: 'failed',
      counterexample: nowhere,
      message: `does not equal ${what}: ${notProvedWords(decision).replace(/^not proved: /, '')}, and at the point below the other side is defined (both decided exactly by the core).`,
    };
  const bounded = boundsVerdict(pair, decision);
  if (bounded) return bounded;
  if (deadline !== undefined && (decision.bound === 'STEP_TIMEOUT' || performance.now() > deadline))
    return timeout('the symbolic check did not prove it in time, and no time was left for the numeric check');
  const difference = decision.difference;
  const verdict = numericCompare(prev, next, scope, {
    seed: settings.seed,
    samples: settings.samples,
    deadline,
    differsWhereDefined: difference && differenceWords(difference),
    unitCounts: difference?.kind === 'units' ? difference.nonzeroAt : undefined,
  });
  if (verdict.kind === 'inconclusive' && verdict.bound === 'STEP_TIMEOUT') {
    return timeout(
      `not proved symbolically, and the numeric check stopped after ${verdict.points} agreeing and ${verdict.skipped} skipped points`,
    );
  }
  return fromNumeric(pair, decision, verdict);
}

/** a proof, re-checked by the numeric layer (defence in depth): a confirmed difference is a bug in one layer, said loudly */
function recheckedProof(p: Pair, decision: Exclude<Decision, NotProved>): Verdict {
  const proved: Verdict = {
    status: 'proved',
    rules: decision.rules,
    message: `equals ${p.what} (normal form ${toAscii(decision.rhsNormal)})`,
    normalForms: { lhs: toAscii(decision.lhsNormal), rhs: toAscii(decision.rhsNormal) },
  };
  // the same expression on both sides (a first step against itself, a claim written as its first step): nothing to re-check
  if (p.prev.key === p.next.key) return proved;
  const recheck = numericCompare(p.prev, p.next, p.scope, {
    seed: p.seed,
    samples: RECHECK_SAMPLES,
    recheck: true,
    deadline: p.deadline,
  });
  if (recheck.kind === 'disagree')
    return {
      status: 'error',
      code: 'internal-disagreement',
      counterexample: recheck.counterexample,
      message: `internal disagreement: the symbolic core proved this equal to ${p.what} (normal form ${toAscii(decision.rhsNormal)}), but the numeric layer finds them different at the point below; one of the two layers has a bug, so the step is not accepted (please report it)`,
    };
  return proved;
}

/**
 * The core's known false proof (test/soundness/CORE-BUGS.md): a derivative
 * that exists at a corner (its one-sided derivatives exact and equal)
 * against a side certainly undefined there; failed, the proof overruled.
 */
function cornerVerdict(p: Pair): Verdict | undefined {
  const corner = refutedAcrossCorner(p);
  if (!corner) return undefined;
  return {
    status: 'failed',
    counterexample: corner,
    message: `does not equal ${p.what}: the symbolic core took them to be undefined at the same points, but at the point below the derivative exists (its one-sided derivatives there are exact and equal) while the other side is undefined; the core's proof is overruled (a known gap of its definedness conditions for derivatives)`,
  };
}

/** values agree, definedness does not: failed at an exact witness, when one is found */
function witnessVerdict(p: Pair, decision: NotProved): Verdict | undefined {
  if (!decision.valuesAgree || decision.conditions.length === 0) return undefined;
  // "any values of the other variables" does not hold under assumed equations: the numeric layer constructs points
  if (p.scope.equations?.length) return undefined;
  const witness = definednessWitness(p.prev, p.next, p.scope, decision.conditions, p.seed, p.deadline);
  if (!witness) return undefined;
  return {
    status: 'failed',
    counterexample: witness,
    message: `does not equal ${p.what}: ${notProvedWords(decision)}, and at the point below one side is certainly undefined while the other is defined (both decided exactly by the core).${hintSentence(decision.conditions)}`,
  };
}

/**
 * A power the core left whole because it is too large (x^(10^(10^10))), which
 * the numeric layer cannot evaluate either: failed at an exact point where
 * exact bounds tell the sides apart (bounds-refutation.ts).
 */
function boundsVerdict(p: Pair, decision: NotProved): Verdict | undefined {
  const large =
    decision.bound === 'MAX_EXPAND_EXPONENT' ||
    decision.bound === 'MAX_COEFFICIENT_BITS' ||
    decision.conditions.some((c) => c.origin === 'variable-exponent');
  if (!large) return undefined;
  const counterexample = refutedByBounds(p);
  if (!counterexample) return undefined;
  return {
    status: 'failed',
    counterexample,
    message: `does not equal ${p.what}: ${notProvedWords(decision).replace(/^not proved: /, '')}, but at the exact point below the two sides certainly differ (or only one is defined), by exact arithmetic without computing the large power: |a|^N >= |a|^k > 1 for |a| > 1 and a whole N >= k, 0 < |a|^N <= |a|^k < 1 for 0 < |a| < 1, and the parity of N gives the sign of a negative base's power (no rounding).`,
  };
}

/** the verdict from the numeric layer's answer, with the core's exact refutation where the numeric layer found no point */
function fromNumeric(p: Pair, decision: NotProved, verdict: NumericVerdict): Verdict {
  if (verdict.kind === 'disagree') {
    const why = decision.valuesAgree
      ? ` ${notProvedWords(decision)}.`
      : decision.difference
        ? ` Exact: ${differenceWords(decision.difference)}.`
        : '';
    return {
      status: 'failed',
      counterexample: verdict.counterexample,
      message: `does not equal ${p.what}: at the point below they differ.${why}${hintSentence(decision.conditions)}`,
    };
  }
  const everywhere = decision.difference
    ? refutedEverywhere(p.prev, p.next, p.scope, decision, p.seed, p.deadline)
    : undefined;
  if (everywhere)
    return {
      status: 'failed',
      counterexample: everywhere,
      message: `does not equal ${p.what}: ${differenceWords(decision.difference!)}, and both sides are defined at every point of the declared domains (decided exactly by the core), so every point is a counterexample.`,
    };
  const atPoint = verdict.kind === 'agree' && !decision.valuesAgree ? refutedAtPoint(p) : undefined;
  if (atPoint)
    return {
      status: 'failed',
      counterexample: atPoint,
      message: `does not equal ${p.what}: the sampled points could not tell them apart (the difference is below the numeric tolerance there), but at the exact point below the core computes both sides and their difference exactly, and it is not 0.`,
    };
  if (verdict.kind === 'agree') {
    return {
      status: 'numeric',
      evidence: { points: verdict.points, skipped: verdict.skipped, seed: verdict.seed, instances: verdict.instances },
      message: `not proved symbolically (${notProvedWords(decision)}); equal to ${p.what} at ${verdict.points} sampled points (${verdict.instances}; seed ${verdict.seed})`,
    };
  }
  const nowhere = bothUndefinedEverywhere(p);
  if (nowhere)
    return {
      status: 'error',
      code: 'undefined-everywhere',
      message: `both sides are undefined at every point of the declared domains (${p.what}: ${nowhere[0]}; this one: ${nowhere[1]}): a step defined nowhere says nothing, so it is not accepted; check the expressions`,
    };
  return {
    status: 'error',
    code: 'undecided',
    message: `cannot be checked: ${notProvedWords(decision)}, and the numeric check was inconclusive (${verdict.reason})`,
  };
}
