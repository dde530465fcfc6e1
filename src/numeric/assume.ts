/**
 * Numeric evidence under the file's assumed equations (`assume:`): every
 * point must satisfy them. For `sum(k, a[k]) = c`, with a an array of real
 * elements and c a number, a point is made to satisfy it by solving for one
 * element (a[first unit] = c - the others); an element the step does not use
 * is left free, and then the equation can always be met by it. For any other
 * equation that a step's sides touch, no point is constructed: the step gets
 * no numeric evidence (the checker reports it as an error that says so).
 */
import { type Expr, type Variable, children } from '../ir/expr.js';
import { type Rational, radd, rsub, ZERO } from '../ir/rational.js';
import { toAscii } from '../ir/print.js';
import type { Scope } from '../ir/symbols.js';
import { elementKey } from './atom-key.js';

/** an equation sum(k, a[k]) = c that points are made to satisfy */
export interface Constraint {
  readonly array: string;
  readonly value: Rational;
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
    if (![...mentioned].some((n) => used.has(n))) continue;
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
      !decl.domain.lo &&
      !decl.domain.hi &&
      eq.value.kind === 'num' &&
      !fixed.has(body.name);
    if (!simple)
      return {
        problem: `numeric evidence under the assumption ${toAscii(eq.sum)} = ${toAscii(eq.value)} needs points that satisfy it, and the checker constructs them only for sum(k, a[k]) = c with a an array of real elements and c a number`,
      };
    constraints.push({ array: (body as { name: string }).name, value: (eq.value as { value: Rational }).value });
  }
  return { constraints };
}

/** the values with each constraint met by its array's first unit, when the point gives every element */
export function constrain(
  values: ReadonlyMap<string, Rational>,
  inst: { readonly n: number | undefined },
  constraints: readonly Constraint[],
): ReadonlyMap<string, Rational> {
  if (constraints.length === 0 || inst.n === undefined) return values;
  const out = new Map(values);
  for (const c of constraints) {
    const keys = Array.from({ length: inst.n }, (_, u) => elementKey(c.array, [u + 1]));
    if (!keys.every((k) => out.has(k))) continue;
    const others = keys.slice(1).reduce((acc, k) => radd(acc, out.get(k)!), ZERO);
    out.set(keys[0]!, rsub(c.value, others));
  }
  return out;
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
