/**
 * A derivative certainly undefined at a corner, decided exactly: diff(g, v)
 * at a point p where g has different one-sided derivatives along v, so g is
 * not differentiable there (max(0, x) at 0: 0 from the left, 1 from the
 * right). The contract's rule ("a function is not differentiable where it
 * has a corner") asks for this, and the chain rule's form cannot tell it:
 * its condition abs(u) != 0 breaks at 0 for abs(x), whose derivative is
 * undefined there, and for x abs(x), whose derivative is 0 there, so a
 * broken condition of that form alone proves nothing (core/defined-at.ts).
 *
 * How: g must be built from numbers, variables with exact values at p, +, *,
 * whole powers, abs, max and min (anything else: unknown). Each corner is
 * resolved for the side: abs(u) is u or -u and max(a, b) is a or b by the
 * sign of u (of a - b) just right (or left) of p: its exact sign at p, or,
 * where it is 0 there, the sign of its derivative at p (0 as well: unknown).
 * Inner corners are resolved first, on the same side. The resolved g_+ is a
 * rational function, equal to g on [p, p + h) for some h > 0 (every corner's
 * argument keeps its sign there, and both agree at p), and defined at p, so
 * the right derivative of g at p is g_+'(p), computed by the core's
 * derivative and evaluated exactly; the left one likewise. Two different
 * exact values: not differentiable. Refutation only: equal values prove
 * nothing here.
 */
import { type Expr, type Sym, children, mentions, neg, num, sub, withChildren } from '../ir/expr.js';
import { type Rational, ONE, ZERO, radd, rationalToString, requal, rmul, rsign } from '../ir/rational.js';
import type { Scope } from '../ir/symbols.js';
import { toAscii } from '../ir/print.js';
import { exactValueAt } from '../ir/exact-value.js';
import { symbolicDerivative } from '../core/derivative.js';

type Env = ReadonlyMap<string, Rational>;
type Symbols = Scope['symbols'];
type Side = 1 | -1;

/** e's exact value at the point (ir/exact-value.ts) */
const exactAt = (e: Expr, env: Env): Rational | undefined => exactValueAt(e, env);

/** is u constant along v: no v in it, and only plain variables (an opaque quantity may depend on v) */
function constantAlong(u: Expr, v: Sym, symbols: Symbols): boolean {
  const plain = (e: Expr): boolean => {
    if (e.kind === 'sym') {
      const d = symbols.get(e.name);
      return d === undefined || (d.kind === 'scalar' && !d.opaque);
    }
    return e.kind !== 'elem' && children(e).every(plain);
  };
  return !mentions(u, v.name) && plain(u);
}

/** the sign of u just to the given side of the point along v (0: u is 0 all along v); undefined when it cannot be told */
function signBeside(u: Expr, v: Sym, side: Side, env: Env, symbols: Symbols): Side | 0 | undefined {
  const at = exactAt(u, env);
  if (at === undefined) return undefined;
  const s = rsign(at);
  if (s !== 0) return s as Side;
  if (constantAlong(u, v, symbols)) return 0; // abs(y) at y = 0 is 0 on both sides
  const slope = exactAt(symbolicDerivative(u, v, symbols), env);
  if (slope === undefined || rsign(slope) === 0) return undefined;
  return (rsign(slope) * side) as Side;
}

/** g without corners as it is beside the point on that side; undefined for anything these rules do not cover */
function resolve(g: Expr, v: Sym, side: Side, env: Env, symbols: Symbols): Expr | undefined {
  const parts: Expr[] = [];
  for (const c of children(g)) {
    const r = resolve(c, v, side, env, symbols);
    if (r === undefined) return undefined;
    parts.push(r);
  }
  const e = parts.length > 0 ? withChildren(g, parts) : g;
  if (e.kind === 'num' || e.kind === 'sym' || e.kind === 'add' || e.kind === 'mul' || e.kind === 'pow') return e;
  if (e.kind !== 'call') return undefined;
  const [a, b] = e.args;
  if (e.fn === 'abs' && a && !b) {
    const s = signBeside(a, v, side, env, symbols);
    return s === undefined ? undefined : s === 0 ? num(0) : s > 0 ? a : neg(a);
  }
  if ((e.fn === 'max' || e.fn === 'min') && a && b && e.args.length === 2) {
    const s = signBeside(sub(a, b), v, side, env, symbols);
    // s 0: a = b all along v, either will do
    return s === undefined ? undefined : s >= 0 === (e.fn === 'max') ? a : b;
  }
  return undefined;
}

