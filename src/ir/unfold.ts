/**
 * Unfolding definitions. A definition behaves like a function:
 *
 * - `f(x, u): body` applied to arguments puts each argument in for the free
 *   occurrences of its parameter only (capture-avoiding, substitute.ts); a
 *   parameter used in an index position (`w[u, k]`, `delta`) takes only an
 *   index or a unit.
 * - The parameters are fresh variables of the function: where the body takes a
 *   derivative with respect to a parameter (`f(x): diff(x^2, x)`), or with
 *   respect to a variable an argument may depend on, the derivative is taken
 *   before the arguments are put in (`f(3)` is 6, never `diff(9, 3)`). That
 *   needs a differentiator, which only the core has (UnfoldOptions); without
 *   one such a call is an UnfoldError (the numeric layer then has no evidence).
 * - A definition's other free names are the file's symbols: a sum around a use
 *   that binds one of them is renamed first (`g: w[i,j]` inside `sum(j, g)`
 *   keeps the file's j).
 * - `f(a, b)` is defined only where its arguments are, even an unused one:
 *   an unused argument that may be undefined is kept as `0 * argument`.
 * - `diff(body, q)` for a quantity q a case defines: the derivative with
 *   respect to q is taken first, then q's value is put in.
 */
import { type Expr, type Variable, add, call, children, diff, mul, num, sum, sym, withChildren } from './expr.js';
import { INTERNAL_PREFIX, boundIndicesOf, mayDepend } from './depend.js';
import { toAscii } from './print.js';
import { SubstitutionError, allNames, freeNames, freshName, occursFree, renameFree, substitute } from './substitute.js';
import type { Definition, SymbolDecl } from './symbols.js';

/** thrown when definitions refer to each other in a cycle, unfold past MAX_UNFOLD_DEPTH, or cannot be unfolded */
export class UnfoldError extends Error {}

/** why: a chain of definitions deeper than this is almost surely a cycle, and deep recursion risks the stack */
const MAX_UNFOLD_DEPTH = 64;

interface UnfoldOptions {
  /** the declarations: which symbols are opaque and what they are independent of (without them, any name may depend on anything) */
  readonly symbols?: ReadonlyMap<string, SymbolDecl>;
  /**
   * e with every diff in it replaced by the derivative, with e's value and
   * definedness (only opaque derivatives may remain): lets a definition's body
   * be differentiated before its arguments are put in. `bound`: the index
   * names bound by sums around e.
   */
  readonly differentiate?: (e: Expr, bound: ReadonlySet<string>) => Expr;
}

/** how a definition uses a parameter: as an index (`w[u, k]`), as a value, or not at all */
export type ParameterKind = 'index' | 'value' | 'unused';

/**
 * the kind of each parameter of d, read from where it occurs free in the body:
 * inside brackets or delta, or passed on to an index parameter of another
 * definition in `defs` (`p(u): sigma(a(u))`), it is an index
 */
export function parameterKinds(
  d: Definition,
  defs: ReadonlyMap<string, Definition> = new Map(),
  visiting: ReadonlySet<string> = new Set(),
): Map<string, ParameterKind> {
  const out = new Map<string, ParameterKind>(d.params.map((p) => [p, 'unused']));
  const inner = new Set([...visiting, d.name]);
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'sum') return walk(x.body, new Set([...bound, x.index]));
    const indexTerms = x.kind === 'elem' ? x.indices : x.kind === 'delta' ? [x.a, x.b] : [];
    for (const t of indexTerms) if (t.kind === 'sym' && out.has(t.name) && !bound.has(t.name)) out.set(t.name, 'index');
    if (x.kind === 'sym' && out.get(x.name) === 'unused' && !bound.has(x.name)) out.set(x.name, 'value');
    const callee = x.kind === 'call' ? defs.get(x.fn) : undefined;
    if (x.kind === 'call' && callee && !inner.has(callee.name)) {
      const theirs = parameterKinds(callee, defs, inner);
      x.args.forEach((a, k) => {
        if (a.kind === 'sym' && out.has(a.name) && !bound.has(a.name) && theirs.get(callee.params[k]!) === 'index')
          out.set(a.name, 'index');
      });
    }
    if (x.kind !== 'elem' && x.kind !== 'delta') for (const c of children(x)) walk(c, bound);
  };
  walk(d.body, new Set());
  return out;
}

