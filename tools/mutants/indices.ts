/**
 * Index names for the index-swapping mutants: which index variables an
 * expression mentions free, and the expression with two of them exchanged.
 */
import { type Expr, freeIndices, sym } from '../../src/ir/expr.js';
import type { SymbolDecl } from '../../src/ir/symbols.js';
import { substitute } from '../../src/ir/substitute.js';

/**
 * The free index names of e, sorted: those inside `w[...]` and `delta`, and
 * declared indices written as plain arguments (`p(i)`), which `freeIndices`
 * does not see because a call argument is a value position.
 */
export function freeIndexNames(e: Expr, symbols: ReadonlyMap<string, SymbolDecl>): string[] {
  const out = freeIndices(e);
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'sym' && !bound.has(x.name) && symbols.get(x.name)?.kind === 'index') out.add(x.name);
    if (x.kind === 'sum') return walk(x.body, new Set([...bound, x.index]));
    if (x.kind === 'add') x.terms.forEach((t) => walk(t, bound));
    if (x.kind === 'mul') x.factors.forEach((t) => walk(t, bound));
    if (x.kind === 'pow') {
      walk(x.base, bound);
      walk(x.exp, bound);
    }
    if (x.kind === 'call') x.args.forEach((t) => walk(t, bound));
    if (x.kind === 'diff') walk(x.body, bound);
  };
  walk(e, new Set());
  return [...out].sort();
}

/** e with the free index names a and b exchanged everywhere (capture-avoiding, through `substitute`) */
export function swapIndexNames(e: Expr, a: string, b: string): Expr {
  return substitute(
    e,
    new Map([
      [a, sym(b)],
      [b, sym(a)],
    ]),
  );
}
