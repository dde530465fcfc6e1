/**
 * The expression IR: immutable plain data. Every node carries `key`, a
 * structural string that is equal exactly when two nodes are the same tree;
 * it is what equality, hashing and memoization use.
 *
 * Build nodes only through the constructors below; they compute the key and
 * freeze the node.
 */
import { type Rational, rat, rationalToString } from './rational.js';

export type Expr = Num | Sym | Const | Elem | Add | Mul | Pow | Call | Sum | Delta | Diff | Units;
/** an index position: an index variable or an integer literal (a fixed unit) */
export type IndexTerm = Sym | Num;
/** what `diff` differentiates with respect to: a scalar or one array element */
export type Variable = Sym | Elem;

interface Node {
  readonly key: string;
}
export interface Num extends Node {
  readonly kind: 'num';
  readonly value: Rational;
}
export interface Sym extends Node {
  readonly kind: 'sym';
  readonly name: string;
}
export interface Const extends Node {
  readonly kind: 'const';
  readonly name: 'pi' | 'e';
}
/** an element of a declared array, `w[i, k]` */
export interface Elem extends Node {
  readonly kind: 'elem';
  readonly name: string;
  readonly indices: readonly IndexTerm[];
}
export interface Add extends Node {
  readonly kind: 'add';
  readonly terms: readonly Expr[];
}
export interface Mul extends Node {
  readonly kind: 'mul';
  readonly factors: readonly Expr[];
}
export interface Pow extends Node {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exp: Expr;
}
/** a function application: a built-in (see operators.ts) or a user definition */
export interface Call extends Node {
  readonly kind: 'call';
  readonly fn: string;
  readonly args: readonly Expr[];
}
/** `sum(k, body)`: body summed over the index k across all units 1..n */
export interface Sum extends Node {
  readonly kind: 'sum';
  readonly index: string;
  readonly body: Expr;
}
/** Kronecker delta of two index terms */
export interface Delta extends Node {
  readonly kind: 'delta';
  readonly a: IndexTerm;
  readonly b: IndexTerm;
}
/** `diff(body, v)`: the derivative of body with respect to v */
export interface Diff extends Node {
  readonly kind: 'diff';
  readonly body: Expr;
  readonly wrt: Variable;
}
/** n, the number of units an index ranges over (what `sum(k, 1)` is) */
export interface Units extends Node {
  readonly kind: 'units';
}

const freeze = <T extends Node>(node: T): T => Object.freeze(node);

export function num(value: Rational | number | bigint): Num {
  const v = typeof value === 'object' ? value : rat(value);
  return freeze({ kind: 'num', value: v, key: rationalToString(v) });
}
export function sym(name: string): Sym {
  return freeze({ kind: 'sym', name, key: name });
}
export function constant(name: 'pi' | 'e'): Const {
  return freeze({ kind: 'const', name, key: `#${name}` });
}
export function elem(name: string, indices: readonly IndexTerm[]): Elem {
  return freeze({
    kind: 'elem',
    name,
    indices: Object.freeze([...indices]),
    key: `${name}[${indices.map((i) => i.key).join(',')}]`,
  });
}
export function add(terms: readonly Expr[]): Expr {
  if (terms.length === 1) return terms[0]!;
  if (terms.length === 0) return num(0);
  return freeze({ kind: 'add', terms: Object.freeze([...terms]), key: `(+ ${terms.map((t) => t.key).join(' ')})` });
}
export function mul(factors: readonly Expr[]): Expr {
  if (factors.length === 1) return factors[0]!;
  if (factors.length === 0) return num(1);
  return freeze({
    kind: 'mul',
    factors: Object.freeze([...factors]),
    key: `(* ${factors.map((t) => t.key).join(' ')})`,
  });
}
export function pow(base: Expr, exp: Expr): Pow {
  return freeze({ kind: 'pow', base, exp, key: `(^ ${base.key} ${exp.key})` });
}
export function call(fn: string, args: readonly Expr[]): Call {
  return freeze({
    kind: 'call',
    fn,
    args: Object.freeze([...args]),
    key: `(${fn} ${args.map((a) => a.key).join(' ')})`,
  });
}
export function sum(index: string, body: Expr): Sum {
  return freeze({ kind: 'sum', index, body, key: `(sum ${index} ${body.key})` });
}
export function delta(a: IndexTerm, b: IndexTerm): Delta {
  return freeze({ kind: 'delta', a, b, key: `(delta ${a.key} ${b.key})` });
}
export function diff(body: Expr, wrt: Variable): Diff {
  return freeze({ kind: 'diff', body, wrt, key: `(diff ${body.key} ${wrt.key})` });
}
const UNITS: Units = freeze({ kind: 'units', key: '#n' });
export function units(): Units {
  return UNITS;
}

/** -e, written as (-1)*e */
export const neg = (e: Expr): Expr => mul([num(-1), e]);
/** a - b */
export const sub = (a: Expr, b: Expr): Expr => add([a, neg(b)]);
/** a / b, written as a * b^(-1) */
export const div = (a: Expr, b: Expr): Expr => mul([a, pow(b, num(-1))]);

/** the direct children of a node (index terms included) */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
    case 'units':
      return [];
    case 'elem':
      return e.indices;
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'pow':
      return [e.base, e.exp];
    case 'call':
      return e.args;
    case 'sum':
      return [e.body];
    case 'delta':
      return [e.a, e.b];
    case 'diff':
      return [e.body, e.wrt];
  }
}

/** the same node kind with new children, in the order `children` gives them */
export function withChildren(e: Expr, cs: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
    case 'units':
      return e;
    case 'elem':
      return elem(e.name, cs as IndexTerm[]);
    case 'add':
      return add(cs);
    case 'mul':
      return mul(cs);
    case 'pow':
      return pow(cs[0]!, cs[1]!);
    case 'call':
      return call(e.fn, cs);
    case 'sum':
      return sum(e.index, cs[0]!);
    case 'delta':
      return delta(cs[0] as IndexTerm, cs[1] as IndexTerm);
    case 'diff':
      return diff(cs[0]!, cs[1] as Variable);
  }
}

/** the number of nodes in e (a size measure for bounds) */
export function size(e: Expr): number {
  let n = 1;
  for (const c of children(e)) n += size(c);
  return n;
}

/** the names of index variables free in e (not bound by an enclosing sum) */
export function freeIndices(
  e: Expr,
  out: Set<string> = new Set(),
  bound: ReadonlySet<string> = new Set(),
): Set<string> {
  switch (e.kind) {
    case 'elem':
      for (const i of e.indices) if (i.kind === 'sym' && !bound.has(i.name)) out.add(i.name);
      return out;
    case 'delta':
      for (const i of [e.a, e.b]) if (i.kind === 'sym' && !bound.has(i.name)) out.add(i.name);
      return out;
    case 'sum': {
      const inner = new Set(bound);
      inner.add(e.index);
      return freeIndices(e.body, out, inner);
    }
    default:
      for (const c of children(e)) freeIndices(c, out, bound);
      return out;
  }
}

/** true when the sub-tree mentions the name as a scalar symbol, an array or an index */
export function mentions(e: Expr, name: string): boolean {
  if ((e.kind === 'sym' || e.kind === 'elem') && e.name === name) return true;
  if (e.kind === 'sum' && e.index === name) return false;
  return children(e).some((c) => mentions(c, name));
}