/** true when e is defined (real and finite) at every point: built without division, roots, logs or derivatives */
export function isTotal(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'const':
    case 'sym':
    case 'elem':
    case 'units':
    case 'delta':
      return true;
    case 'add':
    case 'mul':
    case 'sum':
      return children(e).every(isTotal);
    case 'pow':
      if (e.base.kind === 'const' && e.base.name === 'e') return isTotal(e.exp);
      return e.exp.kind === 'num' && e.exp.value.d === 1n && e.exp.value.n >= 0n && isTotal(e.base);
    case 'call':
      return TOTAL_FUNCTIONS.has(e.fn) && e.args.every(isTotal);
    default:
      return false;
  }
}
const TOTAL_FUNCTIONS = new Set(['exp', 'sin', 'cos', 'sinh', 'cosh', 'tanh', 'atan', 'sigma']);

/**
 * e with every defined name and call of a defined function replaced by its
 * meaning, recursively (see the file comment); the result mentions no defined
 * name except inside opaque derivatives.
 */
export function unfold(e: Expr, defs: ReadonlyMap<string, Definition>, options: UnfoldOptions = {}): Expr {
  if (defs.size === 0) return e;
  return new Unfolder(defs, options).go(e, 0, [], new Set(), false);
}

class Unfolder {
  private readonly freeOfDef = new Map<string, ReadonlySet<string>>();
  private readonly kinds = new Map<string, Map<string, ParameterKind>>();

  constructor(
    private readonly defs: ReadonlyMap<string, Definition>,
    private readonly options: UnfoldOptions,
  ) {}

  /** `bound`: index names bound around e; `frozen`: leave every diff as it is (after a derivative was taken) */
  go(e: Expr, depth: number, stack: readonly string[], bound: ReadonlySet<string>, frozen: boolean): Expr {
    if (depth > MAX_UNFOLD_DEPTH)
      throw new UnfoldError(`definitions nest deeper than ${MAX_UNFOLD_DEPTH} levels (${stack.join(' -> ')})`);
    switch (e.kind) {
      case 'sym': {
        const d = this.defs.get(e.name);
        if (!d || d.params.length > 0) return e;
        this.noCycle(d, stack);
        return this.go(d.body, depth + 1, [...stack, d.name], bound, frozen);
      }
      case 'call': {
        const d = this.defs.get(e.fn);
        const args = e.args.map((a) => this.go(a, depth, stack, bound, frozen));
        if (!d) return args.every((a, k) => a === e.args[k]) ? e : call(e.fn, args);
        this.noCycle(d, stack);
        return this.apply(d, args, depth, stack, bound, frozen);
      }
      case 'sum':
        return this.sum(e.index, e.body, depth, stack, bound, frozen);
      case 'diff': {
        if (frozen) return e;
        if (e.wrt.kind === 'sym' && this.defs.has(e.wrt.name))
          return this.diffByDefined(e, e.wrt.name, depth, stack, bound);
        const body = this.go(e.body, depth, stack, bound, frozen);
        return body === e.body ? e : diff(body, e.wrt);
      }
      default: {
        const cs = children(e);
        if (cs.length === 0) return e;
        const ns = cs.map((c) => this.go(c, depth, stack, bound, frozen));
        return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
      }
    }
  }

  private noCycle(d: Definition, stack: readonly string[]): void {
    if (stack.includes(d.name)) throw new UnfoldError(`definition cycle: ${[...stack, d.name].join(' -> ')}`);
  }

  /** a sum whose index is free in a definition used in its body is renamed first, so the definition's index stays the file's */
  private sum(
    index: string,
    body: Expr,
    depth: number,
    stack: readonly string[],
    bound: ReadonlySet<string>,
    frozen: boolean,
  ): Expr {
    const reachable = this.reachableFree(body);
    let k = index;
    let b = body;
    if (reachable.has(index)) {
      k = freshName(index, new Set([...allNames(body), ...reachable, ...bound]));
      b = substitute(body, new Map([[index, sym(k)]]));
    }
    return sum(k, this.go(b, depth, stack, new Set([...bound, k]), frozen));
  }

