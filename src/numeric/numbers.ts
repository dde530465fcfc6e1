/**
 * The numbers of the numeric check: decimals at a fixed precision (decimal.js),
 * dual numbers over them for forward-mode automatic differentiation, and what
 * an operation gives: a number or the marker of a value that does not exist
 * (undefined.ts). The arithmetic on them is DecimalField
 * (field.ts); what a built-in function is on a plain decimal is in
 * field-functions.ts.
 *
 * A `Dual` with tag t is re + eps·ε_t with ε_t² = 0 (field.ts says how tags
 * keep nested derivatives apart).
 */
import type { Decimal } from './decimal.js';
import { NotDefined } from './undefined.js';

/** re + eps·ε_tag; re and eps only involve tags smaller than tag */
export class Dual {
  constructor(
    readonly tag: number,
    readonly re: FieldNum,
    readonly eps: FieldNum,
  ) {}
}

export type FieldNum = Decimal | Dual;

export type Val = FieldNum | NotDefined;

/** shared work counter of one compare (see MAX_WORK_PER_COMPARE) */
export interface WorkMeter {
  used: number;
  readonly limit: number;
}

/** true when v is the undefined marker */
export const isUndefined = (v: Val): v is NotDefined => v instanceof NotDefined;

/** the tag of a number: 0 for a plain decimal */
export const tagOf = (a: FieldNum): number => (a instanceof Dual ? a.tag : 0);

/** the innermost real part: the value with every perturbation set to 0 */
export function realPart(a: FieldNum): Decimal {
  while (a instanceof Dual) a = a.re;
  return a;
}
