/**
 * The top-level `assume:` list (contract version 2): equations `"lhs = rhs"`
 * taken as premises. The checker can use two shapes, and refuses the rest
 * with what to write: a variable equal to a constant (`p = 1/2`: the core
 * and the numeric layer put the value in, as for a case's `when`), and a sum
 * equal to an expression free of what it sums (`sum(k, t[k]) = 1`: the core
 * replaces the sum; numeric points are constructed to satisfy it, which is
 * possible for `sum(k, a[k]) = c`, an array of real elements and a number c).
 */
import { type Node, type Scalar, isScalar } from 'yaml';
import { type Expr, type Variable, children } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { domainText, inDomain } from '../ir/symbols.js';
import { type ParseEnv, parseExpression } from '../parse/expression.js';
import type { LoadContext } from './load-context.js';
import type { LoadedAssumption, LoadedCase, LoadedClaim, LoadedDefinition, LoadedStep, Place } from './model.js';

/** the file's other parts, where a diff by a constrained variable is refused */
export interface AssumeContext {
  readonly claim: LoadedClaim | undefined;
  readonly steps: readonly LoadedStep[];
  readonly cases: { readonly list: readonly LoadedCase[] } | undefined;
  readonly definitions: readonly LoadedDefinition[];
}

/** the assumptions of an `assume:` list, and an error at each diff by a variable they constrain */
export function readAssume(
  ctx: LoadContext,
  node: Node | null,
  env: ParseEnv,
  file: AssumeContext,
): LoadedAssumption[] {
  const out = readEquations(ctx, node, env);
  const { claim, steps, cases, definitions } = file;
  checkAssumedNotDifferentiated(ctx, out, [
    ...(claim
      ? [
          { expr: claim.lhs, place: claim.lhsPlace, location: 'claim.lhs' },
          { expr: claim.rhs, place: claim.rhsPlace, location: 'claim.rhs' },
        ]
      : []),
    ...steps,
    ...(cases?.list.flatMap((c) => c.steps) ?? []),
    ...definitions.map((x) => ({ expr: x.body, place: x.place, location: `define.${x.name}` })),
  ]);
  return out;
}

function readEquations(ctx: LoadContext, node: Node | null, env: ParseEnv): LoadedAssumption[] {
  const list = ctx.seq(node, 'assume', 'assume');
  if (!list) return [];
  const out: LoadedAssumption[] = [];
  (list.items as Node[]).forEach((item, k) => {
    const location = `assume[${k}]`;
    const n = ctx.resolve(item);
    if (!isScalar(n) || typeof n.value !== 'string') {
      ctx.error(
        'bad-assume',
        n ?? item,
        'each assumption is an equation in quotes, such as "sum(k, t[k]) = 1"',
        location,
      );
      return;
    }
    const a = readEquation(ctx, n as Scalar & { value: string }, env, location);
    if (a) out.push(a);
  });
  return out;
}

