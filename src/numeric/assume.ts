/**
 * Numeric evidence under the file's assumed equations (`assume:`): every
 * point must satisfy them. For `sum(k, a[k]) = c`, with a an array of real
 * elements and c a number, a point is made to satisfy it by solving for one
 * element (a[first unit] = c - the others); an element the step does not use
 * is left free, and then the equation can always be met by it. With a an
 * array of elements >= 0 or > 0 (positive, nonnegative, probability, any
 * interval from 0) and c > 0, the sampled elements are scaled to sum to c
 * (to c/2 when some element is free and they sum to more, the free ones then
 * share the rest); a scaled point outside the elements' domain (a
 * probability 1 in the open (0, 1)) is no point. For any other equation that
 * a step's sides touch, no point is constructed: the step gets no numeric
 * evidence (the checker reports it as an error that says so).
 */
import { type Expr, type Variable, children } from '../ir/expr.js';
import { type Rational, radd, rsub, rmul, rdiv, rsign, rcmp, rat, ZERO } from '../ir/rational.js';
import { toAscii } from '../ir/print.js';
import { type Domain, type Scope, inDomain } from '../ir/symbols.js';
import { elementKey } from './atom-key.js';

/** an equation sum(k, a[k]) = c that points are made to satisfy */
export interface Constraint {
  readonly array: string;
  readonly value: Rational;
  /** the elements' domain when it starts at 0: the point is scaled, not solved for (see the module comment) */
  readonly scaled?: Domain;
}

/** the constraints a step's points must satisfy, or why none can be constructed */
export function constraintsOf(
  sides: readonly Expr[],
  assumptions: readonly { readonly variable: Variable; readonly value: Expr }[],
  scope: Scope,
): { constraints: Constraint[] } | { problem: string } {
  const constraints: Constraint[] = [];
  const used = new Set<string>();
  for (const side of [...sides, ...assumptions.map((a) => a.value)]) names(side, used);
  const fixed = new Set(assumptions.map((a) => a.variable.name));
  // an opaque model's independence is keyed by element; a symmetric array's two keys are one quantity there
  for (const d of scope.symbols.values())
    if (d.kind === 'scalar' && d.opaque && d.independentOf.some((v) => isSymmetric(v.name, scope)))
      return {
        problem: `'${d.name}' is declared independent_of an element of a symmetric array, which the numeric models do not support`,
      };
  for (const eq of scope.equations ?? []) {
    const mentioned = names(eq.sum, new Set());
    const touched = [...mentioned].some((n) => used.has(n));
    const body = eq.sum.kind === 'sum' ? eq.sum.body : undefined;
    const decl = body?.kind === 'elem' ? scope.symbols.get(body.name) : undefined;
    const simple =
      eq.sum.kind === 'sum' &&
      body?.kind === 'elem' &&
      body.indices.length === 1 &&
      body.indices[0]!.kind === 'sym' &&
      body.indices[0]!.name === eq.sum.index &&
      decl?.kind === 'array' &&
      decl.domain.kind === 'interval' &&
      eq.value.kind === 'num' &&
      !fixed.has(body.name);
    const real = simple && decl.domain.kind === 'interval' && !decl.domain.lo && !decl.domain.hi;
    const fromZero =
      simple &&
      decl.domain.kind === 'interval' &&
      decl.domain.lo !== undefined &&
      rsign(decl.domain.lo) === 0 &&
      rsign((eq.value as { value: Rational }).value) > 0;
    // an equation the sides do not touch still decides which unit counts exist (p in (0, 1) summing to 2 needs
    // n >= 3, so a point at n = 1 is no point): a scaled one is kept for that check; any other is left out as before
    if (!touched && !fromZero) continue;
    if (!real && !fromZero)
      return {
        problem: `numeric evidence under the assumption ${toAscii(eq.sum)} = ${toAscii(eq.value)} needs points that satisfy it, and the checker constructs them only for sum(k, a[k]) = c with c a number and a an array of real elements, or of elements from 0 (positive, nonnegative, probability) with c > 0`,
      };
    const array = (body as { name: string }).name;
    const value = (eq.value as { value: Rational }).value;
    constraints.push(fromZero ? { array, value, scaled: (decl as { domain: Domain }).domain } : { array, value });
  }
  return { constraints };
}

/**
 * The values with each constraint met (solved by its array's first unit, or
 * scaled), or undefined when this point cannot meet one inside the elements'
 * domain. An element the point does not give is free: a solved equation is
 * then met by it; a scaled one leaves it a share of the rest.
 */
export function constrain(
  values: ReadonlyMap<string, Rational>,
  inst: { readonly n: number | undefined },
  constraints: readonly Constraint[],
): ReadonlyMap<string, Rational> | undefined {
  if (constraints.length === 0 || inst.n === undefined) return values;
  const out = new Map(values);
  for (const c of constraints) {
    const keys = Array.from({ length: inst.n }, (_, u) => elementKey(c.array, [u + 1]));
    const given = keys.filter((k) => out.has(k));
    if (c.scaled) {
      if (!scale(out, given, keys.length - given.length, c)) return undefined;
      continue;
    }
    if (given.length < keys.length) continue;
    const others = keys.slice(1).reduce((acc, k) => radd(acc, out.get(k)!), ZERO);
    out.set(keys[0]!, rsub(c.value, others));
  }
  return out;
}

/**
 * The given elements scaled to sum to c when every element is given; with
 * `free` elements the point does not give, to c/2 when they sum to c or more,
 * so that the free ones share the rest r > 0 (each r/free, inside the domain
 * when any split is: the domain is an interval). False when a value, or the
 * free elements' share, is outside the elements' domain.
 */
function scale(out: Map<string, Rational>, given: readonly string[], free: number, c: Constraint): boolean {
  const domain = c.scaled!;
  const sum = given.reduce((acc, k) => radd(acc, out.get(k)!), ZERO);
  const goal = free === 0 ? c.value : rcmp(sum, c.value) >= 0 ? rmul(c.value, rat(1, 2)) : undefined;
  if (goal !== undefined) {
    if (rsign(sum) === 0) for (const k of given) out.set(k, rdiv(goal, rat(given.length)));
    else for (const k of given) out.set(k, rmul(out.get(k)!, rdiv(goal, sum)));
  }
  if (!given.every((k) => inDomain(out.get(k)!, domain))) return false;
  if (free === 0) return true;
  const rest = rsub(c.value, goal ?? sum);
  return inDomain(rdiv(rest, rat(free)), domain);
}
const isSymmetric = (name: string, scope: Scope): boolean => {
  const d = scope.symbols.get(name);
  return d?.kind === 'array' && d.symmetric === true;
};

/** the names of the scalars and arrays e uses */
function names(e: Expr, out: Set<string>): Set<string> {
  if (e.kind === 'sym' || e.kind === 'elem') out.add(e.name);
  if (e.kind !== 'elem') for (const c of children(e)) names(c, out);
  return out;
}
