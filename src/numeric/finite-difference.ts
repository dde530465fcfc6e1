/**
 * The finite-difference oracle: the derivative of a diff site's body by
 * central differences with one Richardson extrapolation,
 *
 *   D(h) = (f(x + h) - f(x - h)) / 2h = f' + c2 h^2 + c4 h^4 + ...
 *   R(h) = (4 D(h/2) - D(h)) / 3     = f' + O(h^4),
 *
 * with every f evaluated in decimals at the field's precision. It knows
 * nothing of dual numbers or tapes: it only evaluates the body at nearby
 * points, so a wrong derivative rule anywhere else shows against it.
 */
import type { Decimal } from './decimal.js';
import { evaluate, type DiffSite, type EvalEnv } from './evaluate.js';
import { type FieldNum, type Val, realPart } from './numbers.js';
import { NotDefined } from './undefined.js';

/** f' at x by R(h) above, or the first undefined value met */
export function richardson(f: (x: Decimal) => Val, x: Decimal, h: Decimal): Val {
  const central = (step: Decimal): Val => {
    const up = f(x.plus(step));
    if (up instanceof NotDefined) return up;
    const down = f(x.minus(step));
    if (down instanceof NotDefined) return down;
    return realPart(up).minus(realPart(down)).div(step.times(2));
  };
  const d1 = central(h);
  if (d1 instanceof NotDefined) return d1;
  const d2 = central(h.div(2));
  if (d2 instanceof NotDefined) return d2;
  return realPart(d2).times(4).minus(realPart(d1)).div(3);
}

/**
 * d body / d site.key at the point of env (whose field sets the precision),
 * with step `relativeStep` max(1, |x|); the variable is perturbed in the
 * point's values, so opaque models that read it see the perturbation too.
 */
export function finiteDifference(site: DiffSite, env: EvalEnv, relativeStep: string): Val {
  const D = env.field.D;
  const at = evaluate(site.wrt, { ...env, units: site.units, sites: undefined, accessed: undefined });
  if (at instanceof NotDefined) return at;
  const x = realPart(at as FieldNum);
  const h = new D(relativeStep).times(D.max(1, x.abs()));
  const f = (t: Decimal): Val => {
    const values = new Map(env.values);
    values.set(site.key, t);
    return evaluate(site.body, { ...env, units: site.units, values, sites: undefined, accessed: undefined });
  };
  return richardson(f, new D(x), h);
}
