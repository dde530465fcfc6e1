/**
 * fast-check generators of IR with binders, for property tests of
 * substitution, unfolding and assumptions: sums (binding names that are also
 * free elsewhere, so shadowing and capture happen), Kronecker deltas, indexed
 * arrays (a real w[a, b], a binary s[a]), derivatives by scalars and by array
 * elements, definitions (a nullary one with free indices, one with a value
 * parameter that may be differentiated by, one with an index parameter),
 * and case assumptions. Points to evaluate them at come with them
 * (reference-eval.ts evaluates). Reusable by any test.
 */
import fc from 'fast-check';
import {
  type Expr,
  type IndexTerm,
  type Variable,
  add,
  call,
  delta,
  diff,
  elem,
  mul,
  num,
  pow,
  sub,
  sum,
  sym,
  units,
} from '../../src/ir/expr.js';
import { rat } from '../../src/ir/rational.js';
import type { Definition } from '../../src/ir/symbols.js';
import type { RefPoint } from './reference-eval.js';

/** the names of the generated world: free indices (also bound by sums), scalars, arrays, units */
export const WORLD = {
  indices: ['i', 'j', 'k', 'l'],
  scalars: ['x', 'y'],
  /** w: two indices, real; s: one index, binary */
  arrays: { w: 2, s: 1 },
  units: 3,
} as const;

const FUNCTIONS = ['exp', 'sin', 'cos', 'log', 'sigma'] as const;

export interface ExprOptions {
  /** maximum nesting (fast-check's maxDepth) */
  readonly depth?: number;
  /** scalar names usable as values and as diff variables (parameters of a definition body included) */
  readonly scalars?: readonly string[];
  /** extra index names usable in index positions (an index parameter of a definition body) */
  readonly indexNames?: readonly string[];
  /** definitions the expression may call or name */
  readonly defs?: readonly Definition[];
  /** whether diff nodes may appear */
  readonly diffs?: boolean;
}

/** an index position: an index name or a unit */
export function arbIndexTerm(extra: readonly string[] = []): fc.Arbitrary<IndexTerm> {
  return fc.oneof(
    fc.constantFrom(...WORLD.indices, ...extra).map((n) => sym(n) as IndexTerm),
    fc.integer({ min: 1, max: 2 }).map((u) => num(u) as IndexTerm),
  );
}

/** a variable to differentiate by: a scalar or an element of w */
function arbVariable(scalars: readonly string[], extra: readonly string[]): fc.Arbitrary<Variable> {
  return fc.oneof(
    fc.constantFrom(...scalars).map((n) => sym(n) as Variable),
    fc.tuple(arbIndexTerm(extra), arbIndexTerm(extra)).map(([a, b]) => elem('w', [a, b]) as Variable),
  );
}

/** random expressions over the world (and the given definitions), depth-bounded */
export function arbExpr(opts: ExprOptions = {}): fc.Arbitrary<Expr> {
  const scalars = opts.scalars ?? WORLD.scalars;
  const extra = opts.indexNames ?? [];
  const idx = arbIndexTerm(extra);
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    fc.constantFrom(...scalars).map((n) => sym(n) as Expr),
    fc.integer({ min: -2, max: 3 }).map((n) => num(n) as Expr),
    fc.constant(num(rat(1, 2)) as Expr),
    fc.tuple(idx, idx).map(([a, b]) => elem('w', [a, b]) as Expr),
    idx.map((a) => elem('s', [a]) as Expr),
    fc.tuple(idx, idx).map(([a, b]) => delta(a, b) as Expr),
    fc.constant(units() as Expr),
  );
  const nullary = (opts.defs ?? []).filter((d) => d.params.length === 0);
  const withParams = (opts.defs ?? []).filter((d) => d.params.length > 0);
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
    const branches: fc.Arbitrary<Expr>[] = [
      leaf,
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => add([a, b])),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => sub(a, b)),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => mul([a, b])),
      fc.tuple(tie('expr'), fc.constantFrom(-1, 2, 3)).map(([a, k]) => pow(a, num(k)) as Expr),
      fc.tuple(fc.constantFrom(...FUNCTIONS), tie('expr')).map(([f, a]) => call(f, [a]) as Expr),
      fc.tuple(fc.constantFrom(...WORLD.indices), tie('expr')).map(([k, b]) => sum(k, b) as Expr),
    ];
    if (opts.diffs !== false)
      branches.push(fc.tuple(tie('expr'), arbVariable(scalars, extra)).map(([b, v]) => diff(b, v) as Expr));
    if (nullary.length) branches.push(fc.constantFrom(...nullary).map((d) => sym(d.name) as Expr));
    for (const d of withParams) branches.push(callOf(d, tie('expr'), idx));
    return { expr: fc.oneof({ maxDepth: opts.depth ?? 4, depthSize: 'small', withCrossShrink: true }, ...branches) };
  });
  return expr;
}

