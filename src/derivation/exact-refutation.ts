/**
 * The core's own refutations, tried where the numeric layer cannot give a
 * certified point (or before it, when they are cheap): each rests on exact
 * decisions of the core at an exact point (definedness of each side, or an
 * exact difference), never on rounding. compare.ts decides when to ask.
 */
import type { Expr } from '../ir/expr.js';
import type { Scope } from '../ir/symbols.js';
import { type Decision, decideEqual } from '../core/equal.js';
import { type Rational, rationalToString } from '../ir/rational.js';
import { type Definedness, certainDefinedness, certainlyInDomain, domainOf, prepareSide } from '../core/defined-at.js';
import { inDomain } from '../ir/symbols.js';
import { children, num, sym } from '../ir/expr.js';
import { toAscii } from '../ir/print.js';
import { proposeWitnesses } from '../explain/witness.js';
import { undefinednessWords } from '../explain/decision-words.js';
import type { Counterexample } from '../verdict/result.js';
import { cornerCandidates, cornerUndefined, derivativeAcrossCorner, derivativeOfCorners } from './corner-refutation.js';

/** one comparison's inputs, as the helpers below need them */
export interface Pair {
  readonly prev: Expr;
  readonly next: Expr;
  readonly scope: Scope;
  readonly seed: number;
  readonly deadline: number | undefined;
  /** how messages name `prev` */
  readonly what: string;
}
export type NotProved = Extract<Decision, { proved: false }>;

const ZERO_RATIONAL: Rational = { n: 0n, d: 1n };
/** why 8: each is one exact check of both sides; a step has few corners */
const MAX_CORNER_POINTS = 8;

/** why: each candidate costs two exact normalizations; the search proposes a few per condition, and the first certified one is enough */
const MAX_WITNESS_CHECKS = 12;

/** the two sides' values when exactly one is certainly undefined and the other certainly defined, as shown */
function oneSideUndefined(l: Definedness, r: Definedness): [string, string] | undefined {
  if (l.kind === 'undefined' && r.kind === 'defined')
    return [`undefined (${undefinednessWords(l.because)})`, toAscii(r.value)];
  if (l.kind === 'defined' && r.kind === 'undefined')
    return [toAscii(l.value), `undefined (${undefinednessWords(r.because)})`];
  return undefined;
}

/** the point's exact values (variables put in as assumptions with a number) */
function pointOf(at: Scope): Map<string, Rational> {
  const env = new Map<string, Rational>();
  for (const a of at.assumptions)
    if (a.variable.kind === 'sym' && a.value.kind === 'num') env.set(a.variable.name, a.value.value);
  return env;
}

/** as oneSideUndefined, where the core left one side unknown and it is a derivative at a corner (corner-refutation.ts) */
function cornerUndefinedSide(
  prev: Expr,
  next: Expr,
  l: Definedness,
  r: Definedness,
  at: Scope,
): [string, string] | undefined {
  if (l.kind === 'unknown' && r.kind === 'defined') {
    const why = cornerUndefined(prev, pointOf(at), at.symbols);
    return why ? [`undefined (${why})`, toAscii(r.value)] : undefined;
  }
  if (l.kind === 'defined' && r.kind === 'unknown') {
    const why = cornerUndefined(next, pointOf(at), at.symbols);
    return why ? [toAscii(l.value), `undefined (${why})`] : undefined;
  }
  return undefined;
}

/**
 * A point where one side is certainly undefined and the other certainly
 * defined (a derivative at a corner counts as undefined: corner-refutation.ts): candidates from the untrusted search (explain/witness.ts), each
 * put in as an assumption and decided exactly by the core; the other
 * variables may take any value in their domains.
 */
