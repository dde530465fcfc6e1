/**
 * What a compare needs to know before sampling: the two sides with
 * definitions unfolded, their free index variables, the unit literals they
 * use, and any structural problem that makes them impossible to evaluate
 * (reported as `inconclusive`, never thrown).
 */
import { type Expr, type Variable, children } from '../ir/expr.js';
import { isInteger } from '../ir/rational.js';
import type { Scope } from '../ir/symbols.js';
import { unfold, UnfoldError } from '../ir/unfold.js';
import { builtinArity, isEvaluableFunction } from './corners.js';
import { type Constraint, constraintsOf } from './assume.js';
import { MAX_DIFF_NESTING } from './bounds.js';

export interface Prepared {
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** the scope's assumptions, their values unfolded */
  readonly assumptions: readonly { readonly variable: Variable; readonly value: Expr }[];
  /** the file's assumed equations the points must satisfy (assume.ts) */
  readonly constraints?: readonly Constraint[];
  /** index variables free in the sides, in assumptions, or in independent_of lists of opaque symbols used; sorted */
  readonly freeIndices: readonly string[];
  /** integer literals used as units (`s[1]`), sorted */
  readonly literals: readonly number[];
  /** whether the value can depend on the number of units (arrays, sums, deltas, n) */
  readonly indexed: boolean;
}

export interface Problem {
  readonly problem: string;
}

/** the prepared comparison of lhs and rhs in scope, or the reason they cannot be evaluated */
export function prepareComparison(lhs: Expr, rhs: Expr, scope: Scope): Prepared | Problem {
  for (const side of [lhs, rhs]) {
    const bad = diffOfDefined(side, scope);
    if (bad) return { problem: `cannot differentiate with respect to \`${bad}\`, which is defined, not a variable` };
  }
  let ul: Expr, ur: Expr;
  let assumptions: Prepared['assumptions'];
  try {
    // the declarations tell unfold which arguments may depend on a derivative's variable
    const unfoldIn = (e: Expr) => unfold(e, scope.definitions, { symbols: scope.symbols });
    ul = unfoldIn(lhs);
    ur = unfoldIn(rhs);
    assumptions = scope.assumptions.map((a) => ({ variable: a.variable, value: unfoldIn(a.value) }));
  } catch (err) {
    if (err instanceof UnfoldError) return { problem: err.message };
    throw err;
  }
  const nesting = Math.max(diffNesting(ul), diffNesting(ur), ...assumptions.map((a) => diffNesting(a.value)));
  if (nesting > MAX_DIFF_NESTING)
    return { problem: `diff is nested ${nesting} deep, more than MAX_DIFF_NESTING = ${MAX_DIFF_NESTING}` };
  const acc: Scan = {
    scope,
    indexNames: new Set(),
    free: new Set(),
    literals: new Set(),
    indexed: false,
    problems: [],
    opaque: new Set(),
  };
  for (const e of [ul, ur, ...assumptions.flatMap((a) => [a.variable, a.value])])
    indexPositions(e, new Set(), acc.indexNames);
  for (const e of [ul, ur, ...assumptions.map((a) => a.value)]) scan(e, new Set(), acc);
  for (const a of assumptions) scanVariable(a.variable, new Set(), acc);
  for (const name of acc.opaque) {
    const decl = scope.symbols.get(name);
    if (decl?.kind === 'scalar')
      for (const v of decl.independentOf) if (v.kind === 'elem') scanVariable(v, new Set(), acc);
  }
  if (acc.problems.length > 0) return { problem: acc.problems[0]! };
  const assumed = constraintsOf([ul, ur], assumptions, scope);
  if ('problem' in assumed) return assumed;
  return {
    lhs: ul,
    rhs: ur,
    assumptions,
    constraints: assumed.constraints,
    freeIndices: [...acc.free].sort(),
    literals: [...acc.literals].sort((a, b) => a - b),
    indexed: acc.indexed || acc.free.size > 0 || acc.literals.size > 0,
  };
}

interface Scan {
  readonly scope: Scope;
  /** names written in an index position somewhere, so a bare `i` is that index too */
  readonly indexNames: Set<string>;
  readonly free: Set<string>;
  readonly literals: Set<number>;
  indexed: boolean;
  readonly problems: string[];
  readonly opaque: Set<string>;
}

