/**
 * A vitest matcher for expressions: `expect(a).toEqualExpression(b, context)`
 * passes only when the trusted core proves `a = b` on the declared domains
 * (or, with `{allowNumeric: true}`, when high-precision sampling agrees).
 *
 * Register once, e.g. in a setup file:
 *   import { expect } from 'vitest';
 *   import { derivcheckMatchers } from 'derivcheck/testing';
 *   expect.extend(derivcheckMatchers);
 *
 * vitest is imported for its types only, so this module loads without it.
 */
import type { MatcherState } from 'vitest';
import type { ContextInput } from '../api/context.js';
import { type EquivalentOptions, equivalent } from '../api/equivalent.js';
import type { Counterexample } from '../verdict/result.js';

/** options of toEqualExpression */
export interface ExpressionMatchOptions extends EquivalentOptions {
  /** accept `numeric` (sampling agrees, no proof) as well as `proved`; default false */
  readonly allowNumeric?: boolean;
}

/**
 * The matcher: pass when `equivalent(received, expected)` is `proved` (or
 * `numeric` with allowNumeric). Under `.not` it passes only on a refutation
 * (`failed`, with a counterexample): "not proved" is not "proved unequal".
 */
export function toEqualExpression(
  this: MatcherState,
  received: unknown,
  expected: string,
  context?: ContextInput,
  options: ExpressionMatchOptions = {},
): { pass: boolean; message: () => string; actual?: unknown; expected?: unknown } {
  const pair = `${JSON.stringify(received)} = ${JSON.stringify(expected)}`;
  if (typeof received !== 'string' || typeof expected !== 'string') {
    // pass is what makes the assertion fail under either polarity
    return {
      pass: this.isNot,
      message: () =>
        `toEqualExpression compares expressions written as text; got ${typeof received} and ${typeof expected}`,
    };
  }
  const v = equivalent(received, expected, context, options);
  const accepted = v.status === 'proved' || (v.status === 'numeric' && options.allowNumeric === true);
  const refuted = v.status === 'failed';
  // under .not, vitest inverts `pass`: report pass=true unless refuted, so only a refutation passes
  const pass = this.isNot ? !refuted : accepted;
  const why = v.counterexample ? `\n${describeCounterexample(v.counterexample)}` : '';
  const advice =
    v.status === 'numeric' && !options.allowNumeric ? '\n(pass {allowNumeric: true} to accept numeric evidence)' : '';
  return {
    pass,
    message: () =>
      this.isNot
        ? `expected ${pair} to be refuted, but it was ${v.status}: ${v.message}`
        : `expected ${pair} to be proved, but it was ${v.status}: ${v.message}${why}${advice}`,
    actual: received,
    expected,
  };
}

/** the matchers to pass to `expect.extend` */
export const derivcheckMatchers = { toEqualExpression };

/** a counterexample as lines: the point, then each side's value */
export function describeCounterexample(c: Counterexample): string {
  const point = Object.entries(c.values)
    .map(([k, x]) => `${k} = ${x}`)
    .join(', ');
  return `counterexample (${c.how}; seed ${c.seed}${c.units !== undefined ? `; ${c.units} units` : ''}): ${point}\n  first:  ${c.lhs}\n  second: ${c.rhs}`;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must match vitest's own declaration of Assertion<T = any>
  interface Assertion<T = any> {
    /**
     * Passes when the trusted core proves the received expression equals
     * `expected` on the domains declared in `context` (`{allowNumeric: true}`
     * also accepts agreement at sampled points). With `.not`, passes only
     * when a counterexample refutes the equality.
     */
    toEqualExpression(expected: string, context?: ContextInput, options?: ExpressionMatchOptions): void;
  }
}
