/**
 * Declarations: what each name in a derivation is. Plain data shared by the
 * loader (which builds it), the core (which reasons with it) and the numeric
 * checker (which samples from it).
 */
import type { Rational } from './rational.js';
import type { Expr, Variable } from './expr.js';

/** A set of real numbers a quantity ranges over. */
export type Domain =
  | { readonly kind: 'binary' } // {0, 1}
  | { readonly kind: 'nonzero' } // (-inf, 0) ∪ (0, inf)
  | {
      readonly kind: 'interval';
      /** undefined: -inf */
      readonly lo?: Rational;
      /** undefined: +inf */
      readonly hi?: Rational;
      readonly loOpen: boolean;
      readonly hiOpen: boolean;
    };

export const REAL: Domain = { kind: 'interval', loOpen: true, hiOpen: true };

export type SymbolDecl =
  | { readonly kind: 'index'; readonly name: string }
  | {
      readonly kind: 'scalar';
      readonly name: string;
      readonly domain: Domain;
      /**
       * Opaque: declared but not defined; an arbitrary quantity of its domain
       * that may depend on any variable except those in independentOf.
       * A plain (undeclared) scalar is an independent variable instead.
       */
      readonly opaque: boolean;
      readonly independentOf: readonly Variable[];
    }
  | { readonly kind: 'array'; readonly name: string; readonly arity: number; readonly domain: Domain };

/** A definition the checker may unfold: `name: body` or `f(x, y): body`. */
export interface Definition {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr;
}

/** Everything the core needs to know about the names in a step. */
export interface Scope {
  readonly symbols: ReadonlyMap<string, SymbolDecl>;
  readonly definitions: ReadonlyMap<string, Definition>;
  /** case and step assumptions: a variable (scalar or array element) fixed to a value */
  readonly assumptions: readonly { readonly variable: Variable; readonly value: Expr }[];
}

export function emptyScope(): Scope {
  return { symbols: new Map(), definitions: new Map(), assumptions: [] };
}
