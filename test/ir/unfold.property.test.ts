/**
 * Unfolding definitions preserves values and definedness: random
 * definitions (nullary with free indices, a value parameter that may be the
 * variable of a diff, an index parameter, one calling the others) and random
 * expressions calling them, compared at random points with the reference
 * evaluator, which applies definitions as closures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetExceeded } from '../../src/core/budget.js';
import { unfoldDefinitions } from '../../src/core/expand.js';
import { type Expr, children } from '../../src/ir/expr.js';
import type { Definition, Scope, SymbolDecl } from '../../src/ir/symbols.js';
import { REAL } from '../../src/ir/symbols.js';
import { UnfoldError, unfold } from '../../src/ir/unfold.js';
import { arbCaseDefinition, arbDefinitions, arbExpr, arbPoint, byName } from '../helpers/generators.js';
import { type RefVal, referenceValue, sameValue, realPart } from '../helpers/reference-eval.js';
import { toAscii } from '../../src/ir/print.js';
import { runs } from '../helpers/runs.js';

const RUNS = { numRuns: runs(300), seed: 23 };

const SYMBOLS: ReadonlyMap<string, SymbolDecl> = new Map<string, SymbolDecl>([
  ...['i', 'j', 'k', 'l'].map((n) => [n, { kind: 'index', name: n }] as [string, SymbolDecl]),
  ['w', { kind: 'array', name: 'w', arity: 2, domain: REAL }],
  ['s', { kind: 'array', name: 's', arity: 1, domain: { kind: 'binary' } }],
]);

const world = arbDefinitions(3).chain((defs) =>
  fc.tuple(fc.constant(defs), arbExpr({ depth: 3, defs, diffs: true }), arbPoint()),
);

/** the unfolded expression, or undefined when a budget ran out (a bound, not a wrong answer) */
function coreUnfold(e: Expr, scope: Scope): Expr | undefined {
  try {
    return unfoldDefinitions(e, scope);
  } catch (err) {
    if (err instanceof BudgetExceeded) return undefined;
    throw err;
  }
}

/** true when e has diff(..diff(name, v)..) left */
function hasOpaqueDerivativeOf(e: Expr, name: string): boolean {
  if (e.kind === 'diff') {
    let b: Expr = e;
    while (b.kind === 'diff') b = b.body;
    if (b.kind === 'sym' && b.name === name) return true;
  }
  return children(e).some((c) => hasOpaqueDerivativeOf(c, name));
}

/** a readable counterexample */
function explain(defs: readonly Definition[], e: Expr, out: Expr, got: RefVal, want: RefVal): string {
  const ds = defs.map((d) => `${d.name}(${d.params.join(', ')}) = ${toAscii(d.body)}`).join('\n  ');
  return `defs:\n  ${ds}\nexpr: ${toAscii(e)}\nunfolded: ${toAscii(out)}\ngot ${realPart(got)}, want ${realPart(want)}`;
}

describe('unfolding definitions', () => {
  it("with the core's differentiator: the same value and definedness as applying the definitions", () => {
    let checked = 0;
    fc.assert(
      fc.property(world, ([defs, e, p]) => {
        const scope: Scope = { symbols: SYMBOLS, definitions: byName(defs), assumptions: [] };
        const out = coreUnfold(e, scope);
        fc.pre(out !== undefined);
        checked++;
        const want = referenceValue(e, p, scope.definitions);
        const got = referenceValue(out!, p);
        expect(sameValue(got, want), explain(defs, e, out!, got, want)).toBe(true);
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('without a differentiator: the same, or an UnfoldError where only a derivative taken first would do', () => {
    let substituted = 0;
    fc.assert(
      fc.property(world, ([defs, e, p]) => {
        const definitions = byName(defs);
        let out: Expr;
        try {
          out = unfold(e, definitions, { symbols: SYMBOLS });
        } catch (err) {
          if (!(err instanceof UnfoldError)) throw err;
          expect(err.message).toMatch(/derivative/);
          return;
        }
        substituted++;
        expect(sameValue(referenceValue(out, p), referenceValue(e, p, definitions))).toBe(true);
      }),
      RUNS,
    );
    expect(substituted).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('a diff with respect to a quantity a case defines is taken before its value is put in', () => {
    const symbols = new Map<string, SymbolDecl>([
      ...SYMBOLS,
      ['c', { kind: 'scalar', name: 'c', domain: REAL, opaque: true, independentOf: [] }],
    ]);
    const arb = arbCaseDefinition().chain((c) =>
      fc.tuple(fc.constant(c), arbExpr({ depth: 4, scalars: ['x', 'y', 'c'], diffs: true }), arbPoint()),
    );
    let differentiatedByC = 0;
    fc.assert(
      fc.property(arb, ([c, e, p]) => {
        const scope: Scope = { symbols, definitions: byName([c]), assumptions: [] };
        const out = coreUnfold(e, scope);
        fc.pre(out !== undefined);
        // what is left of c is an opaque derivative (an unknown the core keeps as an atom): nothing to compare
        fc.pre(!hasOpaqueDerivativeOf(out!, 'c'));
        if (e.key.includes(' c)')) differentiatedByC++;
        const want = referenceValue(e, p, scope.definitions);
        const got = referenceValue(out!, p);
        expect(sameValue(got, want), explain([c], e, out!, got, want)).toBe(true);
      }),
      RUNS,
    );
    expect(differentiatedByC).toBeGreaterThan(RUNS.numRuns / 30);
  });

  it('leaves no defined name and no internal name behind', () => {
    fc.assert(
      fc.property(world, ([defs, e]) => {
        const scope: Scope = { symbols: SYMBOLS, definitions: byName(defs), assumptions: [] };
        const out = coreUnfold(e, scope);
        fc.pre(out !== undefined);
        expect(out!.key).not.toMatch(/%|\((g|f|h|F) /);
        expect(out!.key).not.toMatch(/(^|[ (])g($|[ )])/);
      }),
      RUNS,
    );
  });
});
