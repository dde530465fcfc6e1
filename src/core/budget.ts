/**
 * Budgets for the core's normal form. Running out is never a pass: the step is
 * reported "not proved" with the name of the bound, and goes to the numeric
 * check.
 */
export class BudgetExceeded extends Error {
  constructor(
    readonly bound: string,
    detail: string,
  ) {
    super(`${detail} (bound ${bound})`);
  }
}

/** why: expanding products of sums grows exponentially; past this many terms a polynomial is not worth expanding */
export const MAX_TERMS = 4000;
/** why: (x+1)^k expands to k+1 terms; past this exponent the power stays an atom */
export const MAX_EXPAND_EXPONENT = 64;
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
  /** count n units of work; throws BudgetExceeded past MAX_WORK, or past the deadline (checked every CLOCK_CHECK_INTERVAL units) */
  spend(n = 1): void {
    this.work += n;
    if (this.work > MAX_WORK)
      throw new BudgetExceeded('MAX_WORK', `normal form needed more than ${MAX_WORK} work units`);
    if (this.deadline !== undefined && this.work >= this.nextClockCheck) {
      this.nextClockCheck = this.work + CLOCK_CHECK_INTERVAL;
      if (performance.now() > this.deadline)
        throw new BudgetExceeded('STEP_TIMEOUT', `the step's time limit ran out after ${this.work} work units`);
    }
  }
}
