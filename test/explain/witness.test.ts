/**
 * The witness search proposes exact points where a definedness condition
 * fails. Every proposal is checked here with the core's exact normal form:
 * the condition's expression, with the value substituted, is exactly 0 (or
 * exactly negative, for points where a sign condition fails).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, call, constant, elem, mul, num, pow, sym } from '../../src/ir/expr.js';
import { type Rational, rat, rationalToString, rcmp, rsign } from '../../src/ir/rational.js';
import { toAscii } from '../../src/ir/print.js';
import { substitute } from '../../src/ir/substitute.js';
import { Normalizer } from '../../src/core/normal.js';
import { Meter } from '../../src/core/budget.js';
import { rfConstantValue } from '../../src/core/ratfunc.js';
import { decideEqual } from '../../src/core/equal.js';
import type { ConditionKind } from '../../src/core/definedness.js';
import { proposeWitnesses, type WitnessCandidate } from '../../src/explain/witness.js';
import { rationalRoots, univariate } from '../../src/explain/univariate.js';
import { makeScope } from '../helpers/scope.js';
import { runs } from '../helpers/runs.js';

const x = sym('x');
const { p } = makeScope({ indices: ['i', 'k'], arrays: { w: { arity: 2 } } });

/** the exact value of e with the candidate substituted, by the core's normal form, when it is a rational */
function exactValueAt(e: Expr, w: WitnessCandidate): Rational | undefined {
  const at = w.variable.kind === 'sym' ? substitute(e, new Map([[w.variable.name, w.value]])) : replaceKey(e, w);
  return rfConstantValue(new Normalizer(new Map(), new Meter()).nf(at));
}
function replaceKey(e: Expr, w: WitnessCandidate): Expr {
  if (e.key === w.variable.key) return w.value;
  if (e.kind === 'add') return add(e.terms.map((t) => replaceKey(t, w)));
  if (e.kind === 'mul') return mul(e.factors.map((t) => replaceKey(t, w)));
  if (e.kind === 'pow') return pow(replaceKey(e.base, w), e.exp);
  if (e.kind === 'call')
    return call(
      e.fn,
      e.args.map((t) => replaceKey(t, w)),
    );
  return e;
}
/** a value as text: a rational without brackets */
const show = (e: Expr) => (e.kind === 'num' ? rationalToString(e.value) : toAscii(e));
const valuesOf = (kind: ConditionKind, text: string) =>
  proposeWitnesses([{ kind, expr: p(text), forAll: [] }]).map((w) => `${toAscii(w.variable)}=${show(w.value)}`);

/** every candidate fails its condition exactly: the expression is 0 there, or negative for a sign condition */
function failsExactly(kind: ConditionKind, e: Expr, w: WitnessCandidate): boolean {
  const target = kind === 'defined' && e.kind === 'pow' ? e.base : e;
  const v = exactValueAt(target, w);
  if (v === undefined) return false;
  return kind === 'nonzero' ? rsign(v) === 0 : kind === 'nonnegative' ? rsign(v) < 0 : rsign(v) <= 0;
}

describe('witness candidates for the reproduced conditions', () => {
  it('rational roots of a polynomial denominator: x^2 - 3x + 2 gives 1 and 2', () => {
    expect(valuesOf('nonzero', 'x^2 - 3*x + 2')).toEqual(['x=1', 'x=2']);
  });
  it('a repeated root once, however the polynomial is written', () => {
    expect(valuesOf('nonzero', '(x - 1)^2')).toEqual(['x=1']);
    expect(valuesOf('nonzero', 'x^2 - 2*x + 1')).toEqual(['x=1']);
    expect(valuesOf('nonzero', '(2*x - 3)*(x + 5)*(x^2 + 1)')).toEqual(['x=-5', 'x=3/2']);
  });
  it('0 for a scalar or an array element under a sum that must be nonzero', () => {
    expect(valuesOf('nonzero', 'x')).toEqual(['x=0']);
    const [w] = proposeWitnesses([{ kind: 'nonzero', expr: elem('w', [sym('i'), sym('%c1')]), forAll: ['%c1'] }]);
    expect(w && `${toAscii(w.variable)}=${show(w.value)}`).toBe('w[i, %c1]=0');
  });
  it('tan poles: zeros of cos(a x + b) as exact multiples of pi', () => {
    expect(valuesOf('nonzero', 'cos(x)')).toEqual([
      'x=1/2 * pi',
      'x=-1/2 * pi',
      'x=3/2 * pi',
      'x=-3/2 * pi',
      'x=5/2 * pi',
    ]);
    const ws = proposeWitnesses([{ kind: 'nonzero', expr: p('cos(2*x + 1)'), forAll: [] }]);
    expect(ws).toHaveLength(5);
    for (const w of ws) expect(failsExactly('nonzero', p('cos(2*x + 1)'), w), toAscii(w.value)).toBe(true);
    expect(valuesOf('nonzero', 'cos(pi*x)')).toContain('x=1/2');
  });
  it('points where a sign condition fails: a log argument, a square root, an asin argument', () => {
    expect(valuesOf('positive', 'x - 3')).toEqual(expect.arrayContaining(['x=3', 'x=0']));
    expect(valuesOf('nonnegative', 'x')).toEqual(expect.arrayContaining(['x=-1']));
    expect(valuesOf('nonnegative', 'x')).not.toContain('x=0');
    expect(valuesOf('nonnegative', '1 - x^2')).toEqual(expect.arrayContaining(['x=2', 'x=-2']));
    expect(valuesOf('nonnegative', '1 + x^2')).toEqual([]);
  });
  it('nothing for conditions it cannot solve in closed form', () => {
    expect(valuesOf('nonzero', 'x - y')).toEqual([]);
    expect(valuesOf('nonzero', 'exp(x) - 2')).toEqual([]);
    expect(valuesOf('nonzero', 'x^2 + 1')).toEqual([]);
  });
  it('from the core decision to candidates: (x^2-3x+2)/(x^2-3x+2) = 1', () => {
    const { scope, p: q } = makeScope({});
    const d = decideEqual(q('(x^2 - 3*x + 2)/(x^2 - 3*x + 2)'), q('1'), scope);
    expect(d.proved).toBe(false);
    if (d.proved) return;
    const ws = proposeWitnesses(d.conditions);
    expect(ws.map((w) => show(w.value))).toEqual(['1', '2']);
  });
});

