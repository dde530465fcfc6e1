/**
 * The data of mutation testing: a mutant is a loaded derivation with one
 * edit; its outcome says whether the edit changed what the derivation says
 * (decided by the oracle, meaning.ts) and whether the checker rejected it.
 */
import type { Expr } from '../../src/ir/expr.js';
import type { Scope } from '../../src/ir/symbols.js';
import type { LoadedDerivation } from '../../src/derivation/model.js';
import type { StepStatus } from '../../src/verdict/result.js';

/** every mutation operator, by stable id */
export const OPERATORS = [
  'flip-sign', // e -> -e at a sub-expression (covers a + turned into a -)
  'swap-element-indices', // w[i,k] -> w[k,i]
  'swap-free-indices', // i <-> j throughout one expression
  'drop-factor', // a*b*c -> a*c
  'change-constant', // c -> c+1, -c, 2c
  'replace-function', // sigma -> exp, log -> exp, sin -> cos, p(i) -> a(i)
  'replace-by-constant', // a sub-expression -> 0 or 1
  'swap-when', // two cases exchange their `when` maps
  'flip-when', // one case's binary `when` value 0 <-> 1
  'delete-case', // one case removed from the split
] as const;

export type OperatorId = (typeof OPERATORS)[number];

/** structural mutants change what the derivation asserts by construction: the oracle is not asked */
export const STRUCTURAL: ReadonlySet<OperatorId> = new Set(['swap-when', 'flip-when', 'delete-case']);

/** what was edited: a step or claim side (compared with its original), a definition (judged by the pairs it breaks), or the case structure */
export type SiteKind = 'step' | 'claim' | 'definition' | 'structure';

/** one edit of a derivation */
export interface Mutant {
  /** `steps[2]`, `cases[1].steps[0]`, `claim.rhs`, `define.a`, `cases[0].define.ps`, `cases` */
  readonly location: string;
  readonly site: SiteKind;
  readonly operator: OperatorId;
  /** the edit in words: `-(x) at exp(x)`, `sigma -> exp`, `delete cases[1]` */
  readonly detail: string;
  /** the edited expression before and after (absent for structural edits) */
  readonly original?: Expr;
  readonly mutated?: Expr;
  /** where the oracle compares `original` with `mutated` (steps and claim sides; empty otherwise) */
  readonly scopes: readonly Scope[];
  readonly derivation: LoadedDerivation;
}

/** the oracle's judgement: does the mutant change what the derivation says? */
export type Meaning =
  | { readonly kind: 'changed'; readonly why: string }
  | { readonly kind: 'equivalent' }
  | { readonly kind: 'inconclusive'; readonly why: string };

/** a mutant with the oracle's and the checker's verdicts */
export interface MutantOutcome {
  readonly mutant: Mutant;
  readonly meaning: Meaning;
  /** the checker rejected the mutated derivation (some step failed or error) */
  readonly rejected: boolean;
  /** each compared location's status, in the checker's order */
  readonly verdicts: readonly { readonly location: string; readonly status: StepStatus; readonly message: string }[];
  /** accepted with some location only `numeric` that the unmutated derivation had `proved`: the core did not confirm it */
  readonly numericOnly: boolean;
  /** the checker threw (a bug, reported apart; the derivation was not accepted) */
  readonly crash?: string;
}

/** everything measured on one derivation file */
export interface FileMutationReport {
  readonly file: string;
  /** mutants before the cap */
  readonly candidates: number;
  readonly outcomes: readonly MutantOutcome[];
  readonly millis: number;
}
