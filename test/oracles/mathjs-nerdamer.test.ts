/**
 * Independent derivative oracles: our derivative (the core's eliminateDiff,
 * valued at 50 digits by the numeric evaluator) against mathjs's `derivative`
 * and nerdamer's `diff` (each valued in float64 by its own library), on
 * random expressions in x at a few moderate points. mathjs evaluates here, in
 * a test, never in src/. Where an oracle disagrees, a 50-digit central
 * difference of the original expression decides who is wrong: a disagreement
 * that the difference confirms as ours fails the test; one it confirms as the
 * oracle's is a known oracle bug, counted and shown.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivative } from 'mathjs';
import nerdamer from 'nerdamer';
import 'nerdamer/Calculus.js';
import { type Expr, add, call, diff, div, mul, num, pow, sym, children, withChildren } from '../../src/ir/expr.js';
import { rat } from '../../src/ir/rational.js';
import { toAscii } from '../../src/ir/print.js';
import { eliminateDiff } from '../../src/core/derivative.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { Decimal } from '../../src/numeric/decimal.js';
import { arbExpr } from '../helpers/arbitrary.js';

/** moderate points: nerdamer writes e as a ratio of huge powers, which overflows far from 0 */
const POINTS = ['0.7', '-1.3', '2.1', '0.35'] as const;
/** why 1e-6: the oracles evaluate in float64, and random expressions lose some digits to cancellation */
const TOLERANCE = 1e-6;
/** values past this are compared no more: float64 cancellation grows with them */
const MODERATE = 1e6;
const RUNS = 300;
const SEED = 20240606;
/** why: 300 expressions, each differentiated by a library and valued at 4 points at 50 digits; seconds alone, more on a loaded machine */
const TIMEOUT_MS = 120_000;

/** sigma is ours alone; both oracles get its definition, 1/(1+exp(-u)) */
function withoutSigma(e: Expr): Expr {
  const cs = children(e).map(withoutSigma);
  const rebuilt = cs.length ? withChildren(e, cs) : e;
  if (rebuilt.kind === 'call' && rebuilt.fn === 'sigma')
    return div(num(1), add([num(1), call('exp', [mul([num(-1), rebuilt.args[0]!])])]));
  return rebuilt;
}

/** nerdamer mistakes sqrt(u)^k (d/dx sqrt(x)^3/(x-1) at 2 gives -0.968, not -0.707); u^(1/2) it gets right */
function sqrtAsPower(e: Expr): Expr {
  const cs = children(e).map(sqrtAsPower);
  const rebuilt = cs.length ? withChildren(e, cs) : e;
  if (rebuilt.kind === 'call' && rebuilt.fn === 'sqrt') return pow(rebuilt.args[0]!, num(rat(1, 2)));
  return rebuilt;
}

/** our derivative at x, or undefined where it is not a moderate real */
function ours(e: Expr, x: string): Decimal | undefined {
  const d = eliminateDiff(diff(e, sym('x')), new Map());
  const v = evaluateAtPoint(d, { x });
  return v instanceof NotDefined || !(v instanceof Decimal) || v.abs().gt(MODERATE) ? undefined : v;
}

/** a private 60-digit decimal, so x ± h is exact */
const D = Decimal.clone({ precision: 60 });

/** the central difference of e at x with step 1e-20, valued at 50 digits: an independent referee (error about h^2) */
function centralDifference(e: Expr, x: string): number | undefined {
  const h = new D('1e-20');
  const at = (p: InstanceType<typeof D>) => evaluateAtPoint(e, { x: p.toFixed() });
  const hi = at(new D(x).plus(h));
  const lo = at(new D(x).minus(h));
  if (hi instanceof NotDefined || lo instanceof NotDefined) return undefined;
  return new D(hi.toString()).minus(new D(lo.toString())).div(h.times(2)).toNumber();
}

const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
const moderate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MODERATE;

interface Tally {
  compared: number;
  /** expressions the oracle could not differentiate (it throws on 1/0 and complex constants) */
  refused: number;
  oracleWrong: string[];
}

/** the oracle's derivative as a float function, or undefined when the library throws on the expression */
function attempt<T>(f: () => T, tally: Tally): T | undefined {
  try {
    return f();
  } catch {
    tally.refused++;
    return undefined;
  }
}

/** compare ours with one oracle at every point; throw when the referee sides with the oracle */
function check(e: Expr, oracle: (x: number) => unknown, name: string, tally: Tally): void {
  for (const x of POINTS) {
    const mine = ours(e, x);
    let theirs: unknown;
    try {
      theirs = oracle(Number(x));
    } catch {
      continue; // the oracle cannot value it (complex intermediate and the like): nothing to compare
    }
    if (mine === undefined || !moderate(theirs)) continue;
    tally.compared++;
    if (close(mine.toNumber(), theirs)) continue;
    const referee = centralDifference(e, x);
    const text = `${name}: d/dx ${toAscii(e)} at x = ${x}: ours ${mine.toSignificantDigits(12)}, ${name} ${theirs}, central difference ${referee}`;
    if (referee !== undefined && close(mine.toNumber(), referee) && !close(theirs, referee)) {
      tally.oracleWrong.push(text);
      continue;
    }
    throw new Error(text);
  }
}

describe('our derivative against independent oracles', () => {
  it(
    `agrees with mathjs's derivative (${RUNS} random expressions, float64 values to ${TOLERANCE})`,
    () => {
      const tally: Tally = { compared: 0, refused: 0, oracleWrong: [] };
      fc.assert(
        fc.property(arbExpr(['x'], 3), (e) => {
          const text = toAscii(withoutSigma(e));
          const d = attempt(() => derivative(text, 'x'), tally);
          if (d) check(e, (x) => d.evaluate({ x }), 'mathjs', tally);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.info(`mathjs: ${tally.compared} values compared, ${tally.refused} expressions refused`);
      if (tally.oracleWrong.length)
        console.info(`mathjs mistakes confirmed by the central difference:\n${tally.oracleWrong.join('\n')}`);
      // not vacuous: most expressions have moderate real derivatives at some of the points
      expect(tally.compared).toBeGreaterThan(RUNS);
    },
    TIMEOUT_MS,
  );

  it(
    `agrees with nerdamer's diff (${RUNS} random expressions, float64 values to ${TOLERANCE})`,
    () => {
      const tally: Tally = { compared: 0, refused: 0, oracleWrong: [] };
      fc.assert(
        fc.property(arbExpr(['x'], 3), (e) => {
          const text = toAscii(sqrtAsPower(withoutSigma(e)));
          const f = attempt(() => nerdamer.diff(text, 'x').buildFunction(['x']), tally);
          if (f) check(e, (x) => f(x), 'nerdamer', tally);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.info(`nerdamer: ${tally.compared} values compared, ${tally.refused} expressions refused`);
      if (tally.oracleWrong.length)
        console.info(`nerdamer mistakes confirmed by the central difference:\n${tally.oracleWrong.join('\n')}`);
      expect(tally.compared).toBeGreaterThan(RUNS);
    },
    TIMEOUT_MS,
  );
});