/** the first name a `diff` differentiates by that is a definition (unfolding would make it no variable) */
function diffOfDefined(e: Expr, scope: Scope): string | undefined {
  if (e.kind === 'diff' && e.wrt.kind === 'sym' && scope.definitions.has(e.wrt.name)) return e.wrt.name;
  for (const c of children(e)) {
    const bad = diffOfDefined(c, scope);
    if (bad) return bad;
  }
  return undefined;
}

/** adds the free names used in index positions (`w[i,k]`, `delta(i,j)`) */
function indexPositions(e: Expr, bound: ReadonlySet<string>, out: Set<string>): void {
  if (e.kind === 'elem' || e.kind === 'delta') {
    for (const i of e.kind === 'elem' ? e.indices : [e.a, e.b])
      if (i.kind === 'sym' && !bound.has(i.name)) out.add(i.name);
    return;
  }
  if (e.kind === 'sum') return indexPositions(e.body, new Set([...bound, e.index]), out);
  for (const c of children(e)) indexPositions(c, bound, out);
}

function scanIndexTerms(terms: readonly Expr[], bound: ReadonlySet<string>, acc: Scan): void {
  for (const t of terms) {
    if (t.kind === 'sym') {
      if (!bound.has(t.name)) acc.free.add(t.name);
    } else if (
      t.kind === 'num' &&
      isInteger(t.value) &&
      t.value.n >= 1n &&
      t.value.n <= BigInt(Number.MAX_SAFE_INTEGER)
    ) {
      acc.literals.add(Number(t.value.n));
    } else {
      acc.problems.push(`an index must be an index variable or a positive integer, not ${t.key}`);
    }
  }
}

function scanVariable(v: Variable, bound: ReadonlySet<string>, acc: Scan): void {
  if (v.kind === 'elem') return scan(v, bound, acc);
  const decl = acc.scope.symbols.get(v.name);
  if (bound.has(v.name) || decl?.kind === 'index' || acc.indexNames.has(v.name))
    acc.problems.push(`cannot differentiate with respect to the index \`${v.name}\``);
  else scan(v, bound, acc);
}

/** validates e and collects its free indices, literals and opaque symbols */
/** the largest number of diffs on one path from the root (each level doubles the size of the dual numbers) */
function diffNesting(e: Expr): number {
  let deepest = 0;
  for (const c of children(e)) deepest = Math.max(deepest, diffNesting(c));
  return e.kind === 'diff' ? deepest + 1 : deepest;
}

function scan(e: Expr, bound: ReadonlySet<string>, acc: Scan): void {
  switch (e.kind) {
    case 'sym': {
      if (bound.has(e.name)) return;
      const decl = acc.scope.symbols.get(e.name);
      if (decl?.kind === 'index' || acc.indexNames.has(e.name)) {
        acc.free.add(e.name);
        acc.indexed = true;
      } else if (decl?.kind === 'array') acc.problems.push(`the array \`${e.name}\` is used without indices`);
      else if (decl?.kind === 'scalar' && decl.opaque) acc.opaque.add(e.name);
      return;
    }
    case 'elem': {
      const decl = acc.scope.symbols.get(e.name);
      if (decl && decl.kind !== 'array') acc.problems.push(`\`${e.name}\` is not an array, but is indexed`);
      else if (decl?.kind === 'array' && decl.arity !== e.indices.length)
        acc.problems.push(`\`${e.name}\` has ${decl.arity} indices, but is used with ${e.indices.length}`);
      acc.indexed = true;
      return scanIndexTerms(e.indices, bound, acc);
    }
    case 'delta':
      acc.indexed = true;
      return scanIndexTerms([e.a, e.b], bound, acc);
    case 'sum':
      acc.indexed = true;
      return scan(e.body, new Set([...bound, e.index]), acc);
    case 'units':
      acc.indexed = true;
      return;
    case 'call':
      if (!isEvaluableFunction(e.fn)) acc.problems.push(`unknown function \`${e.fn}\``);
      else if (e.args.length !== builtinArity(e.fn))
        acc.problems.push(`\`${e.fn}\` takes ${builtinArity(e.fn)} argument(s), not ${e.args.length}`);
      break;
    case 'diff':
      scan(e.body, bound, acc);
      return scanVariable(e.wrt, bound, acc);
    default:
      break;
  }
  for (const c of children(e)) scan(c, bound, acc);
}