export function definednessWitness(
  prev: Expr,
  next: Expr,
  scope: Scope,
  conditions: Extract<Decision, { proved: false }>['conditions'],
  seed: number,
  deadline: number | undefined,
): Counterexample | undefined {
  const candidates = proposeWitnesses(conditions)
    .filter((c) => !c.variable.key.includes('%'))
    .slice(0, MAX_WITNESS_CHECKS);
  for (const c of candidates) {
    if (deadline !== undefined && performance.now() > deadline) return undefined;
    const domain = domainOf(c.variable, scope);
    if (domain && !certainlyInDomain(c.value, domain, scope)) continue;
    if (scope.assumptions.some((a) => a.variable.key === c.variable.key)) continue;
    const at: Scope = { ...scope, assumptions: [...scope.assumptions, { variable: c.variable, value: c.value }] };
    const l = certainDefinedness(prev, at, deadline);
    const r = certainDefinedness(next, at, deadline);
    const pair = oneSideUndefined(l, r) ?? cornerUndefinedSide(prev, next, l, r, at);
    if (!pair) continue;
    return {
      values: { [toAscii(c.variable)]: toAscii(c.value) },
      lhs: pair[0],
      rhs: pair[1],
      seed,
      how: `exact witness: ${c.why} of the condition only one side needs; any values of the other variables in their domains`,
    };
  }
  return undefined;
}

/**
 * Why each side is undefined at every point of the declared domains, when
 * the core decides both are (a condition broken by an exact constant:
 * sqrt(-8)): such a step is vacuous, neither equal nor refutable.
 */
export function bothUndefinedEverywhere(p: Pair): [string, string] | undefined {
  const l = certainDefinedness(p.prev, p.scope, p.deadline);
  if (l.kind !== 'undefined') return undefined;
  const r = certainDefinedness(p.next, p.scope, p.deadline);
  return r.kind === 'undefined' ? [undefinednessWords(l.because), undefinednessWords(r.because)] : undefined;
}

/**
 * The core's refutation without the numeric layer (which could not evaluate
 * the sides, e.g. sin(9007199254740993 pi/2) or a definition that
 * differentiates its parameter): a constant or one-signed difference, and
 * both sides certainly defined on the whole declared domains, make every
 * point a counterexample; the values shown are the exact normal forms.
 */
export function refutedEverywhere(
  prev: Expr,
  next: Expr,
  scope: Scope,
  decision: NotProved,
  seed: number,
  deadline: number | undefined,
): Counterexample | undefined {
  if (decision.difference?.kind === 'units') return undefined;
  // under assumed equations "every point" means every point that satisfies them, which the core cannot show exists
  if (scope.equations?.length) return undefined;
  const l = certainDefinedness(prev, scope, deadline);
  const r = certainDefinedness(next, scope, deadline);
  if (l.kind !== 'defined' || r.kind !== 'defined') return undefined;
  // a certificate names every free variable: plain scalars get an exact point, with both sides' exact values there
  const p: Pair = { prev, next, scope, seed, deadline, what: '' };
  const vars = plainScalars(p);
  const point = vars?.length ? exactPoint(p, vars, 0) : undefined;
  if (point) {
    const lp = certainDefinedness(prev, point.at, deadline);
    const rp = certainDefinedness(next, point.at, deadline);
    if (lp.kind === 'defined' && rp.kind === 'defined')
      return {
        values: point.values,
        lhs: toAscii(lp.value),
        rhs: toAscii(rp.value),
        seed,
        how: "exact: both sides are defined everywhere and their difference is never 0, so any point of the declared domains will do; the values are the core's exact ones at this point",
      };
  }
  return {
    values: {},
    lhs: toAscii(l.value),
    rhs: toAscii(r.value),
    seed,
    how: 'exact: both sides are defined everywhere and their difference is never 0, so any point of the declared domains will do',
  };
}

/** why: each try is one exact decision with every variable set; a few spread-out points miss a nonzero difference only by bad luck */
const MAX_EXACT_POINTS = 3;
export const EXACT_CANDIDATES: readonly Rational[] = [
  { n: 1n, d: 1n },
  { n: 2n, d: 1n },
  { n: 1n, d: 2n },
  { n: 3n, d: 1n },
  { n: -1n, d: 1n },
  { n: 1n, d: 3n },
  { n: -2n, d: 1n },
  { n: 0n, d: 1n },
  // last, so that every earlier pick stays: a point inside (1, 2) and (-1, 0), where none of the above lies
  { n: 3n, d: 2n },
  { n: -1n, d: 2n },
];

