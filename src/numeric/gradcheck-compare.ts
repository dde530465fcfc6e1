/**
 * One network of gradcheck: the closed form against autodiff at every
 * element of the array differentiated by. Both sides are float64 values
 * with error bounds (the closed form's running bound, float-program.ts;
 * autodiff's from the adjoint error sweep, tape-adjoints.ts), used the
 * way the numeric layer's certified comparison uses its enclosures: a
 * difference is reported only when the bounds cannot explain it.
 *
 * - agrees: |cf - ad| <= tol max(1, |ad|) (evidence, as float64 can give;
 *   a fast program computes cf, and the bounds are not needed);
 * - differs: |cf - ad| - both bounds > tol max(1, |ad| + its bound), so the
 *   exact values differ by more than the tolerance whatever the rounding;
 *   or the closed form is certainly undefined (a log of a value certainly
 *   <= 0) where the objective and the partial are finite and bounded;
 * - otherwise unsettled (float64 cannot resolve it: a saturated unit's
 *   1 - sigma(40), an overflow), counted and reported, never a verdict.
 *
 * The bounds are worst-case (first order in the roundings), far above the
 * typical error on big networks, which is why they only guard the
 * reports of a difference.
 */
import type { Expr } from '../ir/expr.js';
import { GRADCHECK_TOLERANCE } from './bounds.js';
import type { DenseInputs } from './dense-inputs.js';
import { compileFloat, type FloatProgram } from './float-program.js';
import type { GradcheckWorst, NetworkComparison } from '../verdict/gradcheck.js';

/** what judging a disagreement needs, computed once per network and only if some element disagrees */
export interface ErrorBounds {
  /** a bound on the float64 error of autodiff's partial at the element */
  adjointError(units: readonly number[]): number;
  /** the objective's float64 value is finite with a finite error bound, so it is defined */
  readonly objectiveBounded: boolean;
}

/** why 4096: a clock read per 4096 elements costs nothing next to them, and is often enough for a progress line a second */
const TICK_EVERY = 4096;

/**
 * the closed form against `autodiff` at every assignment of the index names:
 * a fast float64 program everywhere; where it disagrees, the bounded program
 * and `bounds()` (called at most once) judge the element; `tick(done)` is
 * called every TICK_EVERY elements
 */
export function compareNetwork(
  closedForm: Expr,
  names: readonly string[],
  inputs: DenseInputs,
  values: Float64Array,
  autodiff: (units: readonly number[]) => number,
  bounds: () => ErrorBounds,
  tick: (done: number) => void = () => {},
): NetworkComparison {
  const n = inputs.n;
  const fast = compileFloat(closedForm, n, inputs, values, names, 'fast');
  let bounded: FloatProgram | undefined;
  const units = new Array<number>(names.length).fill(1);
  const tally = new Tally(names, units);
  const total = n ** names.length;
  for (let q = 0; q < total; q++) {
    if (q % TICK_EVERY === 0 && q > 0) tick(q);
    let rest = q;
    for (let d = names.length - 1; d >= 0; d--) {
      units[d] = (rest % n) + 1;
      rest = Math.floor(rest / n);
      fast.bind(names[d]!, units[d]!);
    }
    const cf = fast.run();
    const ad = autodiff(units);
    const absolute = Math.abs(cf - ad);
    if (absolute <= GRADCHECK_TOLERANCE * Math.max(1, Math.abs(ad))) {
      tally.agreeing++;
      tally.keep({ autodiff: ad, closedForm: cf, absolute, autodiffError: Number.NaN, closedFormError: Number.NaN });
      continue;
    }
    // a disagreement (or a value that is not finite): judged with both error bounds
    bounded ??= compileFloat(closedForm, n, inputs, values, names, 'bounded');
    judgeDisagreement(tally, bounded, bounds, cf, ad);
  }
  return tally.result();
}

/** the element at tally's units, where the fast closed form cf and autodiff's ad disagree: differing or unsettled */
function judgeDisagreement(
  tally: Tally,
  bounded: FloatProgram,
  bounds: () => ErrorBounds,
  cf: number,
  ad: number,
): void {
  const units = tally.units;
  tally.names.forEach((name, d) => bounded.bind(name, units[d]!));
  bounded.run();
  const ecf = bounded.error;
  const b = bounds();
  const ead = b.adjointError(units);
  const absolute = Math.abs(cf - ad);
  const adKnown = Number.isFinite(ad) && Number.isFinite(ead);
  const differs = bounded.undefinedHere
    ? adKnown && b.objectiveBounded
    : Number.isFinite(cf) && adKnown && absolute - (ecf + ead) > GRADCHECK_TOLERANCE * Math.max(1, Math.abs(ad) + ead);
  if (differs) {
    tally.differing++;
    tally.keep({ autodiff: ad, closedForm: cf, absolute, autodiffError: ead, closedFormError: ecf });
  } else {
    tally.unsettled++;
    tally.example ??= {
      units: tally.at(),
      autodiff: ad,
      closedForm: cf,
      reason: unsettledReason(cf, ad, ecf, ead, bounded.undefinedHere),
    };
  }
}

/** what one network's comparison has found so far, at the current units */
class Tally {
  agreeing = 0;
  differing = 0;
  unsettled = 0;
  example: NetworkComparison['unsettledExample'];
  private worst: GradcheckWorst | undefined;

  constructor(
    readonly names: readonly string[],
    /** the unit of each name at the element being compared (updated in place by the caller) */
    readonly units: number[],
  ) {}

  /** the current element's units by name */
  at(): Map<string, number> {
    return new Map(this.names.map((name, d) => [name, this.units[d]!]));
  }

  /** keeps the element as the worst when it is further apart than the worst so far */
  keep(w: Omit<GradcheckWorst, 'units' | 'relative' | 'mixed'>): void {
    const mixed = Number.isNaN(w.absolute) ? Infinity : w.absolute / Math.max(1, Math.abs(w.autodiff));
    // a differing element's mixed error is above tol, an agreeing one's at most tol: the largest is the worst
    if (this.worst !== undefined && !(mixed > this.worst.mixed)) return;
    const relative = w.absolute === 0 ? 0 : w.autodiff === 0 ? Infinity : w.absolute / Math.abs(w.autodiff);
    this.worst = { units: this.at(), ...w, relative, mixed };
  }

  result(): NetworkComparison {
    return {
      agreeing: this.agreeing,
      differing: this.differing,
      unsettled: this.unsettled,
      ...(this.example ? { unsettledExample: this.example } : {}),
      ...(this.worst ? { worst: this.worst } : {}),
    };
  }
}

/** why an element could not be settled */
function unsettledReason(cf: number, ad: number, ecf: number, ead: number, undefinedHere: boolean): string {
  if (undefinedHere) return 'the closed form is undefined here, and so is the objective or its partial in float64';
  if (!Number.isFinite(ad)) return `autodiff's float64 value is ${ad}`;
  if (!Number.isFinite(ead)) return "autodiff's float64 error has no bound here";
  if (!Number.isFinite(cf)) return `the closed form's float64 value is ${cf}`;
  return `float64 error bounds (autodiff ${ead.toExponential(1)}, closed form ${ecf.toExponential(1)}) too large to settle a difference of ${Math.abs(cf - ad).toExponential(1)}`;
}
