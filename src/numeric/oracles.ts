/**
 * Three derivative oracles must agree before a step with `diff` is accepted:
 *
 * - forward mode: nested dual numbers at 50 digits (evaluate.ts), the value
 *   every point is judged by;
 * - finite differences: central differences with a Richardson step, in
 *   decimals (finite-difference.ts), re-checked at 100 digits with a smaller
 *   step when the first try misses;
 * - reverse mode: the body compiled into a float64 tape, one backward pass
 *   (tape-oracle.ts), compared only where its values are moderate.
 *
 * At a point, every outermost diff evaluated is a site; each site's three
 * derivatives are compared, and a disagreement names the odd oracle out.
 */
import { type Expr, children } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { FD_CONFIRM_STEP, FD_STEP, FD_TOLERANCE, MAX_ORACLE_SITES, TAPE_TOLERANCE } from './bounds.js';
import { evaluate, type DiffSite, type EvalEnv } from './evaluate.js';
import type { DecimalField } from './field.js';
import { realPart } from './numbers.js';
import { NotDefined } from './undefined.js';
import { finiteDifference } from './finite-difference.js';
import type { Decimal } from './decimal.js';
import { tapeDerivative } from './tape-oracle.js';

/** what the oracles found at one point */
type OracleCheck =
  /** sites compared; how many of them finite differences and the tape could be compared at */
  | { readonly kind: 'agree'; readonly sites: number; readonly fd: number; readonly tape: number }
  | { readonly kind: 'disagree'; readonly reason: string }
  | { readonly kind: 'budget' };

/** the names of the three oracles, as messages and counterexamples give them */
export const FORWARD = 'forward-mode dual numbers (50 digits)';
export const FINITE = 'Richardson finite differences';
export const TAPE = 'the reverse-mode tape (float64)';

/** true when e contains a diff */
export function hasDiff(e: Expr): boolean {
  return e.kind === 'diff' || children(e).some(hasDiff);
}

/** |a - b| <= tol max(1, |a|, |b|, scale) */
function close(a: Decimal, b: Decimal, tol: Decimal | string, scale: number = 0): boolean {
  const D = a.constructor as typeof Decimal;
  const m = D.max(1, a.abs(), b.abs(), Math.abs(scale));
  return a.minus(b).abs().lte(m.times(tol));
}

/** the diff sites of both sides at a point of env; those with a nonzero derivative first, at most MAX_ORACLE_SITES */
function diffSites(sides: readonly Expr[], env: EvalEnv): DiffSite[] {
  const sites: DiffSite[] = [];
  for (const side of sides) evaluate(side, { ...env, sites });
  const nonzero = sites.filter((s) => !realPart(s.derivative).isZero());
  return [...nonzero, ...sites.filter((s) => realPart(s.derivative).isZero())].slice(0, MAX_ORACLE_SITES);
}

/**
 * Compares the oracles at every diff site of `sides` at one point. `envAt`
 * builds the point's environment in a field; `confirm` is the 100-digit
 * field a missed finite difference is re-checked in.
 */
export function checkOracles(
  sides: readonly Expr[],
  envAt: (field: DecimalField) => EvalEnv | NotDefined,
  main: DecimalField,
  confirm: DecimalField,
): OracleCheck {
  const env = envAt(main);
  if (env instanceof NotDefined)
    return env.cause === 'budget' ? { kind: 'budget' } : { kind: 'agree', sites: 0, fd: 0, tape: 0 };
  let fdCount = 0;
  let tapeCount = 0;
  const sites = diffSites(sides, env);
  for (const site of sites) {
    if (main.meter.used > main.meter.limit) return { kind: 'budget' };
    const forward = realPart(site.derivative);
    let fd = finiteDifference(site, env, FD_STEP);
    if (!(fd instanceof NotDefined) && !close(forward, realPart(fd), FD_TOLERANCE)) {
      // a step too large for a steep function, or rounding: once more at 100 digits with a far smaller step
      const precise = envAt(confirm);
      if (precise instanceof NotDefined)
        return precise.cause === 'budget'
          ? { kind: 'budget' }
          : { kind: 'disagree', reason: 'the point is undefined at 100 digits' };
      const again = finiteDifference(site, precise, FD_CONFIRM_STEP);
      fd = again instanceof NotDefined ? again : realPart(again);
    }
    if (fd instanceof NotDefined && fd.cause === 'budget') return { kind: 'budget' };
    const fdValue = fd instanceof NotDefined ? undefined : realPart(fd);
    const tape = tapeDerivative(site, env);
    const opinion =
      tape.kind === 'value' ? { value: new main.D(tape.value), scale: tape.scale } : { unavailable: tape.reason };
    if (fdValue !== undefined) fdCount++;
    if ('value' in opinion) tapeCount++;
    const odd = judgeSite(forward, fdValue, opinion);
    if (odd !== undefined)
      return {
        kind: 'disagree',
        reason: disagreement(site, forward, fdValue, 'value' in opinion ? opinion.value : undefined, odd),
      };
  }
  return { kind: 'agree', sites: sites.length, fd: fdCount, tape: tapeCount };
}

/**
 * Which oracle is the odd one out at a site, in words, or undefined when
 * they agree: finite differences within FD_TOLERANCE of the duals, the tape
 * within TAPE_TOLERANCE (scaled by its magnitudes) of the duals; an oracle
 * that is not available at the site (undefined, or `unavailable`) is not
 * compared.
 */
export function judgeSite(
  forward: Decimal,
  fd: Decimal | undefined,
  tape: { value: Decimal; scale: number } | { unavailable: string },
): string | undefined {
  const t = 'value' in tape ? tape : undefined;
  const fOk = fd === undefined || close(forward, fd, FD_TOLERANCE);
  const tOk = t === undefined || close(forward, t.value, String(TAPE_TOLERANCE), t.scale);
  if (fOk && tOk) return undefined;
  if (fd !== undefined && t !== undefined) {
    if (!fOk && tOk) return `${FINITE} disagree with the other two`;
    if (fOk && !tOk) return `${TAPE} disagrees with the other two`;
    if (close(fd, t.value, String(TAPE_TOLERANCE), t.scale)) return `${FORWARD} disagree with the other two`;
    return 'all three disagree';
  }
  if (fd !== undefined)
    return `${FORWARD} and ${FINITE} disagree (the tape is not available here: ${'unavailable' in tape ? tape.unavailable : ''})`;
  return `${FORWARD} and ${TAPE} disagree (finite differences are not available here)`;
}

/** the words of a disagreement: the site, the three values, the odd one */
function disagreement(
  site: DiffSite,
  forward: Decimal,
  fd: Decimal | undefined,
  tape: Decimal | undefined,
  odd: string,
): string {
  const units = [...site.units].map(([k, u]) => `${k} = ${u}`).join(', ');
  const show = (d: Decimal | undefined): string => (d === undefined ? 'n/a' : d.toSignificantDigits(20).toString());
  return (
    `the derivative oracles disagree on d/d${site.key} of ${toAscii(site.body)}${units ? ` (${units})` : ''}: ` +
    `${FORWARD} ${show(forward)}, ${FINITE} ${show(fd)}, ${TAPE} ${show(tape)}; ${odd}`
  );
}
