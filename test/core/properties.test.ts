/**
 * Property tests of the core against the independent numeric layer:
 * - the normal form preserves values: nf(e), printed back, equals e wherever e is defined;
 * - every derivative (the table and the structural rules) matches a central
 *   finite difference computed at 50 digits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { type Expr, sym, call, num, add, mul } from '../../src/ir/expr.js';
import { emptyScope } from '../../src/ir/symbols.js';
import { rat } from '../../src/ir/rational.js';
import { toAscii } from '../../src/ir/print.js';
import { Normalizer, Undefined as NfUndefined } from '../../src/core/normal.js';
import { Meter, BudgetExceeded } from '../../src/core/budget.js';
import { eliminateDiff } from '../../src/core/derivative.js';
import { DERIVATIVE_RULES } from '../../src/core/rules.js';
import { diff } from '../../src/ir/expr.js';
import { arbExpr, arbPoint } from '../helpers/arbitrary.js';
import { Decimal, close, valueAt as value } from '../helpers/values.js';
import { runs } from '../helpers/runs.js';

describe('normal form preserves values', () => {
  it(`nf(e) equals e at every random point where e is defined (${runs(500)} expressions)`, () => {
    fc.assert(
      fc.property(arbExpr(), arbPoint, (e, p) => {
        const N = new Normalizer(new Map(), new Meter());
        let normal: Expr;
        try {
          normal = N.toExpr(N.nf(e));
        } catch (err) {
          if (err instanceof BudgetExceeded || err instanceof NfUndefined) return true;
          throw err;
        }
        const a = value(e, p);
        if (a === undefined || a.abs().gt(1e50)) return true;
        const b = value(normal, p);
        // where e is defined, its normal form must be defined and equal
        expect(b, `nf(${toAscii(e)}) = ${toAscii(normal)} at ${JSON.stringify(p)}`).toBeDefined();
        expect(
          close(a, b!, '1e-25'),
          `${toAscii(e)} = ${a} but nf ${toAscii(normal)} = ${b} at ${JSON.stringify(p)}`,
        ).toBe(true);
        return true;
      }),
      { numRuns: runs(500), seed: 42 },
    );
  });
});

/** central difference of e in x at 50 digits, step h */
function centralDifference(e: Expr, p: Record<string, string>, h: string): Decimal | undefined {
  const x = new Decimal(p.x!);
  const up = value(e, { ...p, x: x.plus(h).toString() });
  const down = value(e, { ...p, x: x.minus(h).toString() });
  if (up === undefined || down === undefined) return undefined;
  return up.minus(down).div(new Decimal(h).times(2));
}

describe('derivatives match finite differences', () => {
  it('each entry of the derivative table, at points of its domain', () => {
    const points = ['-0.7', '-0.2', '0.3', '0.45', '0.9', '1.7', '2.5'];
    for (const rule of DERIVATIVE_RULES) {
      // a function of two arguments (max, min): each partial, with the other argument fixed at 0.4
      const arity = rule.fn === 'max' || rule.fn === 'min' ? 2 : 1;
      for (let k = 0; k < arity; k++) {
        const args = arity === 1 ? [sym('x')] : k === 0 ? [sym('x'), num(rat(2, 5))] : [num(rat(2, 5)), sym('x')];
        let checked = 0;
        for (const x of points) {
          const f = call(rule.fn, args);
          const exact = value(rule.partials(args)[k]!, { x });
          const fd = centralDifference(f, { x }, '1e-20');
          if (exact === undefined || fd === undefined) continue;
          expect(close(exact, fd, '1e-25'), `${rule.id} at x = ${x}: table ${exact}, finite difference ${fd}`).toBe(
            true,
          );
          checked++;
        }
        expect(checked, `${rule.id} was checked at some point`).toBeGreaterThan(2);
      }
    }
  });
  it('the corners: abs at 0 and max, min where their arguments are equal have no derivative in the table', () => {
    for (const rule of DERIVATIVE_RULES.filter((r) => ['abs', 'max', 'min'].includes(r.fn))) {
      const args = rule.fn === 'abs' ? [sym('x')] : [sym('x'), num(0)];
      for (const p of rule.partials(args)) expect(value(p, { x: '0' }), rule.id).toBeUndefined();
    }
  });
  it(`the core's derivative of random expressions (the chain, product, quotient and power rules) (${runs(400)} expressions)`, () => {
    fc.assert(
      fc.property(arbExpr(['x', 'y'], 3), arbPoint, (e, p) => {
        const d = eliminateDiff(diff(e, sym('x')), new Map());
        const exact = value(d, p);
        const fd = centralDifference(e, p, '1e-18');
        if (exact === undefined || fd === undefined || exact.abs().gt(1e20)) return true;
        expect(
          close(exact, fd, '1e-20'),
          `d/dx ${toAscii(e)} = ${toAscii(d)}: ${exact} vs finite difference ${fd} at ${JSON.stringify(p)}`,
        ).toBe(true);
        return true;
      }),
      { numRuns: runs(400), seed: 7 },
    );
  });
  it("a wrong table entry would be caught: sigma' taken as sigma fails the same check", () => {
    const wrong = value(call('sigma', [sym('x')]), { x: '0.3' })!;
    const fd = centralDifference(call('sigma', [sym('x')]), { x: '0.3' }, '1e-20')!;
    expect(close(wrong, fd, '1e-25')).toBe(false);
    void emptyScope;
    void num;
    void add;
    void mul;
  });
});