/** the derivative of g along v just to the given side of the point, exactly; undefined when not computed */
function oneSided(g: Expr, v: Sym, side: Side, env: Env, symbols: Symbols): Rational | undefined {
  const piece = resolve(g, v, side, env, symbols);
  return piece && exactAt(piece, env) !== undefined ? exactAt(symbolicDerivative(piece, v, symbols), env) : undefined;
}

/** why diff(g, v) is undefined at the point, when g has a corner there; else undefined */
function cornerOf(g: Expr, v: Sym, env: Env, symbols: Symbols): string | undefined {
  // g(p) is each piece's value at p, which oneSided requires to be defined
  const left = oneSided(g, v, -1, env, symbols);
  const right = left && oneSided(g, v, 1, env, symbols);
  if (left === undefined || right === undefined || requal(left, right)) return undefined;
  const at = env.get(v.name);
  return `${toAscii(g)} has a corner at ${v.name} = ${at ? rationalToString(at) : '?'}: its derivative from the left is ${rationalToString(left)}, from the right ${rationalToString(right)}`;
}

/** does e hold abs, max or min (a possible corner)? */
function hasCorner(e: Expr): boolean {
  return (e.kind === 'call' && (e.fn === 'abs' || e.fn === 'max' || e.fn === 'min')) || children(e).some(hasCorner);
}

/** is e a derivative of a function with abs, max or min in it (the only sides derivativeAcrossCorner decides)? */
export function derivativeOfCorners(e: Expr): boolean {
  return e.kind === 'diff' && e.wrt.kind === 'sym' && hasCorner(e.body);
}

/**
 * The value at the point of a side that is a derivative diff(g, v) of a
 * function with a corner, where its one-sided derivatives are exact and
 * equal: g is then differentiable there, with that derivative (x abs(x) at
 * 0: 0), though the chain rule's form of it is undefined there. Undefined
 * otherwise (no corner, not decided, or different sides).
 */
export function derivativeAcrossCorner(e: Expr, env: Env, symbols: Symbols): Rational | undefined {
  if (e.kind !== 'diff' || e.wrt.kind !== 'sym' || !derivativeOfCorners(e)) return undefined;
  try {
    const left = oneSided(e.body, e.wrt, -1, env, symbols);
    const right = left && oneSided(e.body, e.wrt, 1, env, symbols);
    return left !== undefined && right !== undefined && requal(left, right) ? left : undefined;
  } catch {
    return undefined; // a derivative the core refuses: not decided here
  }
}

/**
 * Why e is certainly undefined at the point (every variable it mentions set
 * in env): a derivative in it, outside any sum, of a function with a corner
 * there. Undefined when none is found.
 */
export function cornerUndefined(e: Expr, env: Env, symbols: Symbols): string | undefined {
  if (e.kind === 'sum') return undefined;
  if (e.kind === 'diff' && e.wrt.kind === 'sym') {
    try {
      const why = cornerOf(e.body, e.wrt, env, symbols);
      if (why) return why;
    } catch {
      return undefined; // a derivative the core refuses (a budget, an unknown function): not this module's to say
    }
  }
  for (const c of children(e)) {
    const why = cornerUndefined(c, env, symbols);
    if (why) return why;
  }
  return undefined;
}

/**
 * Where the corners of the derivatives in e lie along v, as proposals: for
 * each abs, max or min whose argument (difference) takes the values b at
 * v = 0 and a + b at v = 1, the zero -b/a of that line (exact when the
 * argument is linear in v). Only candidates to try: any use must decide
 * the point itself.
 */
export function cornerCandidates(e: Expr, v: string): Rational[] {
  const out: Rational[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'call' && (x.fn === 'abs' || x.fn === 'max' || x.fn === 'min')) {
      const u = x.fn === 'abs' ? x.args[0] : x.args[1] && sub(x.args[0]!, x.args[1]);
      const b = u && exactAt(u, new Map([[v, ZERO]]));
      const ab = u && exactAt(u, new Map([[v, ONE]]));
      if (b !== undefined && ab !== undefined) {
        const a = radd(ab, { n: -b.n, d: b.d });
        if (a.n !== 0n)
          out.push(rmul({ n: -b.n, d: b.d }, { n: a.d * (a.n < 0n ? -1n : 1n), d: a.n < 0n ? -a.n : a.n }));
      }
    }
    children(x).forEach(walk);
  };
  walk(e);
  return out;
}