/** small rationals p/q, |p| <= 60, 1 <= q <= 12 */
const smallRational = fc
  .tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: 1, max: 12 }))
  .map(([a, b]) => rat(a, b));
/** (q x - p) for the root p/q */
const factorOf = (r: Rational): Expr => add([mul([num(r.d), x]), num(-r.n)]);

describe('witness search properties', () => {
  it('every rational root of a product of linear factors and x^2 + c is found, and nothing else is proposed', () => {
    fc.assert(
      fc.property(
        fc.array(smallRational, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -9, max: 9 }).filter((c) => c !== 0),
        (roots, c, lead) => {
          const e = mul([num(lead), ...roots.map(factorOf), add([pow(x, num(2)), num(c)])]);
          const ws = proposeWitnesses([{ kind: 'nonzero', expr: e, forAll: [] }]);
          for (const w of ws) expect(failsExactly('nonzero', e, w)).toBe(true);
          const found = ws.map((w) => (w.value.kind === 'num' ? w.value.value : undefined));
          const distinct = [...new Map(roots.map((r) => [`${r.n}/${r.d}`, r])).values()].sort(rcmp);
          expect(found).toEqual(distinct);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('roots at huge integers (2^31, 2^32, 2^53 + 1, 2^64) are found exactly', () => {
    const huge = [2n ** 31n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 53n - 1n, 2n ** 64n];
    fc.assert(
      fc.property(fc.constantFrom(...huge), fc.constantFrom(1n, -1n), fc.integer({ min: 1, max: 7 }), (n, s, k) => {
        const r = rat(s * n, BigInt(k));
        const e = mul([factorOf(r), add([x, num(-1)])]);
        const ws = proposeWitnesses([{ kind: 'nonzero', expr: e, forAll: [] }]);
        for (const w of ws) expect(failsExactly('nonzero', e, w)).toBe(true);
        expect(ws.map((w) => show(w.value))).toContain(rationalToString(r));
      }),
      { numRuns: runs(60) },
    );
  });

  it('every zero proposed for cos(a x + b) and sin(a x + b) is exactly a zero (checked by the core)', () => {
    fc.assert(
      fc.property(
        smallRational.filter((a) => rsign(a) !== 0),
        smallRational,
        fc.constantFrom('cos', 'sin'),
        fc.boolean(),
        (a, b, fn, withPi) => {
          const inner = add([mul([num(a), x]), num(b)]);
          const e = call(fn, [withPi ? mul([constant('pi'), inner]) : inner]);
          const ws = proposeWitnesses([{ kind: 'nonzero', expr: e, forAll: [] }]);
          expect(ws.length).toBeGreaterThan(0);
          for (const w of ws) expect(failsExactly('nonzero', e, w), toAscii(w.value)).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('every point proposed for a sign condition makes it fail exactly', () => {
    fc.assert(
      fc.property(
        fc.array(smallRational, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<ConditionKind>('positive', 'nonnegative', 'defined'),
        (roots, kind) => {
          const poly = mul(roots.map(factorOf));
          const e = kind === 'defined' ? pow(poly, sym('y')) : poly;
          for (const w of proposeWitnesses([{ kind, expr: e, forAll: [] }]))
            expect(failsExactly(kind, e, w), toAscii(w.value)).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('the polynomial reader and the root finder agree with exact evaluation on random inputs', () => {
    fc.assert(
      fc.property(fc.array(smallRational, { minLength: 1, maxLength: 4 }), (roots) => {
        const poly = univariate(mul(roots.map(factorOf)));
        expect(poly?.coeffs.length).toBe(roots.length + 1);
        expect(rationalRoots(poly!.coeffs).length).toBe(new Set(roots.map((r) => `${r.n}/${r.d}`)).size);
      }),
    );
  });
});
