/**
 * An assumed value must be a defined value of its variable's domain at every
 * point: `b = 1/a` with a real would silently exclude a = 0 (no b equals 1/0
 * there), and then a step true under the premise could be refuted at a = 0;
 * `b = 1 - a` with b positive would exclude a >= 1. The core decides it
 * (certain definedness, interval analysis of the value); what it cannot show
 * is refused with the declaration that would make it hold.
 */
import { type Expr, type Variable, children, num, withChildren } from '../ir/expr.js';
import { constantRational } from './constant-value.js';
import { applyAssumptions } from '../ir/substitute.js';
import { toAscii } from '../ir/print.js';
import { type Domain, type Scope, type SymbolDecl, domainText } from '../ir/symbols.js';
import { certainDefinedness, certainlyInDomain, prepareSide } from '../core/defined-at.js';
import { undefinednessWords } from '../explain/decision-words.js';
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
    return `${shown} = ${toAscii(value)} needs ${toAscii(value)} to be defined at every point of the declared domains, which the checker cannot show (${defined.kind === 'undefined' ? undefinednessWords(defined.because) : 'it may be undefined somewhere'}); the assumption would silently exclude those points. Declare the domains that make it defined (such as a: {domain: nonzero} for 1/a)`;
  const real = !domain || (domain.kind === 'interval' && !domain.lo && !domain.hi);
  // the value as the core reads it: definitions unfolded, the case's values put in
  if (!real && !inDomainEverywhere(prepareSide(value, scope, new Set()).expr, domain!, scope))
    return `${shown} is declared ${domainText(domain!)}, and the checker cannot show that ${toAscii(value)} stays in that domain at every point; give a value it can show there, declare the variables it uses so that it is (an interval case such as {x: "(1, inf)"} narrows x), or declare ${shown} with a domain that contains it (such as real)`;
  return undefined;
}

/** why: each binary variable doubles the checks; a value with more is refused rather than slow */
const MAX_BINARY_SPLIT = 4;

/**
 * e certainly in domain at every point: by interval analysis, or, where that
 * is too coarse (p^q (1 - p)^(1 - q) for a binary q), at each value of its
 * binary variables (at most MAX_BINARY_SPLIT of them, outside sums)
 */
function inDomainEverywhere(e: Expr, domain: Domain, scope: Scope): boolean {
  if (certainlyInDomain(e, domain, scope)) return true;
  const binaries = new Map<string, Variable>();
  const walk = (x: Expr): void => {
    if (x.kind === 'sum') return; // an element under a sum's index is many variables
    if (x.kind === 'sym' || x.kind === 'elem') {
      const d = scope.symbols.get(x.name);
      if (d && d.kind !== 'index' && d.domain.kind === 'binary') binaries.set(x.key, x);
    }
    children(x).forEach(walk);
  };
  walk(e);
  const vars = [...binaries.values()];
  if (vars.length === 0 || vars.length > MAX_BINARY_SPLIT) return false;
  for (let m = 0; m < 2 ** vars.length; m++) {
    const values = vars.map((variable, k) => ({ variable, value: num((m >> k) & 1) }));
    if (!certainlyInDomain(foldConstants(applyAssumptions(e, values)), domain, scope)) return false;
  }
  return true;
}

/** e with every constant sub-expression written as its number ((1 - p)^(1 - 1) as (1 - p)^0) */
function foldConstants(e: Expr): Expr {
  const c = constantRational(e);
  if (c !== undefined) return num(c);
  const cs = children(e);
  if (cs.length === 0) return e;
  const folded = cs.map(foldConstants);
  return folded.every((x, k) => x === cs[k]) ? e : withChildren(e, folded);
}
