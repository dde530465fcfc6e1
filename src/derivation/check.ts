/**
 * The step and case checker: walks a loaded derivation, asks the core whether
 * each step equals its predecessor, and where the core cannot say, asks the
 * numeric layer for evidence or a counterexample (compare.ts). It decides
 * nothing itself.
 */
import type { Expr } from '../ir/expr.js';
import type { Definition, Scope } from '../ir/symbols.js';
import { toAscii, toLatex } from '../ir/print.js';
import type {
  Assumption,
  IntervalAssumption,
  LoadedAssumption,
  LoadedClaim,
  LoadedDerivation,
  LoadedStep,
  Place,
} from './model.js';
import { narrowedSymbols } from './intervals.js';
import { withMirrors } from './split-key.js';
import type { FileResult, StepExplanation, StepResult } from '../verdict/result.js';
import type { CheckSettings } from '../verdict/settings.js';
import { premisesOf } from './premises.js';
import { opaqueDependenceHint } from './opaque-hint.js';
import { checkBy } from '../explain/by-rule.js';
import { firstDifference } from '../explain/locate.js';
import { diagnoseStep } from '../explain/diagnose.js';
import { exhaustiveness } from './cases.js';
import { compareExpressions } from './compare.js';

/** what one comparison is about, for the report */
interface Subject {
  readonly location: string;
  readonly place: Place;
  readonly expr: Expr;
  readonly by?: string;
  /** the LaTeX as written, for a step written in LaTeX: the reports show it rather than a reprint */
  readonly latex?: string;
}

/** the claim's right side as a subject to compare (its place, expression, and LaTeX as written) */
function claimRhs(claim: LoadedClaim): Omit<Subject, 'location'> {
  return {
    place: claim.rhsPlace,
    expr: claim.rhs,
    ...(claim.rhsLatex !== undefined ? { latex: claim.rhsLatex } : {}),
  };
}

/** Check every step, case and claim of a derivation. */
export function checkDerivation(d: LoadedDerivation, options: CheckSettings): FileResult {
  const steps: StepResult[] = [];
  const baseDefs = new Map<string, Definition>(d.definitions.map((x) => [x.name, x]));
  const scopeWith = (
    defs: ReadonlyMap<string, Definition>,
    assumptions: readonly Assumption[],
    intervals: readonly IntervalAssumption[] = [],
    caseAssume: readonly LoadedAssumption[] = [],
  ): Scope => scopeOf(d, defs, assumptions, intervals, caseAssume);
  const compare = (prev: Expr, subject: Subject, scope: Scope, what: string) =>
    steps.push(compareStep(prev, subject, scope, what, options));

  // the main chain
  const main = scopeWith(baseDefs, []);
  const first = d.steps[0]!;
  if (d.claim) compare(d.claim.lhs, first, main, "the claim's left side");
  else compare(first.expr, first, main, 'itself (the starting point; there is no claim to compare it with)');
  chain(d.steps, main, compare);

  const last = d.steps[d.steps.length - 1]!;
  if (!d.cases) {
    if (d.claim) compare(last.expr, { location: 'claim.rhs', ...claimRhs(d.claim) }, main, 'the last step');
  } else {
    for (const c of d.cases.list) {
      const defs = new Map(baseDefs);
      for (const x of c.definitions) defs.set(x.name, x);
      const caseFirst = c.steps[0]!;
      const scope = scopeWith(defs, c.when, c.intervals, c.assume);
      compare(last.expr, caseFirst, scope, "the main chain's last step");
      chain(c.steps, scope, compare);
      if (d.claim) {
        const caseLast = c.steps[c.steps.length - 1]!;
        compare(
          caseLast.expr,
          { location: `${c.location}.claim.rhs`, ...claimRhs(d.claim) },
          scope,
          "the case's last step",
        );
      }
    }
    steps.push(...exhaustiveness(d.cases.list, d.cases.place, d.symbols, options.seed));
  }
  const ok = steps.every((s) => s.status === 'proved' || (!options.strict && s.status === 'numeric'));
  return { file: d.file, title: d.title, ok, steps, premises: premisesOf(d), seed: options.seed };
}

