/**
 * A derivation as loaded from its file: expressions parsed to the IR, every
 * piece carrying the place in the file it came from. Produced by load.ts,
 * consumed by check.ts.
 */
import type { Expr, Variable } from '../ir/expr.js';
import type { Definition, Domain, SymbolDecl } from '../ir/symbols.js';

/** a place in a source file; line and column are 1-based */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Assumption {
  readonly variable: Variable;
  readonly value: Expr;
  readonly place: Place;
}

/** a case's restriction of a real scalar to an interval (`when: {x: "(0, inf)"}`) */
export interface IntervalAssumption {
  readonly name: string;
  /** the interval as written */
  readonly interval: Domain & { readonly kind: 'interval' };
  /** the interval met with the declared domain: the variable's domain inside the case */
  readonly domain: Domain;
  readonly place: Place;
}

/** a top-level `assume` equation, in one of the shapes the checker can use (load-assume.ts) */
export type LoadedAssumption =
  | {
      readonly kind: 'value';
      readonly variable: Variable;
      readonly value: Expr;
      readonly place: Place;
      readonly source: string;
      /** true: the equation as written was solved for the variable (`a + b = 1` as `b = 1 - a`) */
      readonly solved?: boolean;
    }
  | { readonly kind: 'sum'; readonly sum: Expr; readonly value: Expr; readonly place: Place; readonly source: string };

export interface LoadedDefinition extends Definition {
  readonly place: Place;
  /** the text as written, for reports */
  readonly source: string;
}

export interface LoadedStep {
  /** `steps[2]`, `cases[1].steps[0]` */
  readonly location: string;
  readonly place: Place;
  readonly expr: Expr;
  /** the text as written (`expr:` or `latex:`) */
  readonly source: string;
  /** the text as written, when the step was written in LaTeX (`latex:`) */
  readonly latex?: string;
  readonly by?: string;
}

export interface LoadedCase {
  readonly location: string; // `cases[0]`
  readonly place: Place;
  readonly when: readonly Assumption[];
  /** the real scalars the case restricts to an interval (absent: none) */
  readonly intervals?: readonly IntervalAssumption[];
  /** the case's own `assume` equations, in force with the file's (absent: none) */
  readonly assume?: readonly LoadedAssumption[];
  readonly definitions: readonly LoadedDefinition[];
  readonly steps: readonly LoadedStep[];
}

export interface LoadedClaim {
  readonly place: Place;
  readonly lhs: Expr;
  readonly lhsPlace: Place;
  readonly rhs: Expr;
  readonly rhsPlace: Place;
  /** the right side as written, when it was written in LaTeX (`rhs: {latex: ...}`) */
  readonly rhsLatex?: string;
}

export interface LoadedDerivation {
  readonly file: string;
  readonly title: string;
  readonly source?: string;
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  /** where each declaration was written */
  readonly symbolPlaces: ReadonlyMap<string, Place>;
  readonly definitions: readonly LoadedDefinition[];
  /** the top-level `assume` equations (absent: none) */
  readonly assume?: readonly LoadedAssumption[];
  readonly claim?: LoadedClaim;
  readonly steps: readonly LoadedStep[];
  readonly cases?: { readonly place: Place; readonly list: readonly LoadedCase[] };
}

/** An input problem: expected, reported as data with a place; never thrown past the loader. */
export interface InputError {
  /** stable code, e.g. `yaml-syntax`, `parse`, `unknown-function`, `undeclared-array`, `schema` */
  readonly code: string;
  readonly place: Place;
  /** one sentence: what is wrong, then what to do */
  readonly message: string;
  /** for errors inside a step: the step's location (`steps[1]`) */
  readonly location?: string;
}

export type LoadResult =
  | { readonly ok: true; readonly derivation: LoadedDerivation }
  | { readonly ok: false; readonly errors: readonly InputError[] };