  /** the free names of the definitions e uses, transitively (what unfolding may bring into e) */
  private reachableFree(e: Expr): Set<string> {
    const out = new Set<string>();
    for (const name of usedDefinitions(e, this.defs)) for (const n of this.freeOf(name, new Set())) out.add(n);
    return out;
  }

  private freeOf(name: string, visiting: Set<string>): ReadonlySet<string> {
    const known = this.freeOfDef.get(name);
    if (known) return known;
    const d = this.defs.get(name);
    if (!d || visiting.has(name)) return new Set();
    visiting.add(name);
    const params = new Set(d.params);
    const out = new Set([...freeNames(d.body)].filter((n) => !params.has(n)));
    for (const used of usedDefinitions(d.body, this.defs, params))
      for (const n of this.freeOf(used, visiting)) out.add(n);
    visiting.delete(name);
    this.freeOfDef.set(name, out);
    return out;
  }

  private kindsOf(d: Definition): Map<string, ParameterKind> {
    const known = this.kinds.get(d.name);
    if (known) return known;
    const k = parameterKinds(d, this.defs);
    this.kinds.set(d.name, k);
    return k;
  }

  /** f(args): substitution where it keeps the meaning, else the body's derivatives first */
  private apply(
    d: Definition,
    args: readonly Expr[],
    depth: number,
    stack: readonly string[],
    bound: ReadonlySet<string>,
    frozen: boolean,
  ): Expr {
    if (args.length !== d.params.length)
      throw new UnfoldError(`${d.name} takes ${d.params.length} arguments, and ${args.length} were given`);
    const kinds = this.kindsOf(d);
    d.params.forEach((p, k) => {
      const a = args[k]!;
      if (kinds.get(p) === 'index' && a.kind !== 'sym' && !(a.kind === 'num' && a.value.d === 1n && a.value.n >= 1n))
        throw new UnfoldError(
          `the parameter ${p} of ${d.name} is an index (it is written inside brackets or delta), so it takes an index or a unit, not ${toAscii(a)}`,
        );
    });
    const next = [...stack, d.name];
    let why = frozen ? undefined : this.needsDerivativeFirst(d, args, bound);
    let applied: Applied | undefined;
    if (why === undefined) {
      try {
        const map = new Map(d.params.map((p, k) => [p, args[k]!]));
        const result = this.go(substitute(d.body, map), depth + 1, next, bound, frozen);
        applied = { result, readsParam: (p) => occursFree(d.body, p) };
      } catch (err) {
        // substitution is syntactic and refuses some cases the dependence test lets through: take the derivative first
        if (!(err instanceof SubstitutionError)) throw err;
        why = err.message;
      }
    }
    const { result, readsParam } = applied ?? this.derivativeFirst(d, args, why!, depth, next);
    // f(a, b) is defined only where every argument is: keep an unread argument's definedness
    const carriers = d.params.flatMap((p, k) =>
      kinds.get(p) !== 'index' && !readsParam(p) && !isTotal(args[k]!) ? [mul([num(0), args[k]!])] : [],
    );
    return carriers.length ? add([result, ...carriers]) : result;
  }

  /** f(args) with the body's derivatives taken before the arguments are put in (the parameters renamed to fresh internal names meanwhile) */
  private derivativeFirst(
    d: Definition,
    args: readonly Expr[],
    why: string,
    depth: number,
    next: readonly string[],
  ): Applied {
    if (!this.options.differentiate)
      throw new UnfoldError(
        `${d.name}(${args.map(toAscii).join(', ')}) needs the derivative in the definition of ${d.name} taken before its arguments are put in (${why}); only the symbolic check does that`,
      );
    const taken = new Set([...allNames(d.body), ...args.flatMap((a) => [...allNames(a)])]);
    const fresh = new Map<string, string>();
    for (const p of d.params) {
      const f = freshName(`${INTERNAL_PREFIX}${p}`, taken);
      taken.add(f);
      fresh.set(p, f);
    }
    const body = this.go(renameFree(d.body, fresh), depth + 1, next, new Set(), false);
    const derived = this.options.differentiate(body, new Set());
    try {
      const result = substitute(derived, new Map(d.params.map((p, k) => [fresh.get(p)!, args[k]!])));
      return { result, readsParam: (p) => occursFree(derived, fresh.get(p)!) };
    } catch (err) {
      if (err instanceof SubstitutionError) throw new UnfoldError(`cannot unfold ${d.name}: ${err.message}`);
      throw err;
    }
  }

