/**
 * Exhaustiveness of a case split: together the cases' `when` maps must cover
 * every value of the variables they split on: binary variables by their
 * values, real scalars by intervals and points (intervals.ts cuts the
 * declared domain at every point the cases name, exactly).
 */
import { type Expr, sym } from '../ir/expr.js';
import { type SymbolDecl, REAL, inDomain } from '../ir/symbols.js';
import { type Rational, ONE, ZERO, rcmp, rationalToString } from '../ir/rational.js';
import { type Piece, pieces } from './intervals.js';
import { toAscii } from '../ir/print.js';
import { splitKey } from './split-key.js';
import type { LoadedCase, Place } from './model.js';
import type { StepResult } from '../verdict/result.js';

/** why: 2^10 assignments is the most a person writes cases for; more is a mistake, not a derivation */
const MAX_SPLIT_VARIABLES = 10;
/** why: 2^10 binary assignments, or a few interval variables cut at a few points each */
const MAX_CELLS = 4096;

function isBinary(v: Expr, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  const d = v.kind === 'sym' || v.kind === 'elem' ? symbols.get(v.name) : undefined;
  return d !== undefined && (d.kind === 'scalar' || d.kind === 'array') && d.domain.kind === 'binary';
}

/** failures for every assignment no case covers (none when the split is exhaustive) */
export function exhaustiveness(
  cases: readonly LoadedCase[],
  place: Place,
  symbols: ReadonlyMap<string, SymbolDecl>,
  seed: number,
): StepResult[] {
  const at = (message: string, status: 'failed' | 'error' = 'failed', code?: string): StepResult => ({
    location: 'cases',
    line: place.line,
    column: place.column,
    status,
    message,
    ...(code ? { code } : {}),
  });
  const vars = splitVariables(cases, symbols);
  const out: StepResult[] = [];
  for (const v of vars.values()) {
    if (!isBinary(v, symbols) && !isRealScalar(v, symbols))
      out.push(
        at(
          `the cases split on ${toAscii(v)}, which is neither binary nor a real variable, so they cannot be shown to cover every value; declare it binary or split on a binary variable or a real scalar`,
        ),
      );
  }
  // each when value is a number in its variable's domain: the loader refuses anything else (case-rules.ts)
  if (out.length) return out;
  const keys = [...vars.keys()];
  if (keys.length > MAX_SPLIT_VARIABLES)
    return [
      at(
        `the cases split on ${keys.length} variables; at most ${MAX_SPLIT_VARIABLES} are supported (limit MAX_SPLIT_VARIABLES)`,
        'error',
        'limit',
      ),
    ];
  const piecesOf = keys.map((key) => variablePieces(vars.get(key)!, cases, symbols));
  const cells = piecesOf.reduce((n, p) => n * p.length, 1);
  if (cells > MAX_CELLS)
    return [
      at(
        `the cases cut their variables into ${cells} combinations of values and intervals; at most ${MAX_CELLS} are supported (limit MAX_CELLS)`,
        'error',
        'limit',
      ),
    ];
  const missing = uncovered(cases, keys, piecesOf, symbols);
  if (missing.length === 0) return [];
  return [notExhaustive(at, missing, keys, vars, seed)];
}

/** the failure of a split that leaves the cells `missing` uncovered, the first as its counterexample */
function notExhaustive(
  at: (message: string) => StepResult,
  missing: readonly (readonly Piece[])[],
  keys: readonly string[],
  vars: ReadonlyMap<string, Expr>,
  seed: number,
): StepResult {
  const text = (cell: readonly Piece[]) => cell.map((p) => p.text).join(', ');
  const values = (cell: readonly Piece[]) =>
    Object.fromEntries(cell.map((p, k) => [toAscii(vars.get(keys[k]!)!), rationalToString(p.at)]));
  return {
    ...at(
      `the cases are not exhaustive: no case covers ${missing.map(text).join('; nor ')}. Add a case for it, or the derivation does not establish its claim there`,
    ),
    // the uncovered assignment is the counterexample: there the chain reaches no conclusion
    counterexample: {
      values: values(missing[0]!),
      lhs: "the main chain's last step",
      rhs: 'no case continues the chain here',
      seed,
      how: 'an assignment of the split variables that no case covers',
    },
  };
}

/** the variables the cases split on, by key (one per quantity, split-key.ts): values and intervals */
function splitVariables(cases: readonly LoadedCase[], symbols: ReadonlyMap<string, SymbolDecl>): Map<string, Expr> {
  const vars = new Map<string, Expr>();
  for (const c of cases) {
    for (const a of c.when)
      if (!vars.has(splitKey(a.variable, symbols))) vars.set(splitKey(a.variable, symbols), a.variable);
    for (const i of c.intervals ?? []) vars.set(i.name, sym(i.name));
  }
  return vars;
}

/** a scalar that is an independent variable of a real (not binary) domain */
function isRealScalar(v: Expr, symbols: ReadonlyMap<string, SymbolDecl>): boolean {
  const d = v.kind === 'sym' ? symbols.get(v.name) : undefined;
  return v.kind === 'sym' && (!d || (d.kind === 'scalar' && !d.opaque && d.domain.kind !== 'binary'));
}

/** a variable's domain in pieces: 0 and 1 for a binary one; for a real one, cut at every point the cases name */
function variablePieces(v: Expr, cases: readonly LoadedCase[], symbols: ReadonlyMap<string, SymbolDecl>): Piece[] {
  if (isBinary(v, symbols)) return [ZERO, ONE].map((at) => ({ at, text: `${toAscii(v)} = ${rationalToString(at)}` }));
  const name = (v as { name: string }).name;
  const decl = symbols.get(name);
  const cuts: Rational[] = [];
  for (const c of cases) {
    for (const a of c.when) if (a.variable.key === v.key && a.value.kind === 'num') cuts.push(a.value.value);
    for (const i of c.intervals ?? [])
      if (i.name === name) for (const e of [i.interval.lo, i.interval.hi]) if (e) cuts.push(e);
  }
  return pieces(name, decl?.kind === 'scalar' ? decl.domain : REAL, cuts);
}

/** every combination of pieces (one per variable) that no case contains */
function uncovered(
  cases: readonly LoadedCase[],
  keys: readonly string[],
  piecesOf: readonly Piece[][],
  symbols: ReadonlyMap<string, SymbolDecl>,
): Piece[][] {
  const cells = piecesOf.reduce((n, p) => n * p.length, 1);
  const missing: Piece[][] = [];
  for (let n = 0; n < cells; n++) {
    let rest = n;
    const cell = piecesOf.map((p) => {
      const piece = p[rest % p.length]!;
      rest = Math.floor(rest / p.length);
      return piece;
    });
    const value = (key: string) => cell[keys.indexOf(key)]!.at;
    const covered = cases.some(
      (c) =>
        c.when.every(
          (a) => a.value.kind === 'num' && rcmp(a.value.value, value(splitKey(a.variable, symbols))) === 0,
        ) && (c.intervals ?? []).every((i) => inDomain(value(i.name), i.interval)),
    );
    if (!covered) missing.push(cell);
  }
  return missing;
}
