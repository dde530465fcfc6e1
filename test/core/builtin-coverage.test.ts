/**
 * Every built-in function of src/ir/operators.ts is known everywhere a
 * function's facts live: definedness (a record, never "no condition" by
 * default), interval analysis (its range contains its values), the
 * derivative table and the numeric layer's evaluator.
 */
import { describe, expect, it } from 'vitest';
import { type Expr, call, sym } from '../../src/ir/expr.js';
import { BUILTINS } from '../../src/ir/operators.js';
import { emptyScope } from '../../src/ir/symbols.js';
import { decideEqual } from '../../src/core/equal.js';
import { FUNCTION_CONDITIONS, UnknownFunction, conditionsOf } from '../../src/core/definedness.js';
import { DERIVATIVE_BY_FN } from '../../src/core/rules.js';
import { rangeOf } from '../../src/core/sign.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { isUndefined, realPart } from '../../src/numeric/numbers.js';
import { isEvaluableFunction } from '../../src/numeric/corners.js';

const x = sym('x');
const y = sym('y');
const argsFor = (arity: number): Expr[] => [x, y, sym('z')].slice(0, arity);
const POINTS = ['-3', '-2', '-1', '-0.5', '0', '0.25', '0.5', '1', '2', '3'];
/** functions whose range on a free argument is honestly the whole line */
const UNBOUNDED = new Set(['tan', 'log', 'sinh', 'abs', 'max', 'min']);

const names = [...BUILTINS.keys()];

describe('every built-in function is covered', () => {
  it.each(names)('%s has a definedness record, a derivative rule and a numeric formula', (fn) => {
    expect(FUNCTION_CONDITIONS.has(fn)).toBe(true);
    expect(DERIVATIVE_BY_FN.has(fn)).toBe(true);
    expect(isEvaluableFunction(fn)).toBe(true);
  });

  it.each(names)('%s: definedness conditions hold exactly where the evaluator gives a value', (fn) => {
    const e = call(fn, argsFor(BUILTINS.get(fn)!.arity));
    const conditions = conditionsOf(e);
    for (const p of POINTS) {
      const at = { x: p, y: p, z: p };
      const value = evaluateAtPoint(e, at, 50);
      const holds = conditions.every((c) => {
        const v = evaluateAtPoint(c.expr, at, 50);
        if (isUndefined(v)) return false;
        const s = realPart(v).toNumber();
        return c.kind === 'nonzero'
          ? s !== 0
          : c.kind === 'positive'
            ? s > 0
            : c.kind === 'nonnegative'
              ? s >= 0
              : true;
      });
      expect(holds, `${fn} at ${p}`).toBe(!isUndefined(value));
    }
  });

  it.each(names)('%s: interval analysis contains every value, and is bounded unless listed', (fn) => {
    const e = call(fn, argsFor(BUILTINS.get(fn)!.arity));
    const r = rangeOf(e, emptyScope().symbols);
    if (!UNBOUNDED.has(fn)) expect(r.lo !== undefined || r.hi !== undefined, fn).toBe(true);
    for (const p of POINTS) {
      const v = evaluateAtPoint(e, { x: p, y: p, z: p }, 50);
      if (isUndefined(v)) continue;
      const s = realPart(v).toNumber();
      if (r.lo !== undefined) expect(s, `${fn}(${p})`).toBeGreaterThanOrEqual(Number(r.lo.n) / Number(r.lo.d));
      if (r.hi !== undefined) expect(s, `${fn}(${p})`).toBeLessThanOrEqual(Number(r.hi.n) / Number(r.hi.d));
    }
  });
});

describe('a function definedness does not know', () => {
  it('makes conditionsOf throw rather than add no condition', () => {
    expect(() => conditionsOf(call('frobnicate', [x]))).toThrow(UnknownFunction);
    // an inherited property name is not a record either
    expect(() => conditionsOf(call('constructor', [x]))).toThrow(UnknownFunction);
  });

  it('is never proved', () => {
    const f = call('frobnicate', [x]);
    const d = decideEqual(f, f, emptyScope());
    expect(d.proved).toBe(false);
  });
});
