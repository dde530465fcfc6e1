/**
 * Declarations: what each name in a derivation is. Plain data shared by the
 * loader (which builds it), the core (which reasons with it) and the numeric
 * checker (which samples from it).
 */
import { type Rational, rcmp } from './rational.js';
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
       * Opaque (`opaque: true` or `independent_of`): an arbitrary quantity of
       * its domain that may depend on any variable except those in
       * independentOf. Otherwise (the default, like an undeclared scalar) an
       * independent variable of its domain.
       */
      readonly opaque: boolean;
      readonly independentOf: readonly Variable[];
    }
  | {
      readonly kind: 'array';
      readonly name: string;
      readonly arity: number;
      readonly domain: Domain;
      /** two indices, and w[a, b] is w[b, a]: one quantity in both positions */
      readonly symmetric?: boolean;
    };

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
  /** case assumptions: a variable (scalar or array element) fixed to a value */
  readonly assumptions: readonly { readonly variable: Variable; readonly value: Expr }[];
  /**
   * top-level `assume` equations whose one side is a sum (`sum(k, t[k]) = 1`):
   * the core replaces that sum by the other side; numeric points satisfy them
   */
  readonly equations?: readonly { readonly sum: Expr; readonly value: Expr }[];
}

export function emptyScope(): Scope {
  return { symbols: new Map(), definitions: new Map(), assumptions: [] };
}

/** true when the number q lies in the domain d */
export function inDomain(q: Rational, d: Domain): boolean {
  if (d.kind === 'binary') return q.d === 1n && (q.n === 0n || q.n === 1n);
  if (d.kind === 'nonzero') return q.n !== 0n;
  if (d.lo) {
    const c = rcmp(q, d.lo);
    if (c < 0 || (c === 0 && d.loOpen)) return false;
  }
  if (d.hi) {
    const c = rcmp(q, d.hi);
    if (c > 0 || (c === 0 && d.hiOpen)) return false;
  }
  return true;
}

/** the domain as a person writes it: `binary`, `positive`, `probability`, `"(0, 2]"` */
export function domainText(d: Domain): string {
  if (d.kind !== 'interval') return d.kind;
  const zero = (r: Rational | undefined) => r !== undefined && r.n === 0n;
  const one = (r: Rational | undefined) => r !== undefined && r.n === 1n && r.d === 1n;
  if (!d.lo && !d.hi) return 'real';
  if (zero(d.lo) && !d.hi) return d.loOpen ? 'positive' : 'nonnegative';
  if (!d.lo && zero(d.hi)) return d.hiOpen ? 'negative' : 'nonpositive';
  if (zero(d.lo) && one(d.hi) && d.loOpen && d.hiOpen) return 'probability';
  const q = (r: Rational) => `${r.n}${r.d === 1n ? '' : '/' + r.d}`;
  const lo = d.lo ? q(d.lo) : '-inf';
  const hi = d.hi ? q(d.hi) : 'inf';
  return `"${d.loOpen || !d.lo ? '(' : '['}${lo}, ${hi}${d.hiOpen || !d.hi ? ')' : ']'}"`;
}
