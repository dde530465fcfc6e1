/**
 * Branches of the core that no other unit test reached (coverage of the unit
 * suite, 2026-12-07): each is reached here and its behaviour asserted; where
 * the branch guards soundness, with the false neighbour a wrong version of it
 * would accept.
 */
import { describe, expect, it } from 'vitest';
import { call, num, sym, units } from '../../src/ir/expr.js';
import { rat } from '../../src/ir/rational.js';
import { decideEqual } from '../../src/core/equal.js';
import { Meter } from '../../src/core/budget.js';
import { Normalizer } from '../../src/core/normal.js';
import { derivativeRule, symbolicDerivative } from '../../src/core/derivative.js';
import { certainDefinedness, certainlyInDomain } from '../../src/core/defined-at.js';
import { isPositiveRange, rangeOf } from '../../src/core/sign.js';
import { BINARY, makeScope, POSITIVE, type ScopeSpec } from '../helpers/scope.js';
import { expectProved } from '../helpers/identity-check.js';

function decide(a: string, b: string, spec: ScopeSpec = {}) {
  const { scope, p } = makeScope(spec);
  return decideEqual(p(a), p(b), scope);
}

describe('definedness conditions whose expression cannot be normalized', () => {
  it('a condition past a budget is kept, keyed by its structure, never dropped (condition-keys.ts)', () => {
    // the log's argument has 65^2 terms, past MAX_TERMS; its derivative in z is 0, so only the condition is left
    const d = decide('diff(log((x + 1)^64 * (y + 1)^64 - 10), z)', '0');
    expect(d.proved).toBe(false);
    if (!d.proved) {
      expect(d.valuesAgree).toBe(true);
      expect(d.conditions.map((c) => [c.side, c.kind])).toEqual([['lhs', 'positive']]);
    }
  });
});

describe('certain definedness (defined-at.ts)', () => {
  it('a variable power is not certainly defined unless its base is positive', () => {
    const { scope, p } = makeScope({ vars: { x: POSITIVE } });
    expect(certainDefinedness(p('y^z'), scope).kind).toBe('unknown');
    expect(certainDefinedness(p('x^z'), scope).kind).toBe('defined');
  });
  it('a value in a binary domain is exactly 0 or 1', () => {
    const { scope } = makeScope({});
    expect(certainlyInDomain(num(0), BINARY, scope)).toBe(true);
    expect(certainlyInDomain(num(1), BINARY, scope)).toBe(true);
    expect(certainlyInDomain(num(rat(1, 2)), BINARY, scope)).toBe(false);
    expect(certainlyInDomain(num(2), BINARY, scope)).toBe(false);
    expect(certainlyInDomain(sym('x'), BINARY, scope)).toBe(false);
  });
});

describe('the differentiator (derivative.ts)', () => {
  it('a derivative of a derivative, taken inside out', () => {
    const { scope, p } = makeScope({});
    const d2 = symbolicDerivative(p('diff(x^3, x)'), sym('x'), scope.symbols);
    expect(decideEqual(d2, p('6*x'), scope).proved).toBe(true);
    expect(decideEqual(d2, p('3*x^2'), scope).proved).toBe(false);
  });
  it('the derivative of an opaque derivative stays opaque, and is 0 where declared independent', () => {
    expectProved('diff(diff(q, x)*x, x)', 'diff(q, x) + x*diff(diff(q, x), x)', { opaque: { q: {} } });
    expect(decide('diff(diff(q, x)*x, x)', 'diff(q, x)', { opaque: { q: {} } }).proved).toBe(false);
    expectProved('diff(diff(q, x)*y, y)', 'diff(q, x)', { opaque: { q: { independentOf: ['y'] } } });
  });
  it("a sum's index is renamed when the variable differentiated by names it", () => {
    const spec = { indices: ['i', 'j', 'k'], arrays: { w: { arity: 1 } } };
    expectProved('diff(sum(k, w[k]^2), w[k])', '2*w[k]', spec);
    // captured, the sum's k would be the variable's: every term would count, n times
    expect(decide('diff(sum(k, w[k]^2), w[k])', '2*n*w[k]', spec).proved).toBe(false);
    expect(decide('diff(sum(k, w[k]^2), w[k])', 'sum(k, 2*w[k])', spec).proved).toBe(false);
  });
  it('a derivative inside a power or a function is taken in place', () => {
    expectProved('sin(diff(x^2, x))', 'sin(2*x)');
    expectProved('diff(x^2, x)^2', '4*x^2');
    expect(decide('sin(diff(x^2, x))', 'sin(x^2)').proved).toBe(false);
  });
  it('a node that depends on no variable has derivative 0 by the constant rule', () => {
    const { scope } = makeScope({});
    const d = () => num(99);
    for (const e of [num(3), units()])
      expect(derivativeRule(e, sym('x'), scope.symbols, d)).toEqual({ rule: 'd.const', result: num(0) });
  });
});

