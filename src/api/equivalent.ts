/**
 * `equivalent`: are two expressions equal on the declared domains? The same
 * policy as a derivation step (src/derivation/compare.ts): `proved` only from
 * the trusted core, else numeric evidence or a counterexample.
 */
import { compareExpressions, type Verdict } from '../derivation/compare.js';
import { type ContextInput, loadContext } from './context.js';
import { describeError } from './errors.js';
import { readIn } from './expression.js';
import { type VerifyOptions, librarySettings, optionsProblem } from './verify.js';

/** options of a comparison: a verification's that apply to one pair (stepTimeoutMs limits the comparison; past it the verdict is `error` with code `timeout`, never a pass) */
export type EquivalentOptions = Pick<VerifyOptions, 'seed' | 'samples' | 'stepTimeoutMs'>;

/**
 * The verdict on `a = b`: `proved` (the core), `numeric` (sampling agrees;
 * evidence, not proof), `failed` (with a counterexample), or `error` (an
 * input problem, with its `code`, or neither check could decide).
 */
export type Equivalence = Verdict;

/** Whether `a` equals `b` at every point of the domains declared in `context`, as a derivation step would be judged. */
export function equivalent(a: string, b: string, context?: ContextInput, options: EquivalentOptions = {}): Equivalence {
  const problem = optionsProblem(options);
  if (problem !== undefined) return { status: 'error', code: 'usage', message: problem };
  const c = loadContext(context);
  if (!c.ok)
    return {
      status: 'error',
      code: c.errors[0]!.code,
      message: `the context cannot be read: ${c.errors.map(describeError).join('; ')}`,
    };
  const x = readIn(a, c.context, 'a');
  const y = readIn(b, c.context, 'b');
  if (!x.ok || !y.ok) {
    const errors = [...(x.ok ? [] : x.errors), ...(y.ok ? [] : y.errors)];
    return { status: 'error', code: errors[0]!.code, message: errors.map(describeError).join('; ') };
  }
  const { seed, samples, stepTimeoutMs } = options;
  const settings = librarySettings({ seed, samples, stepTimeoutMs });
  return compareExpressions(x.expr, y.expr, c.context.scope, settings, 'the first expression');
}
