/**
 * gradcheck on a loaded derivation: the claim's lhs must be
 * `diff(OBJ, w[i,j])` (an element of a declared array), its rhs (or, without
 * a claim, the main chain's last step) is the closed form; the check itself
 * is src/numeric/gradcheck.ts, on random networks.
 */
import type { Elem, Expr } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import type { Definition, Scope } from '../ir/symbols.js';
import { gradcheck } from '../numeric/gradcheck.js';
import type { GradcheckReport } from '../verdict/gradcheck.js';
import type { LoadedDerivation } from './model.js';

/** how large a check, and where its progress lines go */
interface GradcheckOptions {
  readonly units: number;
  readonly seed: number;
  /** rounds: each tries one network of every family */
  readonly instances: number;
  readonly progress?: (line: string) => void;
}

/** the report, with the element differentiated by and which side was the closed form; or why there is none */
type DerivationGradcheck =
  | (GradcheckReport & { readonly wrt: Elem; readonly from: string })
  | { readonly kind: 'problem'; readonly message: string };

/** checks the derivation's closed form for d OBJ / d w[i,j] against reverse-mode autodiff of OBJ */
export function gradcheckDerivation(d: LoadedDerivation, options: GradcheckOptions): DerivationGradcheck {
  const s = shape(d);
  if ('problem' in s) return { kind: 'problem', message: s.problem };
  const scope: Scope = {
    symbols: d.symbols,
    definitions: new Map<string, Definition>(d.definitions.map((x) => [x.name, x])),
    assumptions: [],
  };
  const r = gradcheck({ objective: s.objective, wrt: s.wrt, closedForm: s.closedForm, scope, ...options });
  return r.kind === 'problem' ? r : { ...r, wrt: s.wrt, from: s.from };
}

/** the objective, the element and the closed form of a derivation, or why it does not have that shape */
function shape(
  d: LoadedDerivation,
): { objective: Expr; wrt: Elem; closedForm: Expr; from: string } | { problem: string } {
  // the networks are drawn freely: a gradient that holds only under an assumed equation would seem wrong
  const assumed = [...(d.assume ?? []), ...(d.cases?.list.flatMap((c) => c.assume ?? []) ?? [])];
  if (assumed.length)
    return {
      problem: `gradcheck draws its networks freely and cannot make them satisfy the file's assumptions (${assumed.map((a) => `"${a.source}"`).join(', ')}); check the file with verify instead`,
    };
  let lhs: Expr, rhs: Expr, from: string;
  if (d.claim) {
    [lhs, rhs, from] = [d.claim.lhs, d.claim.rhs, "the claim's rhs"];
  } else if (!d.cases && d.steps.length >= 2) {
    [lhs, rhs, from] = [d.steps[0]!.expr, d.steps[d.steps.length - 1]!.expr, 'the last step'];
  } else {
    return {
      problem:
        'gradcheck needs a claim `{lhs: diff(OBJ, w[i,j]), rhs: CLOSED_FORM}` (or, without cases, a chain from diff(OBJ, w[i,j]) to the closed form)',
    };
  }
  if (lhs.kind !== 'diff' || lhs.wrt.kind !== 'elem') {
    return {
      problem: `gradcheck needs the claim's lhs to be diff(OBJ, w[i,j]), a derivative with respect to an element of an array; here it is ${toAscii(lhs)}`,
    };
  }
  return { objective: lhs.body, wrt: lhs.wrt, closedForm: rhs, from };
}