function readEquation(
  ctx: LoadContext,
  n: Scalar & { value: string },
  env: ParseEnv,
  location: string,
): LoadedAssumption | undefined {
  const text = n.value;
  const at = (offset: number) => ctx.scalarOffsetPlace(n, offset);
  const problem = (offset: number, message: string, code = 'bad-assume') => {
    ctx.errors.push({ code, place: at(offset), message, location });
    return undefined;
  };
  const equals = [...text.matchAll(/[=<>!]=?/g)];
  const single = equals.filter((m) => m[0] === '=');
  if (equals.length !== 1 || single.length !== 1)
    return problem(
      equals.find((m) => m[0] !== '=')?.index ?? 0,
      `an assumption is an equation with one \`=\`, such as "sum(k, t[k]) = 1"; '${text}' is not`,
    );
  const split = single[0]!.index!;
  const sides: Expr[] = [];
  for (const [start, part] of [
    [0, text.slice(0, split)],
    [split + 1, text.slice(split + 1)],
  ] as const) {
    if (part.trim() === '') return problem(start, `the equation '${text}' has an empty side`);
    const r = parseExpression(part, env);
    if (!r.ok) return problem(start + r.error.offset, r.error.message, r.error.code);
    sides.push(r.expr);
  }
  const [lhs, rhs] = sides as [Expr, Expr];
  const place = at(0);
  const source = text;
  const isVar = (e: Expr): e is Variable => e.kind === 'sym' || e.kind === 'elem';
  const constant = (e: Expr): boolean => !hasVariables(e);
  const value = (variable: Variable, v: Expr): LoadedAssumption | undefined => {
    const decl = env.symbols.get(variable.name);
    // an index is refused by the parser already (it has no value outside brackets)
    if (decl?.kind === 'scalar' && decl.opaque)
      return problem(
        0,
        `'${variable.name}' is an opaque quantity; to say what it is, use define (or a case's define), not assume`,
      );
    if (decl && decl.kind !== 'index' && v.kind === 'num' && !inDomain(v.value, decl.domain))
      return problem(
        0,
        `${toAscii(variable)} = ${toAscii(v)} is outside the declared domain of ${variable.name}, ${domainText(decl.domain)}`,
      );
    return { kind: 'value', variable, value: v, place, source };
  };
  if (isVar(lhs) && constant(rhs)) return value(lhs, rhs);
  if (isVar(rhs) && constant(lhs)) return value(rhs, lhs);
  if (lhs.kind === 'sum' && !sharesVariables(lhs, rhs)) return { kind: 'sum', sum: lhs, value: rhs, place, source };
  if (rhs.kind === 'sum' && !sharesVariables(rhs, lhs)) return { kind: 'sum', sum: rhs, value: lhs, place, source };
  return problem(
    0,
    `the checker can use an assumption whose one side is a variable and the other a constant ("p = 1/2"), or whose one side is a sum and the other free of what it sums ("sum(k, t[k]) = 1"); '${toAscii(lhs)} = ${toAscii(rhs)}' is neither`,
  );
}

/** true when e mentions a scalar or an array element (not only numbers, constants and indices) */
function hasVariables(e: Expr): boolean {
  if (e.kind === 'sym' || e.kind === 'elem' || e.kind === 'diff') return true;
  if (e.kind === 'call') return true; // a definition or a function of something: not a plain constant
  return children(e).some(hasVariables);
}

/** true when the two sides mention a common scalar or array */
function sharesVariables(a: Expr, b: Expr): boolean {
  const names = (e: Expr, out: Set<string>): Set<string> => {
    if (e.kind === 'sym' || e.kind === 'elem') out.add(e.name);
    if (e.kind === 'call') out.add(`${e.fn}()`);
    for (const c of children(e)) names(c, out);
    return out;
  };
  const an = names(a, new Set());
  return [...names(b, new Set())].some((x) => an.has(x));
}

/**
 * an error at each `diff` by a variable an assumption constrains: under
 * `sum(k, t[k]) = 1` the elements of t are not independent, so a derivative
 * by one of them has no meaning the checker could decide
 */
export function checkAssumedNotDifferentiated(
  ctx: LoadContext,
  assume: readonly LoadedAssumption[],
  places: readonly { readonly expr: Expr; readonly place: Place; readonly location: string }[],
): void {
  if (assume.length === 0) return;
  const constrained = new Map<string, string>();
  for (const a of assume) {
    if (a.kind === 'value') constrained.set(a.variable.name, a.source);
    else for (const name of [...valueNames(a.sum), ...valueNames(a.value)]) constrained.set(name, a.source);
  }
  for (const { expr, place, location } of places) {
    const bad = diffVariables(expr).find((v) => constrained.has(v.name));
    if (bad)
      ctx.errors.push({
        code: 'bad-assume',
        place,
        message: `this expression differentiates by ${toAscii(bad)}, which the assumption "${constrained.get(bad.name)}" constrains, so it is not an independent variable there; differentiate by the variables the assumption leaves free`,
        location,
      });
  }
}

/** the names of the scalars and arrays e uses as values */
function valueNames(e: Expr): Set<string> {
  const out = new Set<string>();
  const walk = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'elem') out.add(x.name);
    else if (x.kind === 'sym' && !bound.has(x.name)) out.add(x.name);
    if (x.kind === 'elem' || x.kind === 'delta') return;
    const inner = x.kind === 'sum' ? new Set([...bound, x.index]) : bound;
    for (const c of children(x)) walk(c, inner);
  };
  walk(e, new Set());
  return out;
}

function diffVariables(e: Expr): Variable[] {
  const out: Variable[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'diff') out.push(x.wrt);
    for (const c of children(x)) walk(c);
  };
  walk(e);
  return out;
}
