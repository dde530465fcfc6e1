/**
 * Property tests of the core's interval analysis and definedness conditions
 * against the numeric layer's 40-digit evaluation (independent of the core):
 *
 * - sign: wherever a random expression is defined, its value lies inside
 *   `rangeOf` (an exact zero never where the range excludes 0);
 * - definedness: an expression is undefined (a domain problem, not overflow)
 *   exactly when one of `conditionsOf` fails, for every unit its bound
 *   indices take.
 *
 * Expressions come from both generators: test/helpers/generators.ts's world
 * (sums, deltas, indexed arrays w[a, b], binary s[a], the number of units)
 * with x positive and y in (0, 1), and test/helpers/arbitrary.ts's (every
 * built-in, fractional powers) over real x and y.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Condition, conditionsOf } from '../../src/core/definedness.js';
import { type Range, rangeOf } from '../../src/core/sign.js';
import type { Expr } from '../../src/ir/expr.js';
import { toAscii } from '../../src/ir/print.js';
import { type Domain, type SymbolDecl, REAL, emptyScope } from '../../src/ir/symbols.js';
import { type Decimal, decimalClone } from '../../src/numeric/decimal.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { DecimalField } from '../../src/numeric/field.js';
import { type FieldNum, realPart } from '../../src/numeric/numbers.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { arbExpr as arbExprXY, arbPoint as arbPointXY } from '../helpers/arbitrary.js';
import { WORLD, arbExpr as arbWorldExpr, arbPoint as arbWorldPoint } from '../helpers/generators.js';
import { runs } from '../helpers/runs.js';
import { BINARY, POSITIVE, PROBABILITY } from '../helpers/scope.js';

/** a point to evaluate at: the number of units, each free index's unit, each atom's value as exact text */
interface Point {
  readonly n: number | undefined;
  readonly units: ReadonlyMap<string, number>;
  readonly values: ReadonlyMap<string, string>;
}

const scalar = (name: string, domain: Domain): SymbolDecl => ({
  kind: 'scalar',
  name,
  domain,
  opaque: false,
  independentOf: [],
});

/** the world's declarations: indices, w real, s binary, x positive, y in (0, 1) */
const WORLD_SYMBOLS = new Map<string, SymbolDecl>([
  ...WORLD.indices.map((i): [string, SymbolDecl] => [i, { kind: 'index', name: i }]),
  ['w', { kind: 'array', name: 'w', arity: 2, domain: REAL }],
  ['s', { kind: 'array', name: 's', arity: 1, domain: BINARY }],
  ['x', scalar('x', POSITIVE)],
  ['y', scalar('y', PROBABILITY)],
]);
const XY_SYMBOLS = new Map<string, SymbolDecl>([
  ['x', scalar('x', REAL)],
  ['y', scalar('y', REAL)],
]);

const IN_PROBABILITY = ['0.1', '0.25', '0.5', '0.75', '0.9'];

/** a point of the world with x moved into (0, inf) and y into (0, 1) */
const worldPoint: fc.Arbitrary<Point> = arbWorldPoint().map((p) => {
  const values = new Map([...p.values].map(([k, v]): [string, string] => [k, String(v)]));
  values.set('x', String(Math.abs(p.values.get('x')!) + 0.25));
  values.set('y', IN_PROBABILITY[Math.round(Math.abs(p.values.get('y')!) * 2) % IN_PROBABILITY.length]!);
  return { n: p.n, units: p.units, values };
});
const xyPoint: fc.Arbitrary<Point> = arbPointXY.map((p) => ({
  n: undefined,
  units: new Map(),
  values: new Map(Object.entries(p)),
}));

/** e at the point, 40 digits, with `units` overriding the point's units of some indices */
function valueAt(e: Expr, p: Point, units: ReadonlyMap<string, number> = new Map()): FieldNum | NotDefined {
  const field = new DecimalField(40, { used: 0, limit: 1e7 });
  const values = new Map([...p.values].map(([k, v]): [string, FieldNum] => [k, field.real(v)]));
  const env = { field, scope: emptyScope(), n: p.n, units: new Map([...p.units, ...units]), values };
  return evaluate(e, { ...env, opaque: new Map() });
}

/** decimals with room for the ends' slack below (the global configuration keeps 20 digits) */
const D = decimalClone({ precision: 80 });

