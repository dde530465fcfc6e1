/** The marker of a value that does not exist at a point, and why. */

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
export type NotDefinedCause = 'domain' | 'singular' | 'overflow' | 'budget' | 'uncertain';

export class NotDefined {
  constructor(
    readonly reason: string,
    readonly cause: NotDefinedCause,
  ) {}
}
