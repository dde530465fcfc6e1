/**
 * The limits of the numeric cross-check, each with the reason it exists.
 * Every loop in src/numeric/ is bounded by one of these, so a compare always
 * ends, and running out is reported as `inconclusive` naming the bound.
 */

/** significant digits of every evaluation that can decide a verdict */
export const PRECISION = 50;

/**
 * digits of the confirming re-evaluation of a point that looked like a
 * disagreement: a difference that shrinks when the precision doubles was
 * rounding (catastrophic cancellation), not mathematics.
 */
export const CONFIRM_PRECISION = 100;

/**
 * The precision ladder of certification (certify.ts): a point the 50-digit
 * evaluation finds different, undefined on one side only, or overflowing is
 * evaluated in rigorous enclosures at these precisions in turn, until the
 * enclosures settle it. Why these: each rung doubles the digits (the
 * rounding of exp(200) + x^2 costs 87 digits, settled at 200); one exp at
 * 400 digits costs about 25 ms, at 800 about 70 (decimal.js's limit for ln
 * and the trig functions is about 1000).
 */
export const CERTIFY_PRECISIONS: readonly number[] = [50, 100, 200, 400];

/**
 * Work units (as MAX_WORK_PER_COMPARE) for certifying one point; a function
 * call on an interval at p digits costs 2 TRANSCENDENTAL_COST max(1, (p/50)^2)
 * units. Why 1e6: about a second, spent only on a point that looked like a
 * difference; running out leaves the point unsettled, never decided.
 */
export const MAX_CERTIFY_WORK = 1_000_000;

/**
 * Work units for certifying all the points of one compare. Why 4e6: a step
 * whose every point is unsettled (1 - sigma(2500) needs 1087 digits) must not
 * cost minutes; past it further suspect points are unsettled at once.
 */
export const MAX_CERTIFY_WORK_PER_COMPARE = 4_000_000;

/**
 * why 2: agreement at 50 digits is a fast filter, and catastrophic
 * cancellation can make two different values look equal ((exp(200) + x) -
 * exp(200) is 0 at 50 digits for every moderate x); such a loss happens at
 * almost every point, so the first CERTIFIED_AGREEMENTS random points that
 * agree are certified by enclosures too, at the cost of two certifications
 * per compare.
 */
export const CERTIFIED_AGREEMENTS = 2;

/**
 * Two defined values agree when |a - b| <= RELATIVE_TOLERANCE * max(1, |a|, |b|).
 * Why 1e-30: evaluation carries 50 digits, so 20 digits of headroom absorb the
 * rounding of long expressions and moderate cancellation, while a relative
 * difference of 1e-20 (what float64 cannot see) is still ten orders above it.
 */
export const RELATIVE_TOLERANCE = '1e-30';

/** random points per instance when the caller does not say */
export const DEFAULT_SAMPLES = 12;

/** why: fewer agreeing points than this is too little evidence to call two expressions equal */
export const MIN_AGREEING_POINTS = 8;

/**
 * why: when one side is defined on only part of the sampled region (x^x needs
 * x > 0, sqrt(x) sqrt(y) a quarter of the plane), one pass of random points
 * can leave fewer than MIN_AGREEING_POINTS; up to this many further passes of
 * fresh random points are drawn before saying inconclusive.
 */
export const MAX_EXTRA_PASSES = 4;

/**
 * why: the special points where two variables are equal or opposite (the
 * zeros of x - y and x + y) grow with the square of the variables; past this
 * many real variables written in the step they are not tried.
 */
export const MAX_PAIR_SPECIAL_ATOMS = 8;

/**
 * the network sizes tried, smallest first so that a counterexample is small;
 * one unit too, where sum(k, a[k]) - a[j] and n - 1 are 0 (log(n - 1) and
 * 1/(sum(k, a[k]) - a[j]) are undefined only there: such steps passed on 2, 3, 5)
 */
export const UNIT_COUNTS: readonly number[] = [1, 2, 3, 5];

/**
 * why: nested sums cost n^depth evaluations, so a literal index such as
 * `w[1000]` must not silently make an instance of 1000 units.
 */
export const MAX_UNITS = 10;

/**
 * why: the patterns of coincidence of m free indices grow like the Bell
 * numbers (52 for 5 indices); beyond this only the first ones (the most
 * distinct first) are tried.
 */
export const MAX_INDEX_PATTERNS = 52;

/**
 * why: binary variables are enumerated exhaustively (every 0/1 combination
 * gets a point) only while that is at most 2^10 points per instance;
 * beyond it they are drawn at random.
 */
export const MAX_EXHAUSTIVE_BINARY = 10;

/**
 * Work units per compare: one per expression node evaluated, one per decimal
 * addition, multiplication or division, one per opaque model term, and
 * TRANSCENDENTAL_COST per exp/log/sin/... call (those take about 100 times a
 * multiplication at 50 digits). About two seconds of work (about 1 µs a
 * unit); the compares of the seed derivation use about 100 000. A compare
 * that needs more ends `inconclusive` instead of hanging.
 */
export const MAX_WORK_PER_COMPARE = 2_000_000;
export const TRANSCENDENTAL_COST = 100;

