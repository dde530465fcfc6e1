/**
 * Substitution, alpha-renaming and case assumptions preserve meaning, checked
 * against an independent reference evaluator (test/helpers/reference-eval.ts)
 * on random expressions with sums, deltas, arrays and derivatives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Expr, type Variable, children, elem, mul, num, sum, sym, withChildren } from '../../src/ir/expr.js';
import { SubstitutionError, applyAssumptions, freeNames, occursFree, substitute } from '../../src/ir/substitute.js';
import { arbCaseAssumption, arbExpr, arbIndexTerm, arbPoint } from '../helpers/generators.js';
import { type RefPoint, referenceValue, sameValue, realPart } from '../helpers/reference-eval.js';
import { runs } from '../helpers/runs.js';

const RUNS = { numRuns: runs(400), seed: 17 };

/** the point with one scalar's value replaced */
const withValue = (p: RefPoint, key: string, v: number): RefPoint => ({
  ...p,
  values: new Map([...p.values, [key, v]]),
});

/** true when substituting x -> r into e must refuse: a diff binds x, or its variable is mentioned by r */
function bindingConflict(e: Expr, x: string, r: Expr): boolean {
  if (e.kind === 'diff' && occursFree(e, x)) {
    if (e.wrt.kind === 'sym' && e.wrt.name === x) return true;
    const v = e.wrt;
    const mentions = (y: Expr): boolean =>
      (v.kind === 'sym' ? y.kind === 'sym' && y.name === v.name : y.kind === 'elem' && y.name === v.name) ||
      children(y).some(mentions);
    if (occursFree(e.body, x) && mentions(r)) return true;
  }
  return children(e).some((c) => bindingConflict(c, x, r));
}

describe('substitution commutes with evaluation', () => {
  it('value of e[x := r] at a point = value of e with x set to the value of r there', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbExpr({ depth: 4 }), arbExpr({ depth: 2 }), arbPoint(), (e, r, p) => {
        const rv = realPart(referenceValue(r, p));
        fc.pre(rv !== undefined);
        let out: Expr;
        try {
          out = substitute(e, new Map([['x', r]]));
        } catch (err) {
          if (!(err instanceof SubstitutionError)) throw err;
          // refused only where a derivative binds x or r mentions a derivative's variable
          expect(bindingConflict(e, 'x', r)).toBe(true);
          return;
        }
        checked++;
        const want = referenceValue(e, withValue(p, 'x', rv!));
        expect(sameValue(referenceValue(out, p), want)).toBe(true);
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('value of e[i := t] at a point = value of e with the index i at the unit of t', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4 }), arbIndexTerm(), arbPoint(), (e, t, p) => {
        const out = substitute(e, new Map([['i', t]]));
        const unit = t.kind === 'num' ? Number(t.value.n) : p.units.get(t.name)!;
        const moved: RefPoint = { ...p, units: new Map([...p.units, ['i', unit]]) };
        expect(sameValue(referenceValue(out, p), referenceValue(e, moved))).toBe(true);
      }),
      RUNS,
    );
  });

  it('no free name of a replacement ends up bound (capture)', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4, diffs: false }), arbExpr({ depth: 2, diffs: false }), (e, r) => {
        fc.pre(occursFree(e, 'x'));
        const out = substitute(e, new Map([['x', r]]));
        const free = freeNames(out);
        for (const n of freeNames(r)) expect(free.has(n)).toBe(true);
      }),
      RUNS,
    );
  });
});

/** e with every sum's index renamed to a fresh name */
function alphaRename(e: Expr, counter = { n: 0 }): Expr {
  if (e.kind === 'sum') {
    const fresh = `%a${++counter.n}`;
    return sum(fresh, alphaRename(substitute(e.body, new Map([[e.index, sym(fresh)]])), counter));
  }
  const cs = children(e);
  if (cs.length === 0) return e;
  const ns = cs.map((c) => alphaRename(c, counter));
  return ns.every((n, k) => n === cs[k]) ? e : withChildren(e, ns);
}

describe('alpha-renaming', () => {
  it('renaming bound indices never changes a value', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4 }), arbPoint(), (e, p) => {
        const renamed = alphaRename(e);
        expect(sameValue(referenceValue(renamed, p), referenceValue(e, p))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('case assumptions', () => {
  it('putting in an assumed value keeps the value at every point that satisfies the assumption', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4, diffs: false }), arbCaseAssumption(), arbPoint(), (e, a, p) => {
        const v = a.variable as Extract<Variable, { kind: 'elem' }>;
        const t = v.indices[0]!;
        const unit = t.kind === 'num' ? Number(t.value.n) : p.units.get(t.name)!;
        const satisfying = withValue(p, `s[${unit}]`, Number((a.value as ReturnType<typeof num>).value.n));
        const out = applyAssumptions(e, [a]);
        expect(sameValue(referenceValue(out, satisfying), referenceValue(e, satisfying))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a sum that binds the index of the assumed element is about every unit, not the assumed one', () => {
    const arb = fc.tuple(
      fc.constantFrom('i', 'j', 'k'),
      arbExpr({ depth: 3, diffs: false }),
      fc.constantFrom(0, 1),
      arbPoint(),
    );
    fc.assert(
      fc.property(arb, ([m, body, v, p]) => {
        const e = sum(m, mul([body, elem('s', [sym(m)])]));
        const a = { variable: elem('s', [sym(m)]) as Variable, value: num(v) };
        const satisfying = withValue(p, `s[${p.units.get(m)}]`, v);
        expect(sameValue(referenceValue(applyAssumptions(e, [a]), satisfying), referenceValue(e, satisfying))).toBe(
          true,
        );
      }),
      RUNS,
    );
  });

  it('inside "for every k" (a bound index), an assumption about s[k] of the free k is not applied', () => {
    const e = sum('k', sym('x'));
    const a = { variable: { kind: 'elem', name: 's', indices: [sym('k')], key: 's[k]' } as Variable, value: num(1) };
    expect(applyAssumptions(e, [a]).key).toBe(e.key);
    const cond = { kind: 'elem', name: 's', indices: [sym('k')], key: 's[k]' } as Expr;
    expect(applyAssumptions(cond, [a], new Set(['k'])).key).toBe('s[k]');
    expect(applyAssumptions(cond, [a]).key).toBe('1');
  });
});
