/**
 * The `assume:` lists (contract version 2), the file's and each case's:
 * equations `"lhs = rhs"` taken as premises. The shapes the checker can use
 * are in assume-shapes.ts (a variable given a value, an equation solved for
 * a variable, a sum given a value); the rest is refused with what to write.
 * A derivative by a variable an assumption constrains is refused too: under
 * `b = 1 - a` neither a nor b is an independent variable.
 */
import { type Node, type Scalar, isScalar } from 'yaml';
import { type Expr, type Variable, children } from '../ir/expr.js';
import { shapeOf } from './assume-shapes.js';
import { conflictWith } from './assume-conflicts.js';
import { toAscii } from '../ir/print.js';
import { type ParseEnv, parseExpression } from '../parse/expression.js';
import type { LoadContext } from './load-context.js';
import type { LoadedAssumption, LoadedCase, LoadedClaim, LoadedDefinition, LoadedStep, Place } from './model.js';

/** the file's other parts, where a diff by a constrained variable is refused */
interface AssumeContext {
  readonly claim: LoadedClaim | undefined;
  readonly steps: readonly LoadedStep[];
  readonly cases: { readonly list: readonly LoadedCase[] } | undefined;
  readonly definitions: readonly LoadedDefinition[];
}

/** an error at each diff, in the file's expressions, by a variable the file's assumptions constrain */
export function checkFileDiffs(ctx: LoadContext, assume: readonly LoadedAssumption[], file: AssumeContext): void {
  const { claim, steps, cases, definitions } = file;
  const claimSides = claim
    ? [
        { expr: claim.lhs, place: claim.lhsPlace, location: 'claim.lhs' },
        { expr: claim.rhs, place: claim.rhsPlace, location: 'claim.rhs' },
      ]
    : [];
  checkAssumedNotDifferentiated(ctx, assume, [
    ...claimSides,
    ...steps,
    ...(cases?.list.flatMap((c) => c.steps) ?? []),
    ...definitions.map((x) => ({ expr: x.body, place: x.place, location: `define.${x.name}` })),
  ]);
  // a case's first step is compared with the main chain's last, and its last with the claim, under its assumptions
  const last = steps.slice(-1);
  for (const c of cases?.list ?? [])
    checkAssumedNotDifferentiated(ctx, c.assume ?? [], [...last, ...claimSides.slice(1)]);
}

/**
 * the equations of an `assume:` list at `location` (`assume`, `cases[1].assume`),
 * each checked against the assumptions in force before it (`before`: for a
 * case, the file's)
 */
export function readEquations(
  ctx: LoadContext,
  node: Node | null,
  env: ParseEnv,
  where = 'assume',
  before: readonly LoadedAssumption[] = [],
): LoadedAssumption[] {
  const list = ctx.seq(node, where, where);
  if (!list) return [];
  const out: LoadedAssumption[] = [];
  (list.items as Node[]).forEach((item, k) => {
    const location = `${where}[${k}]`;
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
    const conflict = a && conflictWith(a, [...before, ...out], env.symbols);
    if (conflict) ctx.errors.push({ code: 'bad-assume', place: a.place, message: conflict, location });
    else if (a) out.push(a);
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
  const shape = shapeOf(lhs, rhs, env);
  if (typeof shape === 'string') return problem(0, shape);
  const place = at(0);
  return shape.kind === 'value'
    ? {
        kind: 'value',
        variable: shape.variable,
        value: shape.value,
        place,
        source: text,
        ...(shape.solved ? { solved: true } : {}),
      }
    : { kind: 'sum', sum: shape.sum, value: shape.value, place, source: text };
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
    if (a.kind === 'value')
      for (const name of [a.variable.name, ...valueNames(a.value)]) constrained.set(name, a.source);
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
