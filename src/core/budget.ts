/**
 * Budgets for the core's normal form. Running out is never a pass: the step is
 * reported "not proved" with the name of the bound, and goes to the numeric
 * check.
 *
 * The exactness rule: every integer the core computes with is a bigint, or a
 * JS number bounded by one of these budgets, checked before the conversion
 * (`test/core/exact-arithmetic.test.ts` scans the core and the IR for
 * conversions and 32-bit operations and fails on any not marked `// exact:`
 * with the budget that bounds it). A value past a budget makes the step "not
 * proved", naming the budget; it is never wrapped or rounded.
 */
export class BudgetExceeded extends Error {
  /** `amount`: how far it went, when that is not the bound itself (work units for STEP_TIMEOUT, bits for MAX_COEFFICIENT_BITS) */
  constructor(
    readonly bound: BoundName,
    readonly amount?: number | bigint,
  ) {
    super(bound);
  }
}

/** the budgets a decision can name (past which it is "not proved" or something stays unreduced) */
export type BoundName =
  | 'MAX_TERMS'
  | 'MAX_EXPAND_EXPONENT'
  | 'MAX_COEFFICIENT_BITS'
  | 'MAX_TRIG_MULTIPLE'
  | 'MAX_TRIG_TERMS'
  | 'MAX_BASE_PASSES'
  | 'MAX_DEPTH'
  | 'MAX_WORK'
  | 'MAX_DERIVATIVE_SIZE'
  | 'STEP_TIMEOUT';

/** why: expanding products of sums grows exponentially; past this many terms a polynomial is not worth expanding */
export const MAX_TERMS = 4000;
/** why: (x+1)^k expands to k+1 terms; past this exponent the power stays an atom */
export const MAX_EXPAND_EXPONENT = 64;
/**
 * why: a power of a polynomial multiplies its coefficients' sizes by the
 * exponent (4^(2^64) has 2^65 bits, far past what bigint can hold); past this
 * many bits (about 30,000 digits, a few milliseconds per product) the step is
 * not proved instead of hanging or crashing. Literals are at most 1000 digits
 * (MAX_NUMBER_DIGITS in src/parse/limits.ts), so only powers reach it.
 */
export const MAX_COEFFICIENT_BITS = 100_000n;
/** why: a root r = u^(1/q) is reduced by r^q = u, which needs q-fold products; past this order it stays an atom */
export const MAX_ROOT_ORDER = 64n;
/** why: sin(k t) expands to a polynomial of degree k in sin t and cos t (k = 20 in a few ms: products of cos(2) .. cos(6) reach cos(20)); past this multiple the sine stays an atom */
export const MAX_TRIG_MULTIPLE = 20n;
/** why: sin(a1 + ... + an) expands to 2^(n-1) products; past this many terms of the argument it stays an atom */
export const MAX_TRIG_TERMS = 4;
/** why: a common base (bases.ts) refines only when an argument's own atoms change with it; three passes settle every nesting the corpora hold, and past them the last pass's answer stands (not proved) */
export const MAX_BASE_PASSES = 3;
/** why: rationalizing a denominator (rationalize.ts) doubles its terms per square root; four roots in one denominator is more than people write */
export const MAX_CONJUGATIONS = 4;
/** why: trial division past this bound costs too much for a log's argument; a larger cofactor stays whole */
export const MAX_TRIAL_DIVISOR = 100_000n;
/** why: a whole-number exponent in binary variables is checked at all 2^n assignments; 2^6 is cheap, more variables are left undecided */
export const MAX_BINARY_ENUMERATION = 6;
/** why: decimal exponents of literals are bounded in the IR, which imports nothing; re-exported so every budget is listed here */
export { MAX_DECIMAL_EXPONENT } from '../ir/rational.js';
/** why: the core's recursion follows the expression's depth; deeper input is refused before the stack is at risk */
export const MAX_DEPTH = 400;
/** why: total work units (monomial products) for one equality check, so a single step cannot hang the run */
export const MAX_WORK = 2_000_000;
/**
 * why: a derivative can be many times the size of its input (the product rule
 * writes k factors k times; each nested diff multiplies the size again, so
 * diff nested 10 deep exhausts memory); past this many characters of
 * structural key (about 30k nodes) its normal form could not be computed
 * within MAX_WORK anyway, so differentiation stops first
 */
export const MAX_DERIVATIVE_SIZE = 300_000;

/** why: reading the clock costs about as much as a few monomial products; every 1000 units keeps a deadline within about a millisecond */
export const CLOCK_CHECK_INTERVAL = 1000;

/** a mutable work counter shared by one equality check */
export class Meter {
  private work = 0;
  private nextClockCheck = CLOCK_CHECK_INTERVAL;
  /**
   * `deadline`: a performance.now() time (ms) after which spending throws
   * BudgetExceeded('STEP_TIMEOUT'); running out of time, like any budget, is
   * only ever "not proved"
   */
  constructor(private readonly deadline?: number) {}
  /** count one unit of work; throws BudgetExceeded past MAX_WORK, or past the deadline (checked every CLOCK_CHECK_INTERVAL units) */
  spend(): void {
    this.work++;
    if (this.work > MAX_WORK) throw new BudgetExceeded('MAX_WORK');
    if (this.deadline !== undefined && this.work >= this.nextClockCheck) {
      this.nextClockCheck = this.work + CLOCK_CHECK_INTERVAL;
      if (performance.now() > this.deadline) throw new BudgetExceeded('STEP_TIMEOUT', this.work);
    }
  }
}
