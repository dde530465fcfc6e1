/**
 * A derivative explained step by step (src/explain/derivative-steps.ts builds it,
 * src/report/explanation.ts prints it): plain data over IR expressions.
 */
import type { Expr } from '../ir/expr.js';

export interface ExplainStep {
  /** rule id from the tables in src/core/rules.ts, or `definition` */
  readonly rule: string;
  /** the rule's name and statement, in words */
  readonly name: string;
  readonly statement: string;
  /** the whole expression after this step */
  readonly expr: Expr;
  /** the side condition that was checked, if any */
  readonly condition?: string;
}

export interface Explanation {
  readonly start: Expr;
  readonly steps: readonly ExplainStep[];
  readonly result: Expr;
  /** the core's verdict on start = result */
  readonly confirmed: boolean;
  readonly confirmation: string;
  /** confirmed only where the derivative is defined: the conditions, in words (e.g. `x > 0`) */
  readonly condition?: string;
}