  /** why plain substitution into d's body would change its meaning, or undefined when it would not */
  private needsDerivativeFirst(d: Definition, args: readonly Expr[], bound: ReadonlySet<string>): string | undefined {
    const params = new Map(d.params.map((p, k) => [p, args[k]!]));
    const kinds = this.kindsOf(d);
    const indexMap = new Map([...params].filter(([p]) => kinds.get(p) === 'index'));
    let why: string | undefined;
    const visit = (x: Expr): void => {
      if (why !== undefined) return;
      if (x.kind === 'diff') {
        if (x.wrt.kind === 'sym' && params.has(x.wrt.name)) {
          why = `it differentiates with respect to its parameter ${x.wrt.name}`;
          return;
        }
        const v = (x.wrt.kind === 'elem' ? substitute(x.wrt, indexMap) : x.wrt) as Variable;
        for (const [p, a] of params) {
          if (kinds.get(p) === 'value' && occursFree(x.body, p) && this.mayDepend(a, v, bound)) {
            why = `the argument ${toAscii(a)} may depend on ${toAscii(v)}, the variable of a derivative in it`;
            return;
          }
        }
      }
      for (const c of children(x)) visit(c);
    };
    visit(d.body);
    return why;
  }

  private mayDepend(a: Expr, v: Variable, bound: ReadonlySet<string>): boolean {
    const symbols = this.options.symbols;
    if (!symbols) return freeNames(a).size > 0 || hasElementOrDiff(a);
    return mayDepend(a, v, symbols, boundIndicesOf(v, bound));
  }

  /** diff(body, q) for a defined q: differentiate with respect to q first, then put q's value in */
  private diffByDefined(
    e: Expr & { kind: 'diff' },
    name: string,
    depth: number,
    stack: readonly string[],
    bound: ReadonlySet<string>,
  ): Expr {
    const differentiate = this.options.differentiate;
    if (!differentiate)
      throw new UnfoldError(
        `cannot differentiate with respect to ${name} here: ${name} is given a value by a definition, and only the symbolic check takes the derivative before putting the value in`,
      );
    const others = new Map(this.defs);
    others.delete(name);
    const body = new Unfolder(others, this.options).go(e.body, depth, stack, bound, false);
    const derived = differentiate(diff(body, e.wrt), bound);
    // the derivative is taken at q's value: defined only where that value is
    const value = this.defs.get(name)!.body;
    const kept = isTotal(value) ? derived : add([derived, mul([num(0), sym(name)])]);
    return this.go(kept, depth, stack, bound, true);
  }
}

/** a definition applied: the result, and whether it reads each parameter (else the argument's definedness is kept apart) */
interface Applied {
  readonly result: Expr;
  readonly readsParam: (p: string) => boolean;
}

/** the defined names used free in e (nullary names and called functions), except `shadowed` */
function usedDefinitions(
  e: Expr,
  defs: ReadonlyMap<string, Definition>,
  shadowed: ReadonlySet<string> = new Set(),
): Set<string> {
  const out = new Set<string>();
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'sym' && defs.has(x.name) && !shadowed.has(x.name) && !bound.has(x.name)) out.add(x.name);
    if (x.kind === 'call' && defs.has(x.fn) && !shadowed.has(x.fn)) out.add(x.fn);
    if (x.kind === 'sum') return walk(x.body, new Set([...bound, x.index]));
    for (const c of children(x)) walk(c, bound);
  };
  walk(e, new Set());
  return out;
}

function hasElementOrDiff(e: Expr): boolean {
  return e.kind === 'elem' || e.kind === 'diff' || children(e).some(hasElementOrDiff);
}
