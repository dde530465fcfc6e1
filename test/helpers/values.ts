/**
 * The numeric layer's value of an expression as a test oracle for the core:
 * the 50-digit value at a point (undefined where the expression is), and
 * closeness with a relative tolerance, in 60-digit decimals.
 */
import type { Expr } from '../../src/ir/expr.js';
import { Decimal as DecimalBase } from '../../src/numeric/decimal.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { isUndefined, realPart } from '../../src/numeric/numbers.js';

/** decimals with room for a 50-digit value and its comparison */
export const Decimal = DecimalBase.clone({ precision: 60 });
export type Decimal = InstanceType<typeof Decimal>;

/** e's 50-digit value at the point p (exact decimal text by name), or undefined where e is undefined */
export function valueAt(e: Expr, p: Record<string, string>): Decimal | undefined {
  const v = evaluateAtPoint(e, p, 50);
  return isUndefined(v) ? undefined : new Decimal(realPart(v).toString());
}

/** |a - b| <= tol max(1, |a|, |b|) */
export function close(a: Decimal, b: Decimal, tol: string): boolean {
  return a
    .minus(b)
    .abs()
    .lte(new Decimal(tol).times(Decimal.max(1, a.abs(), b.abs())));
}