/** the variables of both sides when all are plain scalars (no arrays, sums, diffs or opaque quantities); else undefined */
export function plainScalars(p: Pair): string[] | undefined {
  const names = new Set<string>();
  let plain = true;
  const walk = (e: Expr): void => {
    if (e.kind === 'elem' || e.kind === 'sum' || e.kind === 'diff') plain = false;
    if (e.kind === 'sym') {
      const d = p.scope.symbols.get(e.name);
      if (d && (d.kind !== 'scalar' || d.opaque)) plain = false;
      names.add(e.name);
    }
    children(e).forEach(walk);
  };
  try {
    walk(prepareSide(p.prev, p.scope, new Set()).expr);
    walk(prepareSide(p.next, p.scope, new Set()).expr);
  } catch {
    return undefined;
  }
  return plain ? [...names].sort() : undefined;
}

/** the t-th exact point's values: every variable of vars a small rational in its domain */
export function exactValues(p: Pair, vars: readonly string[], t: number): Rational[] | undefined {
  const values: Rational[] = [];
  for (const [k, name] of vars.entries()) {
    const d = p.scope.symbols.get(name);
    const domain = d?.kind === 'scalar' ? d.domain : undefined;
    const fits = EXACT_CANDIDATES.filter((q) => !domain || inDomain(q, domain));
    if (fits.length === 0) return undefined;
    values.push(fits[(t + 2 * k) % fits.length]!);
  }
  return values;
}

/** the t-th exact point, put in as assumptions */
function exactPoint(
  p: Pair,
  vars: readonly string[],
  t: number,
): { readonly at: Scope; readonly values: Record<string, string> } | undefined {
  const values = exactValues(p, vars, t);
  return values && pointAt(p, vars, values);
}

/** the point with these values, put in as assumptions */
function pointAt(
  p: Pair,
  vars: readonly string[],
  values: readonly Rational[],
): { readonly at: Scope; readonly values: Record<string, string> } {
  const at: Scope = {
    ...p.scope,
    assumptions: [...p.scope.assumptions, ...vars.map((name, k) => ({ variable: sym(name), value: num(values[k]!) }))],
  };
  return { at, values: Object.fromEntries(vars.map((name, k) => [name, rationalToString(values[k]!)])) };
}

/**
 * The core's refutation at an exact point, where the numeric layer saw no
 * difference (x 1e-320 against 0, exp(800) + x against exp(800)): every
 * scalar variable set to a small rational in its domain, the core decides
 * the step there; a nonzero constant difference with both sides certainly
 * defined is a counterexample. Only for steps whose variables are plain
 * scalars (no arrays, no opaque quantities).
 */
export function refutedAtPoint(p: Pair): Counterexample | undefined {
  const vars = plainScalars(p);
  if (!vars || vars.length === 0) return undefined;
  for (let t = 0; t < MAX_EXACT_POINTS; t++) {
    if (p.deadline !== undefined && performance.now() > p.deadline) return undefined;
    const point = exactPoint(p, vars, t);
    if (!point) return undefined;
    const { at, values } = point;
    const decision = decideEqual(p.prev, p.next, at, p.deadline !== undefined ? { deadline: p.deadline } : {});
    if (decision.proved || decision.difference?.kind !== 'constant') continue;
    const l = certainDefinedness(p.prev, at, p.deadline);
    const r = certainDefinedness(p.next, at, p.deadline);
    if (l.kind !== 'defined' || r.kind !== 'defined') continue;
    return {
      values,
      lhs: toAscii(l.value),
      rhs: toAscii(r.value),
      seed: p.seed,
      how: `exact point: the core computes the difference there as ${rationalToString(decision.difference.value)}`,
    };
  }
  return undefined;
}

/**
 * A side the core found undefined everywhere (tan(4294967297 pi/2): a
 * division by an exact 0) against a side certainly defined at an exact point
 * (the declared domains as they are, then small rationals for plain
 * scalars): both decided again by the core at that point.
 */
