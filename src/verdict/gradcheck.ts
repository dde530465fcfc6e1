/**
 * gradcheck's contract (src/numeric/gradcheck.ts runs it, src/derivation/
 * gradcheck.ts applies it to a derivation, src/cli/gradcheck.ts prints it):
 * the limits of what it accepts, and what it reports, as plain data.
 */

/**
 * The largest network `verify gradcheck --units` accepts. Why 5000: the
 * weights alone are n^2 = 25 million inputs, whose values, adjoints and the
 * tape's other arrays take about 1 GB of typed arrays and some seconds to
 * compile; past that a machine of this class runs out of memory or patience.
 */
export const MAX_GRADCHECK_UNITS = 5000;

/** why 100: each instance is a fresh random network; more says little that a few do not, at n^2 cost each */
export const MAX_GRADCHECK_INSTANCES = 100;

/** where the nonzero weights are */
type WeightShape = 'dag' | 'dense' | 'symmetric';

/** a family of random networks as reports name it: a shape and the half-width of the weights */
export interface GradcheckFamily {
  readonly shape: WeightShape;
  /** the half-width as reports print it */
  readonly scaleText: string;
}

/** `dense, +-0.1` */
export function familyText(f: GradcheckFamily): string {
  return `${f.shape}, +-${f.scaleText}`;
}

/** an element, both values and how far apart */
export interface GradcheckWorst {
  /** the unit of each index of wrt */
  readonly units: ReadonlyMap<string, number>;
  readonly autodiff: number;
  readonly closedForm: number;
  readonly absolute: number;
  /** absolute / |autodiff| (Infinity when autodiff is 0 and they differ, 0 when both are 0) */
  readonly relative: number;
  /** absolute / max(1, |autodiff|), what the tolerance applies to */
  readonly mixed: number;
  /** the error bounds of the two float64 values (NaN where they were not needed: an agreeing element) */
  readonly autodiffError: number;
  readonly closedFormError: number;
}

/** what one network's comparison found */
export interface NetworkComparison {
  readonly agreeing: number;
  readonly differing: number;
  readonly unsettled: number;
  /** the first unsettled element, both float64 values there, and why */
  readonly unsettledExample?: {
    readonly units: ReadonlyMap<string, number>;
    readonly autodiff: number;
    readonly closedForm: number;
    readonly reason: string;
  };
  /** the differing element furthest apart, else the agreeing one furthest apart; none when nothing was settled */
  readonly worst?: GradcheckWorst;
}

/** one random network and what its comparison found */
export interface GradcheckNetwork {
  readonly family: GradcheckFamily;
  readonly seed: number;
  /** OBJ on this network */
  readonly value: number;
  /** forward + backward, ms */
  readonly sweepMs: number;
  /** the error bounds of every partial (one forward and one backward sweep), ms; absent when every element agreed */
  readonly boundsMs?: number;
  /** the closed form at every element, ms */
  readonly closedFormMs: number;
  readonly comparison: NetworkComparison;
}

/** what gradcheck found on every network */
export interface GradcheckReport {
  readonly kind: 'report';
  readonly n: number;
  readonly partials: number;
  readonly tapeNodes: number;
  readonly compileMs: number;
  readonly networks: readonly GradcheckNetwork[];
  /** the families of one round, in the order the networks take them */
  readonly families: readonly GradcheckFamily[];
  /** the arrays that take each family's weights (isWeightArray) */
  readonly weightArrays: readonly string[];
  /** the worst settled element over all networks, and which (0-based); none when nothing was settled */
  readonly worst?: GradcheckWorst & { readonly network: number };
  readonly agreeing: number;
  readonly differing: number;
  readonly unsettled: number;
  readonly tolerance: number;
  /** failed: some element differs; ok: none does and some agree; undecided: float64 settled none */
  readonly verdict: 'ok' | 'failed' | 'undecided';
}

/** the report, or why the input cannot be checked */
export type GradcheckResult = GradcheckReport | { readonly kind: 'problem'; readonly message: string };
