/**
 * An assumed value must be a defined value of its variable's domain at every
 * point: `b = 1/a` with a real would silently exclude a = 0 (no b equals 1/0
 * there), and then a step true under the premise could be refuted at a = 0;
 * `b = 1 - a` with b positive would exclude a >= 1. The core decides it
 * (certain definedness, interval analysis of the value); what it cannot show
 * is refused with the declaration that would make it hold.
 */
import type { Expr } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { type Domain, type Scope, type SymbolDecl, domainText } from '../ir/symbols.js';
import { certainDefinedness, certainlyInDomain, prepareSide } from '../core/defined-at.js';
import { UnfoldError } from '../ir/unfold.js';

/** why `value` cannot be assumed for a variable of `domain` (undefined: no domain, any real), or undefined when it can */
export function assumedValueProblem(
  shown: string,
  value: Expr,
  domain: Domain | undefined,
  symbols: ReadonlyMap<string, SymbolDecl>,
  where: Pick<Scope, 'definitions' | 'assumptions'> = { definitions: new Map(), assumptions: [] },
): string | undefined {
  const scope: Scope = { symbols, ...where };
  // no deadline: whether a file loads must not depend on the machine's speed (the core's work budget bounds it)
  let defined: ReturnType<typeof certainDefinedness>;
  try {
    defined = certainDefinedness(value, scope);
  } catch (err) {
    // a definition cycle or a wrong call: reported at the step that uses the value
    if (err instanceof UnfoldError) return undefined;
    throw err;
  }
  if (defined.kind !== 'defined')
    return `${shown} = ${toAscii(value)} needs ${toAscii(value)} to be defined at every point of the declared domains, which the checker cannot show (${defined.kind === 'undefined' ? defined.why : 'it may be undefined somewhere'}); the assumption would silently exclude those points. Declare the domains that make it defined (such as a: {domain: nonzero} for 1/a)`;
  const real = !domain || (domain.kind === 'interval' && !domain.lo && !domain.hi);
  // the value as the core reads it: definitions unfolded, the case's values put in
  if (!real && !certainlyInDomain(prepareSide(value, scope, new Set()).expr, domain!, scope))
    return `${shown} is declared ${domainText(domain!)}, and the checker cannot show that ${toAscii(value)} stays in that domain at every point; give a value it can show there, declare the variables it uses so that it is (an interval case such as {x: "(1, inf)"} narrows x), or declare ${shown} with a domain that contains it (such as real)`;
  return undefined;
}