export function refutedUndefinedSide(p: Pair, decision: NotProved): Counterexample | undefined {
  if (!decision.undefinedEverywhere || p.scope.equations?.length) return undefined;
  const vars = plainScalars(p) ?? [];
  const tries: ({ readonly at: Scope; readonly values: Record<string, string> } | undefined)[] = [];
  // why exact points first: a counterexample with no values (x + 1 against x + 1/(s (1 - s))) is no point anyone can check
  for (let t = 0; t < MAX_EXACT_POINTS && vars.length > 0; t++) tries.push(exactPoint(p, vars, t));
  tries.push({ at: p.scope, values: {} });
  for (const point of tries) {
    if (!point || (p.deadline !== undefined && performance.now() > p.deadline)) continue;
    const l = certainDefinedness(p.prev, point.at, p.deadline);
    const r = certainDefinedness(p.next, point.at, p.deadline);
    const pair = oneSideUndefined(l, r);
    if (!pair) continue;
    return {
      values: point.values,
      lhs: pair[0],
      rhs: pair[1],
      seed: p.seed,
      how: `exact: ${decision.undefinedEverywhere.side === 'lhs' ? 'the previous' : 'this'} side is undefined at every point (${undefinednessWords({ kind: 'nowhere', cause: decision.undefinedEverywhere.cause })}), the other is defined here`,
    };
  }
  return undefined;
}

/**
 * A step the core proved although one side is a derivative defined at a
 * corner (its one-sided derivatives exact and equal: x abs(x) at 0) and the
 * other side is certainly undefined there (abs(x) + x^2/abs(x)): the core
 * takes the chain rule's condition abs(x) != 0 as needed where it is only
 * sufficient (test/soundness/CORE-BUGS.md). Exact points of plain scalar
 * steps only; a counterexample, never a proof.
 */
export function refutedAcrossCorner(p: Pair): Counterexample | undefined {
  // cheap first: most proved steps have no derivative of a corner, and plainScalars prepares both sides
  if (!derivativeOfCorners(p.prev) && !derivativeOfCorners(p.next)) return undefined;
  const vars = plainScalars(p);
  if (!vars || vars.length === 0 || p.scope.equations?.length) return undefined;
  // the candidate points, and every variable at 0 (abs(x) abs(y) has its corner where both are 0), where that is in the domains
  const zeros = vars.map(() => ZERO_RATIONAL);
  const allZero = vars.every((name) => {
    const d = p.scope.symbols.get(name);
    return d?.kind !== 'scalar' || inDomain(ZERO_RATIONAL, d.domain);
  });
  // with one variable, also where a corner's argument (linear in it) is 0: (x - 5/7) abs(x - 5/7) at 5/7
  const decl = p.scope.symbols.get(vars[0]!);
  const corners =
    vars.length === 1
      ? [...cornerCandidates(p.prev, vars[0]!), ...cornerCandidates(p.next, vars[0]!)]
          .filter((c) => decl?.kind !== 'scalar' || inDomain(c, decl.domain))
          .slice(0, MAX_CORNER_POINTS)
          .map((c) => pointAt(p, vars, [c]))
      : [];
  const points = [
    ...EXACT_CANDIDATES.map((_, t) => exactPoint(p, vars, t)),
    allZero ? pointAt(p, vars, zeros) : undefined,
    ...corners,
  ];
  for (const point of points) {
    if (p.deadline !== undefined && performance.now() > p.deadline) return undefined;
    if (!point) continue;
    const env = pointOf(point.at);
    const l = derivativeAcrossCorner(p.prev, env, point.at.symbols);
    const r = derivativeAcrossCorner(p.next, env, point.at.symbols);
    const lu = l === undefined && r !== undefined ? certainDefinedness(p.prev, point.at, p.deadline) : undefined;
    const ru = r === undefined && l !== undefined ? certainDefinedness(p.next, point.at, p.deadline) : undefined;
    if (!(lu?.kind === 'undefined' || ru?.kind === 'undefined')) continue;
    const why = (d: Definedness) => (d.kind === 'undefined' ? `undefined (${undefinednessWords(d.because)})` : '');
    return {
      values: point.values,
      lhs: l !== undefined ? rationalToString(l) : why(lu!),
      rhs: r !== undefined ? rationalToString(r) : why(ru!),
      seed: p.seed,
      how: 'exact point: the derivative exists there (its one-sided derivatives are exact and equal), the other side is certainly undefined',
    };
  }
  return undefined;
}