/** a call of d: a value for each value parameter, an index term for each index parameter (read from the body) */
function callOf(d: Definition, value: fc.Arbitrary<Expr>, index: fc.Arbitrary<IndexTerm>): fc.Arbitrary<Expr> {
  const kinds = d.params.map((p) => (INDEX_PARAMS.has(p) ? index : value));
  return fc.tuple(...(kinds as fc.Arbitrary<Expr>[])).map((args) => call(d.name, args) as Expr);
}

/** parameter names the generated definitions use as indices; the others are values */
const INDEX_PARAMS = new Set(['u', 'v']);

/**
 * a small set of definitions, each body free to use the file's free indices
 * and variables: g (nullary), f(p) with a value parameter that may be the
 * variable of a diff in the body (the name may be x, shadowing the file's x),
 * h(u) with an index parameter, and F(p, u) calling the others
 */
export function arbDefinitions(depth = 3): fc.Arbitrary<Definition[]> {
  return fc.constantFrom('p', 'x').chain((p) =>
    fc
      .tuple(
        arbExpr({ depth, diffs: true }),
        arbExpr({ depth, scalars: [p, 'y'], diffs: true }),
        fc.boolean(),
        arbExpr({ depth, indexNames: ['u'], diffs: true }),
      )
      .chain(([g, fBody, wrtP, hBody]) => {
        const defs: Definition[] = [
          { name: 'g', params: [], body: g },
          { name: 'f', params: [p], body: wrtP ? diff(fBody, sym(p)) : fBody },
          { name: 'h', params: ['u'], body: add([hBody, elem('w', [sym('u'), sym('j')])]) },
        ];
        return arbExpr({ depth, scalars: ['q', 'y'], indexNames: ['v'], defs, diffs: true }).map((FBody) => [
          ...defs,
          { name: 'F', params: ['q', 'v'], body: add([FBody, elem('s', [sym('v')])]) },
        ]);
      }),
  );
}

/** a point of the world: units for every index name, random values for every scalar and element (s binary) */
export function arbPoint(): fc.Arbitrary<RefPoint> {
  const n = WORLD.units;
  const value = fc.oneof(
    fc.integer({ min: -6, max: 6 }).map((k) => k / 2),
    fc.constantFrom(0, 1, -1),
  );
  const wKeys = Array.from({ length: n * n }, (_, m) => `w[${Math.floor(m / n) + 1},${(m % n) + 1}]`);
  const sKeys = Array.from({ length: n }, (_, m) => `s[${m + 1}]`);
  return fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: n }), { minLength: WORLD.indices.length, maxLength: WORLD.indices.length }),
      fc.array(value, { minLength: WORLD.scalars.length, maxLength: WORLD.scalars.length }),
      fc.array(value, { minLength: wKeys.length, maxLength: wKeys.length }),
      fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
    )
    .map(([us, xs, ws, ss]) => ({
      n,
      units: new Map(WORLD.indices.map((name, m) => [name, us[m]!])),
      values: new Map<string, number>([
        ...WORLD.scalars.map((name, m) => [name, xs[m]!] as [string, number]),
        ...wKeys.map((key, m) => [key, ws[m]!] as [string, number]),
        ...sKeys.map((key, m) => [key, ss[m]!] as [string, number]),
      ]),
    }));
}

/** a case assumption of the world: s[a] fixed to 0 or 1 */
export function arbCaseAssumption(): fc.Arbitrary<{ variable: Variable; value: Expr }> {
  return fc
    .tuple(arbIndexTerm(), fc.constantFrom(0, 1))
    .map(([a, v]) => ({ variable: elem('s', [a]) as Variable, value: num(v) as Expr }));
}

/**
 * a quantity a case defines: the opaque scalar c with a value built from the
 * world's variables (expressions may then use c, and differentiate by it)
 */
export function arbCaseDefinition(depth = 2): fc.Arbitrary<Definition> {
  return arbExpr({ depth, diffs: false }).map((body) => ({ name: 'c', params: [], body }));
}

/** the definitions as a map by name */
export function byName(defs: readonly Definition[]): Map<string, Definition> {
  return new Map(defs.map((d) => [d.name, d]));
}
