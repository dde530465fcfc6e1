/**
 * The expressions of a loaded derivation that can be mutated, each with a way
 * to rebuild the derivation around an edited copy and the scopes under which
 * the edit's meaning is judged: a step under its chain's definitions and
 * assumptions, the claim's sides under every scope they are compared in.
 */
import type { Expr } from '../../src/ir/expr.js';
import type { Scope } from '../../src/ir/symbols.js';
import type { LoadedCase, LoadedDefinition, LoadedDerivation, LoadedStep } from '../../src/derivation/model.js';
import type { SiteKind } from './model.js';
import { scopeOf } from './pairs.js';

/** one mutable expression of a derivation */
interface ExpressionSite {
  readonly location: string;
  readonly kind: Exclude<SiteKind, 'structure'>;
  readonly expr: Expr;
  /** the derivation with this expression replaced */
  readonly rebuild: (e: Expr) => LoadedDerivation;
  /** the definition whose body this is (its index parameters are not values) */
  readonly definition?: LoadedDefinition;
  /** where an edit of a step or claim side is compared with the original (empty for definitions: their edits are judged by the equalities they break) */
  readonly scopes: readonly Scope[];
}

const replaceStep = (steps: readonly LoadedStep[], k: number, e: Expr): LoadedStep[] =>
  steps.map((s, m) => (m === k ? { ...s, expr: e } : s));
const replaceDef = (defs: readonly LoadedDefinition[], k: number, e: Expr): LoadedDefinition[] =>
  defs.map((x, m) => (m === k ? { ...x, body: e } : x));

/** the derivation with case c rebuilt by f */
function withCase(d: LoadedDerivation, c: number, f: (x: LoadedCase) => LoadedCase): LoadedDerivation {
  const cases = d.cases!;
  return { ...d, cases: { ...cases, list: cases.list.map((x, m) => (m === c ? f(x) : x)) } };
}

/** every step, claim side and definition body of d, in file order */
export function expressionSites(d: LoadedDerivation): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  const caseCount = d.cases?.list.length ?? 0;
  const caseIndices = [...Array(caseCount).keys()];
  if (d.claim) {
    const claim = d.claim;
    out.push({
      location: 'claim.lhs',
      kind: 'claim',
      expr: claim.lhs,
      rebuild: (e) => ({ ...d, claim: { ...claim, lhs: e } }),
      scopes: [scopeOf(d, undefined)],
    });
    // the right side is compared under each case, or under the main chain's last step
    const rhsScopes = caseCount > 0 ? caseIndices.map((c) => scopeOf(d, c)) : [scopeOf(d, undefined)];
    out.push({
      location: 'claim.rhs',
      kind: 'claim',
      expr: claim.rhs,
      rebuild: (e) => ({ ...d, claim: { ...claim, rhs: e } }),
      scopes: rhsScopes,
    });
  }
  d.definitions.forEach((x, k) => {
    out.push({
      location: `define.${x.name}`,
      kind: 'definition',
      expr: x.body,
      definition: x,
      rebuild: (e) => ({ ...d, definitions: replaceDef(d.definitions, k, e) }),
      scopes: [],
    });
  });
  d.steps.forEach((s, k) => {
    out.push({
      location: s.location,
      kind: 'step',
      expr: s.expr,
      rebuild: (e) => ({ ...d, steps: replaceStep(d.steps, k, e) }),
      scopes: [scopeOf(d, undefined)],
    });
  });
  d.cases?.list.forEach((c, ci) => {
    c.definitions.forEach((x, k) => {
      out.push({
        location: `${c.location}.define.${x.name}`,
        kind: 'definition',
        expr: x.body,
        definition: x,
        rebuild: (e) => withCase(d, ci, (y) => ({ ...y, definitions: replaceDef(y.definitions, k, e) })),
        scopes: [],
      });
    });
    c.steps.forEach((s, k) => {
      out.push({
        location: s.location,
        kind: 'step',
        expr: s.expr,
        rebuild: (e) => withCase(d, ci, (y) => ({ ...y, steps: replaceStep(y.steps, k, e) })),
        scopes: [scopeOf(d, ci)],
      });
    });
  });
  return out;
}
