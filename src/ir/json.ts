/**
 * The IR as plain JSON data: the same tree without structural keys, with
 * every exact number written as text ("3", "-1/2"). What the library API
 * returns, so that a result survives `JSON.stringify` (bigints do not).
 */
import type { Expr } from './expr.js';
import { rationalToString } from './rational.js';

export type ExprJson =
  | { readonly kind: 'num'; readonly value: string }
  | { readonly kind: 'sym'; readonly name: string }
  | { readonly kind: 'const'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'elem'; readonly name: string; readonly indices: readonly ExprJson[] }
  | { readonly kind: 'add'; readonly terms: readonly ExprJson[] }
  | { readonly kind: 'mul'; readonly factors: readonly ExprJson[] }
  | { readonly kind: 'pow'; readonly base: ExprJson; readonly exp: ExprJson }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly ExprJson[] }
  | { readonly kind: 'sum'; readonly index: string; readonly body: ExprJson }
  | { readonly kind: 'delta'; readonly a: ExprJson; readonly b: ExprJson }
  | { readonly kind: 'diff'; readonly body: ExprJson; readonly wrt: ExprJson }
  | { readonly kind: 'units' };

/** e as JSON-serialisable data: the same tree, numbers as exact text */
export function exprToJson(e: Expr): ExprJson {
  switch (e.kind) {
    case 'num':
      return { kind: 'num', value: rationalToString(e.value) };
    case 'sym':
      return { kind: 'sym', name: e.name };
    case 'const':
      return { kind: 'const', name: e.name };
    case 'units':
      return { kind: 'units' };
    case 'elem':
      return { kind: 'elem', name: e.name, indices: e.indices.map(exprToJson) };
    case 'add':
      return { kind: 'add', terms: e.terms.map(exprToJson) };
    case 'mul':
      return { kind: 'mul', factors: e.factors.map(exprToJson) };
    case 'pow':
      return { kind: 'pow', base: exprToJson(e.base), exp: exprToJson(e.exp) };
    case 'call':
      return { kind: 'call', fn: e.fn, args: e.args.map(exprToJson) };
    case 'sum':
      return { kind: 'sum', index: e.index, body: exprToJson(e.body) };
    case 'delta':
      return { kind: 'delta', a: exprToJson(e.a), b: exprToJson(e.b) };
    case 'diff':
      return { kind: 'diff', body: exprToJson(e.body), wrt: exprToJson(e.wrt) };
  }
}