/** the scope of the main chain or of a case: its definitions, assumed values and equations, narrowed domains */
function scopeOf(
  d: LoadedDerivation,
  defs: ReadonlyMap<string, Definition>,
  assumptions: readonly Assumption[],
  intervals: readonly IntervalAssumption[],
  caseAssume: readonly LoadedAssumption[],
): Scope {
  // the file's assumed equations hold everywhere, a case's own with them (the loader refuses overlaps)
  const assume = [...(d.assume ?? []), ...caseAssume];
  const values = assume.flatMap((a) => (a.kind === 'value' ? [{ variable: a.variable, value: a.value }] : []));
  const equations = assume.flatMap((a) => (a.kind === 'sum' ? [{ sum: a.sum, value: a.value }] : []));
  return {
    // an interval case narrows its variable's domain: the core and the numeric layer both read it there
    symbols: narrowedSymbols(d.symbols, intervals),
    definitions: defs,
    // a symmetric element's value holds at its mirror too (W[j, i] for W[i, j]): one quantity
    assumptions: withMirrors(
      [...values, ...assumptions.map((a) => ({ variable: a.variable, value: a.value }))],
      d.symbols,
    ),
    ...(equations.length ? { equations } : {}),
  };
}

/** steps[k] against steps[k-1], for k >= 1, all under one scope */
function chain(
  list: readonly LoadedStep[],
  scope: Scope,
  compare: (prev: Expr, s: Subject, scope: Scope, what: string) => void,
): void {
  for (let k = 1; k < list.length; k++) compare(list[k - 1]!.expr, list[k]!, scope, 'the previous step');
}

/** a failed verdict whose failure is down to an opaque quantity's possible dependence says so first, with the declaration that changes it */
function withOpaqueHint<V extends { message: string }>(
  verdict: V,
  prev: Expr,
  next: Expr,
  scope: Scope,
  options: CheckSettings,
): V {
  const deadline = options.stepTimeoutMs !== undefined ? performance.now() + options.stepTimeoutMs : undefined;
  const hint = opaqueDependenceHint(prev, next, scope, deadline);
  return hint ? { ...verdict, message: `${verdict.message} ${hint}.` } : verdict;
}

/** one comparison, with the step's place and text for the report; the policy is compareExpressions */
function compareStep(prev: Expr, s: Subject, scope: Scope, what: string, options: CheckSettings): StepResult {
  const head = {
    location: s.location,
    line: s.place.line,
    column: s.place.column,
    expr: toAscii(s.expr),
    latex: s.latex ?? toLatex(s.expr),
    ...(s.by ? { by: s.by } : {}),
  };
  const { normalForms, ...compared } = compareExpressions(prev, s.expr, scope, options, what);
  const verdict =
    compared.status === 'failed' && options.hints !== false
      ? withOpaqueHint(compared, prev, s.expr, scope, options)
      : compared;
  // the reason given in `by` is checked only for steps that hold: a wrong step's reason is beside the point
  const byWarning =
    s.by && (verdict.status === 'proved' || verdict.status === 'numeric')
      ? checkBy(s.by, prev, s.expr, scope, verdict.rules ?? [])
      : undefined;
  let explanation: StepExplanation | undefined;
  if (options.explain && verdict.status === 'proved' && normalForms) explanation = { normalForms };
  if (options.explain && verdict.status === 'failed') {
    const d = firstDifference(prev, s.expr, scope, options.seed);
    explanation = { difference: { lhs: toAscii(d.lhs), rhs: toAscii(d.rhs) } };
  }
  const diagnosis =
    verdict.status === 'failed' && options.hints !== false
      ? aidOrNothing(() => diagnoseStep(prev, s.expr, scope, { seed: options.seed }))
      : undefined;
  return {
    ...head,
    ...verdict,
    ...(byWarning ? { warnings: [byWarning] } : {}),
    ...(explanation ? { explanation } : {}),
    ...(diagnosis ? { diagnosis } : {}),
  };
}

/**
 * An untrusted teaching aid's answer, or nothing when the aid itself breaks:
 * a diagnosis is extra, and a bug in it must not turn a certified `failed`
 * into an internal error (the aid's own tests catch such bugs).
 */
function aidOrNothing<T>(aid: () => T): T | undefined {
  try {
    return aid();
  } catch {
    return undefined;
  }
}
