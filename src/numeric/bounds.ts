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

/** the network sizes tried, smallest first so that a counterexample is small */
export const UNIT_COUNTS: readonly number[] = [2, 3, 5];

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
 * A magnitude past this is overflow: the point is skipped, not a disagreement,
 * because one side overflowing (exp(1000)/exp(999) against e) says nothing
 * about equality.
 */
export const OVERFLOW_MAGNITUDE = '1e300';

/**
 * why: decimal.js reduces trig arguments with a stored pi; past this size the
 * reduction is costly and the result meaningless at 50 digits, so the point
 * is treated as overflow.
 */
export const MAX_TRIG_ARGUMENT = '1e12';