/** true when v lies in r, up to the 40-digit evaluation's rounding at the ends */
function inside(v: Decimal, r: Range): boolean {
  const slack = (end: Decimal) => D.max(1, end.abs()).times('1e-30');
  if (r.lo !== undefined) {
    const lo = new D(r.lo.n.toString()).div(r.lo.d.toString());
    if (v.lt(lo.minus(slack(lo)))) return false;
  }
  if (r.hi !== undefined) {
    const hi = new D(r.hi.n.toString()).div(r.hi.d.toString());
    if (v.gt(hi.plus(slack(hi)))) return false;
  }
  return !(r.nonzero && v.isZero());
}

/** every assignment of units 1..n to the names (bound indices), outermost first */
function assignments(names: readonly string[], n: number | undefined): Map<string, number>[] {
  let out = [new Map<string, number>()];
  for (const name of names)
    out = out.flatMap((m) => Array.from({ length: n ?? 1 }, (_, u) => new Map([...m, [name, u + 1]])));
  return out;
}

/** whether c holds at p for every unit of its bound indices: 'fails', 'holds', or 'unusable' (overflow, budget) */
function conditionAt(c: Condition, p: Point): 'fails' | 'holds' | 'unusable' {
  let unusable = false;
  for (const units of assignments(c.forAll, p.n)) {
    const v = valueAt(c.expr, p, units);
    if (v instanceof NotDefined) {
      if (v.cause !== 'domain') unusable = true;
      else return 'fails';
      continue;
    }
    const r = realPart(v);
    const holds =
      c.kind === 'defined' ||
      (c.kind === 'nonzero' && !r.isZero()) ||
      (c.kind === 'positive' && r.gt(0)) ||
      (c.kind === 'nonnegative' && r.gte(0));
    if (!holds) return 'fails';
  }
  return unusable ? 'unusable' : 'holds';
}

const SOURCES = [
  {
    name: "generators.ts's world (sums, deltas, w, binary s, n)",
    expr: arbWorldExpr({ depth: 3, diffs: false }),
    point: worldPoint,
    symbols: WORLD_SYMBOLS,
  },
  {
    name: "arbitrary.ts's (every built-in, fractional powers) over real x, y",
    expr: arbExprXY(['x', 'y'], 3),
    point: xyPoint,
    symbols: XY_SYMBOLS,
  },
];

describe.each(SOURCES)('random expressions of $name', ({ expr, point, symbols }) => {
  it('a defined value lies inside rangeOf', () => {
    let checked = 0;
    fc.assert(
      fc.property(expr, point, (e, p) => {
        const v = valueAt(e, p);
        if (v instanceof NotDefined) return;
        const r = rangeOf(e, symbols);
        const value = realPart(v);
        const where = `${toAscii(e)} = ${value.toSignificantDigits(20)} at ${JSON.stringify([...p.values])}`;
        expect(
          inside(value, r),
          `${where}, range ${JSON.stringify(r, (_, x) => (typeof x === 'bigint' ? String(x) : x))}`,
        ).toBe(true);
        checked++;
      }),
      { numRuns: runs(400), seed: 31 },
    );
    expect(checked).toBeGreaterThan(runs(400) / 4);
  });

  it('undefined (a domain problem) exactly when a condition of conditionsOf fails', () => {
    let undefinedSeen = 0;
    fc.assert(
      fc.property(expr, point, (e, p) => {
        const v = valueAt(e, p);
        if (v instanceof NotDefined && v.cause !== 'domain') return;
        const verdicts = conditionsOf(e).map((c) => conditionAt(c, p));
        if (verdicts.includes('unusable') && !verdicts.includes('fails')) return;
        const where = `${toAscii(e)} at ${JSON.stringify([...p.values])}, units ${JSON.stringify([...p.units])}`;
        expect(verdicts.includes('fails'), `${where}: ${v instanceof NotDefined ? v.reason : 'defined'}`).toBe(
          v instanceof NotDefined,
        );
        if (v instanceof NotDefined) undefinedSeen++;
      }),
      // why: not shortened in quick runs: undefined points are rare in the world (x > 0, 0 < y < 1), a fifth may hold none
      { numRuns: 400, seed: 37 },
    );
    expect(undefinedSeen).toBeGreaterThan(0);
  });
});
