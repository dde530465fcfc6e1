/**
 * The equalities a derivation asserts, restated from the contract
 * (shared/derivation-format.md) rather than taken from check.ts, so that the
 * oracle does not inherit a mistake of the checker: the claim's left side =
 * the first step, each step = the one before, the main chain's last step =
 * each case's first, and the last step of the chain (or of each case) = the
 * claim's right side; each under the definitions and assumptions in force.
 */
import type { Expr } from '../../src/ir/expr.js';
import type { Definition, Scope } from '../../src/ir/symbols.js';
import type { LoadedDerivation, LoadedStep } from '../../src/derivation/model.js';
import { narrowedSymbols } from '../../src/derivation/intervals.js';

/** one asserted equality `lhs = rhs` under `scope`; `location` names the right side */
export interface AssertedEquality {
  readonly location: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly scope: Scope;
}

/** the scope of the main chain (caseIndex undefined) or of a case */
export function scopeOf(d: LoadedDerivation, caseIndex: number | undefined): Scope {
  const definitions = new Map<string, Definition>(d.definitions.map((x) => [x.name, x]));
  const c = caseIndex === undefined ? undefined : d.cases?.list[caseIndex];
  for (const x of c?.definitions ?? []) definitions.set(x.name, x);
  const values = (d.assume ?? []).flatMap((a) =>
    a.kind === 'value' ? [{ variable: a.variable, value: a.value }] : [],
  );
  const equations = (d.assume ?? []).flatMap((a) => (a.kind === 'sum' ? [{ sum: a.sum, value: a.value }] : []));
  const assumptions = [...values, ...(c?.when ?? []).map((a) => ({ variable: a.variable, value: a.value }))];
  return {
    symbols: narrowedSymbols(d.symbols, c?.intervals ?? []),
    definitions,
    assumptions,
    ...(equations.length ? { equations } : {}),
  };
}

/** every equality the derivation asserts, in file order */
export function assertedEqualities(d: LoadedDerivation): AssertedEquality[] {
  const out: AssertedEquality[] = [];
  const chain = (steps: readonly LoadedStep[], caseIndex: number | undefined) => {
    for (let k = 1; k < steps.length; k++)
      out.push({
        location: steps[k]!.location,
        lhs: steps[k - 1]!.expr,
        rhs: steps[k]!.expr,
        scope: scopeOf(d, caseIndex),
      });
  };
  const first = d.steps[0]!;
  const last = d.steps[d.steps.length - 1]!;
  if (d.claim) out.push({ location: first.location, lhs: d.claim.lhs, rhs: first.expr, scope: scopeOf(d, undefined) });
  chain(d.steps, undefined);
  if (!d.cases) {
    if (d.claim) out.push({ location: 'claim.rhs', lhs: last.expr, rhs: d.claim.rhs, scope: scopeOf(d, undefined) });
    return out;
  }
  d.cases.list.forEach((c, k) => {
    const caseFirst = c.steps[0]!;
    out.push({
      location: caseFirst.location,
      lhs: last.expr,
      rhs: caseFirst.expr,
      scope: scopeOf(d, k),
    });
    chain(c.steps, k);
    if (d.claim)
      out.push({
        location: `${c.location}.claim.rhs`,
        lhs: c.steps[c.steps.length - 1]!.expr,
        rhs: d.claim.rhs,
        scope: scopeOf(d, k),
      });
  });
  return out;
}
