/**
 * Which quantities may depend on which variables: the independence logic the
 * core's differentiation and the capture test of unfolding share. Pure
 * reasoning over the IR and the declarations; conservative (when in doubt, a
 * quantity may depend).
 */
import { type Expr, type Variable, children } from './expr.js';
import type { SymbolDecl } from './symbols.js';

const NONE: ReadonlySet<string> = new Set();

/**
 * Internal names start with `%`, which no name written in a file can: a
 * definition's parameters while its body is differentiated, canonical bound
 * indices. They are bound names, not variables of the file.
 */
export const INTERNAL_PREFIX = '%';

/** true for a name made internally (a bound parameter or index), never written by a user */
function isInternalName(name: string): boolean {
  return name.startsWith(INTERNAL_PREFIX);
}

/**
 * The index names of v (`w[i, k]` -> i, k) that are bound where v is written,
 * given the index names bound there. An `independent_of` entry names the
 * file's free indices, so it never matches a v with a bound index.
 */
export function boundIndicesOf(v: Variable, bound: ReadonlySet<string>): ReadonlySet<string> {
  if (v.kind !== 'elem' || bound.size === 0) return NONE;
  const out = new Set<string>();
  for (const t of v.indices) if (t.kind === 'sym' && bound.has(t.name)) out.add(t.name);
  return out;
}

/**
 * true when the opaque declaration is declared independent of v: an entry with
 * v's key, and v has no index bound where it is written (`vBound`, see
 * boundIndicesOf); a bound index ranges over every unit, the declared free one
 * among them and all the others
 */
function declaredIndependent(
  decl: Extract<SymbolDecl, { kind: 'scalar' }>,
  v: Variable,
  vBound: ReadonlySet<string> = NONE,
): boolean {
  if (vBound.size > 0) return false;
  return decl.independentOf.some((x) => x.key === v.key);
}

/**
 * true unless e is certainly constant with respect to v. An opaque symbol may
 * depend on every variable of the file except those it is declared
 * independent of, and on no internal (bound) name; an array element may
 * depend on any element of the same array (their indices may be equal).
 * `vBound`: the indices of v bound where the derivative is taken.
 */
export function mayDepend(
  e: Expr,
  v: Variable,
  symbols: ReadonlyMap<string, SymbolDecl>,
  vBound: ReadonlySet<string> = NONE,
): boolean {
  switch (e.kind) {
    case 'num':
    case 'const':
    case 'units':
    case 'delta':
      return false;
    case 'sym': {
      if (v.kind === 'sym' && v.name === e.name) return true;
      const d = symbols.get(e.name);
      if (d === undefined || d.kind !== 'scalar' || !d.opaque) return false;
      // a definition's parameter is a fresh variable of the function: nothing declared depends on it
      if (v.kind === 'sym' && isInternalName(v.name)) return false;
      return !declaredIndependent(d, v, vBound);
    }
    case 'elem':
      return v.kind === 'elem' && v.name === e.name;
    case 'diff':
      return mayDepend(e.body, v, symbols, vBound);
    default:
      return children(e).some((c) => mayDepend(c, v, symbols, vBound));
  }
}