/**
 * why: x^k for an integer k is computed by repeated squaring (exact while the
 * result fits in 50 digits, and defined for a negative x); a larger
 * |k| (x^100000) is treated as overflow at that point (skipped), not computed.
 */
export const MAX_INTEGER_EXPONENT = 10_000;

/**
 * why: a larger integer exponent is taken as exp(k log|x|) (big-power.ts),
 * exact in k; an exponent of more than this many digits (itself a computed
 * tower, 2^(2^32)) is an overflow at that point, not converted digit by
 * digit (its decimal string would take minutes).
 */
export const MAX_EXPONENT_DIGITS = 1000;

/**
 * A magnitude past this is overflow at 50 digits: decimal.js's own exponent
 * limit (10^9e15), so that nothing of realistic size is skipped; an
 * overflowing point goes to certification (and stays unsettled there),
 * never counts as a difference or an agreement.
 */
export const OVERFLOW_MAGNITUDE = '1e9000000000000000';

/** exp of anything above this overflows decimal.js's exponent range (ln(10) 9e15 = 2.07e16) */
export const MAX_EXP_ARGUMENT = '2.07e16';

/**
 * why: decimal.js reduces trig arguments with a stored pi; past this size the
 * reduction is costly and the result meaningless at 50 digits, so the point
 * is treated as overflow.
 */
export const MAX_TRIG_ARGUMENT = '1e12';

/**
 * why 3: the derivative oracles (finite differences and the reverse-mode
 * tape, besides the dual numbers every point uses) cost several evaluations
 * per diff; three points from different instances (the largest network
 * first) catch a wrong derivative rule, which is wrong almost everywhere.
 */
export const ORACLE_POINTS = 3;

/**
 * why 4: a diff inside a sum is evaluated once per unit; four sites per
 * point (those with a nonzero derivative first) keep the oracle check cheap.
 */
export const MAX_ORACLE_SITES = 4;

/**
 * The finite-difference step, relative to max(1, |x|), at PRECISION digits.
 * Why 1e-12: Richardson's error is O(h^4) = 1e-48 times the fifth
 * derivative, and rounding costs 1e-50 |f| / h = 1e-38 |f|; both are far
 * below FD_TOLERANCE for any moderate function.
 */
export const FD_STEP = '1e-12';

/** the step of the re-check at CONFIRM_PRECISION digits, when the first one missed: O(h^4) = 1e-100, rounding 1e-75 */
export const FD_CONFIRM_STEP = '1e-25';

/**
 * Finite differences agree with the dual numbers when |a - b| <=
 * FD_TOLERANCE max(1, |a|, |b|). Why 1e-20: ten orders above the error
 * estimates of FD_STEP (room for large high derivatives), thirty below
 * a wrong derivative rule.
 */
export const FD_TOLERANCE = '1e-20';

/**
 * The float64 tape agrees with the dual numbers when |a - b| <=
 * TAPE_TOLERANCE max(1, |a|, M), M the sum of the magnitudes of the terms
 * the derivative is the signed sum of (cancellation float64 cannot resolve).
 * Why 1e-9: with every value moderate (within 1e-12 of exact) the tape is
 * accurate to about 1e-12 times its depth.
 */
export const TAPE_TOLERANCE = 1e-9;

/**
 * The values a counterexample's atoms are shrunk towards, simplest first: a
 * value is replaced by an earlier one of these (in its domain) whenever the
 * step still fails with it.
 */
export const SHRINK_VALUES: readonly string[] = ['0', '1', '1/2', '-1', '2', '-1/2', '-2', '3', '-3'];

/** why 3: each pass tries every atom once; a value simplified late can let an earlier one simplify, rarely more than twice */
export const MAX_SHRINK_PASSES = 3;

/**
 * Work units (as MAX_WORK_PER_COMPARE) for shrinking one counterexample, on
 * a meter of its own: shrinking only improves a counterexample already
 * found, so running out ends it with the best one so far, never changes
 * the verdict. Why 1e6: about a second, some hundreds of re-evaluations.
 */
export const MAX_SHRINK_WORK = 1_000_000;

/**
 * why: diff nested k deep is evaluated on nested dual numbers of 2^k parts,
 * and one multiplication of them costs 3^k decimal operations, inside a
 * single step of the evaluator where no budget check can interrupt it
 * (diff nested 20 deep ran for minutes); 6 levels is far beyond the second
 * and third derivatives derivations use, and stays within milliseconds.
 */
export const MAX_DIFF_NESTING = 6;

/**
 * The most tape inputs (array elements and scalars) a gradcheck network may
 * have. Why 3e7: the n^2 weights of MAX_GRADCHECK_UNITS units and their data;
 * a 3-index array over thousands of units would need far more memory.
 */
export const MAX_GRADCHECK_INPUTS = 30_000_000;

/**
 * gradcheck passes when every partial agrees with the closed form to
 * |autodiff - closed form| <= GRADCHECK_TOLERANCE max(1, |autodiff|). Why
 * 1e-8: float64 sums of n <= 5000 terms of moderate size err by about
 * n u ~ 1e-12; a wrong closed form is off by O(1) at some (i, j).
 */
export const GRADCHECK_TOLERANCE = 1e-8;
