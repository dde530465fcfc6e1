/**
 * The numbers of the numeric check: decimals at a fixed precision (decimal.js),
 * dual numbers over them for forward-mode automatic differentiation, and the
 * marker of a value that does not exist. The arithmetic on them is the Field
 * (field.ts); what a built-in function is on a plain decimal is in
 * decimal-functions.ts.
 *
 * A `Dual` with tag t is re + eps·ε_t with ε_t² = 0 (field.ts says how tags
 * keep nested derivatives apart).
 */
import type { Decimal } from './decimal.js';

/** re + eps·ε_tag; re and eps only involve tags smaller than tag */
export class Dual {
  constructor(
    readonly tag: number,
    readonly re: Num,
    readonly eps: Num,
  ) {}
}

export type Num = Decimal | Dual;

/**
 * Why a value does not exist: `domain` is mathematical (log of a negative
 * number) and refutes an equality when only one side has it; `overflow` and
 * `budget` are limits of the evaluation and only make the point unusable.
 * `singular`: the chain rule met an infinite local derivative (sqrt' at 0,
 * asin' at 1). Whether the derivative exists there is then beyond dual
 * numbers: d/dx sqrt(x) at 0 does not, d/dx sqrt(x)^3 at 0 does (it is 0). So
 * such a point is unusable too, never a counterexample. `uncertain`: only
 * enclosures (enclosure.ts) give it, when an interval straddles a domain
 * boundary (log of an interval containing 0): the value may or may not exist.
 */
export type UndefinedCause = 'domain' | 'singular' | 'overflow' | 'budget' | 'uncertain';

export class Undefined {
  constructor(
    readonly reason: string,
    readonly cause: UndefinedCause,
  ) {}
}

export type Val = Num | Undefined;

/** shared work counter of one compare (see MAX_WORK_PER_COMPARE) */
export interface Meter {
  used: number;
  readonly limit: number;
}

/** true when v is the undefined marker */
export const isUndefined = (v: Val): v is Undefined => v instanceof Undefined;

/** the tag of a number: 0 for a plain decimal */
export const tagOf = (a: Num): number => (a instanceof Dual ? a.tag : 0);

/** the innermost real part: the value with every perturbation set to 0 */
export function realPart(a: Num): Decimal {
  while (a instanceof Dual) a = a.re;
  return a;
}