describe('the normal form (normal.ts, radicals.ts)', () => {
  it('the number of units n is an atom of its own', () => {
    const { scope } = makeScope({});
    const N = new Normalizer(scope.symbols, new Meter());
    expect(N.toExpr(N.nf(units())).key).toBe(units().key);
  });
  it('a function with no normal form (an unfolded definition would be a bug) is refused loudly', () => {
    const { scope } = makeScope({});
    const N = new Normalizer(scope.symbols, new Meter());
    expect(() => N.nf(call('frob', [sym('x')]))).toThrow(/no normal form for function frob/);
  });
  it('a root order that does not divide 60 is its own', () => {
    const spec = { vars: { x: POSITIVE } };
    expectProved('(x^(1/7))^7', 'x', spec);
    expectProved('x^(1/7)*x^(1/7)', 'x^(2/7)', spec);
    expect(decide('x^(1/7)*x^(1/7)', 'x^(1/7)', spec).proved).toBe(false);
    expect(decide('(x^(1/7))^14', 'x', spec).proved).toBe(false);
  });
});

describe('the decision (equal.ts)', () => {
  it('a budget that runs out only in the difference of the sides names it, with both normal forms', () => {
    const d = decide('(x + 1)^40 * (y + 1)^40', '(z + 1)^40 * (u + 1)^60');
    expect(d.proved).toBe(false);
    if (!d.proved) {
      expect(d.because).toEqual({ kind: 'budget', bound: 'MAX_TERMS' });
      expect(d.lhsNormal).toBeDefined();
      expect(d.rhsNormal).toBeDefined();
    }
  });
});

describe('interval analysis of max and min (sign.ts)', () => {
  const { scope, p } = makeScope({ vars: { x: POSITIVE } });
  const range = (e: string) => rangeOf(p(e), scope.symbols);
  it('max: each end the larger of the two; min: the smaller', () => {
    expect(range('max(x, 2)')).toMatchObject({ lo: rat(2), loOpen: false, hi: undefined });
    expect(range('max(x - 5, 2)')).toMatchObject({ lo: rat(2), loOpen: false });
    expect(range('max(x, x + 1)')).toMatchObject({ lo: rat(1), loOpen: true });
    expect(range('min(x, 3)')).toMatchObject({ lo: rat(0), loOpen: true, hi: rat(3), hiOpen: false });
    expect(range('min(sin(x), 1/2)')).toMatchObject({ lo: rat(-1), hi: rat(1, 2), hiOpen: false });
  });
  it('a larger lower end shows a sign the smaller one would not (soundness both ways)', () => {
    expect(isPositiveRange(range('max(x - 5, 2)'))).toBe(true);
    expect(isPositiveRange(range('min(x - 5, 2)'))).toBe(false);
    // the condition of log(max(x - 5, 2)) holds everywhere; of log(min(x - 5, 2)) it does not
    expect(decide('diff(log(max(x - 5, 2)), y)', '0', { vars: { x: POSITIVE } }).proved).toBe(true);
    expect(decide('diff(log(min(x - 5, 2)), y)', '0', { vars: { x: POSITIVE } }).proved).toBe(false);
  });
});
