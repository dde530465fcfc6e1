/**
 * What checking a derivation found: plain data, turned into words and
 * formats by src/report/.
 */
export type StepStatus = 'proved' | 'numeric' | 'failed' | 'error';

export interface Counterexample {
  /** every free variable's value, by name (`x`, `s[1]`, `i`), as decimal text */
  readonly values: Readonly<Record<string, string>>;
  /** the previous step's (left side's) value there, or `undefined` and why */
  readonly lhs: string;
  /** this step's (right side's) value */
  readonly rhs: string;
  /** the number of units of the random network, for indexed expressions */
  readonly units?: number;
  readonly seed: number;
  /** how the point was found, e.g. `random point`, `special point x = 0 (a denominator's zero)` */
  readonly how: string;
}

export interface StepResult {
  /** `steps[2]`, `cases[1].steps[0]`, `claim.lhs`, `cases[0].claim.rhs`, `cases` */
  readonly location: string;
  readonly line: number;
  readonly column: number;
  readonly status: StepStatus;
  /** the step as parsed, in the ASCII syntax */
  readonly expr?: string;
  /** the step as LaTeX */
  readonly latex?: string;
  readonly by?: string;
  readonly message: string;
  readonly counterexample?: Counterexample;
  /** rule ids the core used (normal-form rewrites, derivative rules) */
  readonly rules?: readonly string[];
  /** numeric evidence: agreeing points, skipped points, seed */
  readonly evidence?: {
    readonly points: number;
    readonly skipped: number;
    readonly seed: number;
    readonly instances?: string;
  };
  /** an input problem's stable code, with status `error` */
  readonly code?: string;
  /** things worth a look that do not change the verdict, e.g. a `by` that names a rule the step does not use */
  readonly warnings?: readonly string[];
  /** with --explain: why the verdict is what it is */
  readonly explanation?: StepExplanation;
  /** a failed step after a `diff`: the correct result and, where it is one of the usual mistakes, which */
  readonly diagnosis?: Diagnosis;
}

/** The usual mistakes a student makes when differentiating. */
export type MistakeKind =
  | 'missing-inner-derivative'
  | 'sign-slip'
  | 'product-rule-term-missing'
  | 'quotient-rule-reversed'
  | 'power-not-lowered'
  | 'log-without-inner-derivative'
  | 'constant-treated-as-variable'
  | 'variable-treated-as-constant';

/** What a failed derivative step should have been, and the mistake that explains it (only when checked). */
export interface Diagnosis {
  /** the correct result from the core, ASCII and LaTeX */
  readonly correct: string;
  readonly correctLatex: string;
  /** the mistake, only when the student's expression equals the correct one with it applied */
  readonly mistake?: {
    readonly kind: MistakeKind;
    /** one sentence a student reads, e.g. "the chain rule's inner derivative 6*x is missing" */
    readonly message: string;
    /** how the match was checked: by the core (`proved`) or only at sampled points (`numeric`) */
    readonly checkedBy: 'core' | 'numeric';
  };
}

/** The details --explain adds to a step. */
export interface StepExplanation {
  /** a proved step: both sides' normal forms (equal), ASCII */
  readonly normalForms?: { readonly lhs: string; readonly rhs: string };
  /** a failed step: the first corresponding sub-expressions whose values differ, ASCII */
  readonly difference?: { readonly lhs: string; readonly rhs: string };
}

export interface Premise {
  readonly kind: 'definition' | 'case-definition' | 'declaration' | 'assumption';
  readonly text: string;
  readonly line: number;
}

export interface FileResult {
  readonly file: string;
  readonly title: string;
  /** every step proved or numeric (proved only, under --strict) */
  readonly ok: boolean;
  readonly steps: readonly StepResult[];
  readonly premises: readonly Premise[];
  /** the seed every numeric check of this file used */
  readonly seed: number;
}
