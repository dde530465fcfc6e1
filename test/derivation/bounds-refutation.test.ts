/**
 * Steps with a power too large to compute (x^(10^(10^10))) are refuted at an
 * exact point by exact bounds (src/derivation/bounds-refutation.ts), never a
 * true one: the false neighbours fail with a point the values of which are
 * the facts, the true neighbours are never `failed`. The evaluator agrees
 * with exact evaluation wherever the power can be computed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownAtPoint, knownText, refutedByBounds } from '../../src/derivation/bounds-refutation.js';
import type { Known } from '../../src/derivation/exact-bounds.js';
import { verifyText } from '../../src/derivation/verify.js';
import { type Expr, add, mul, num, pow, sym } from '../../src/ir/expr.js';
import { type Rational, ONE, ZERO, radd, rat, rcmp, requal, rmul, rpow, rsign } from '../../src/ir/rational.js';
import { emptyScope } from '../../src/ir/symbols.js';
import { emptyParseEnv, parseExpression } from '../../src/parse/expression.js';
import { runs } from '../helpers/runs.js';

function read(text: string): Expr {
  const r = parseExpression(text, emptyParseEnv());
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

const last = (a: string, b: string, symbols = '') =>
  verifyText('t.yaml', `title: t\n${symbols}steps:\n  - expr: "${a}"\n  - expr: "${b}"\n`, {
    seed: 1,
    strict: false,
  }).steps.at(-1)!;

describe('false steps with a tower exponent fail, at an exact point', () => {
  it('x^(10^10^10) = x fails at x = -1 (1 against -1, 10^(10^10) is even), both values exact', () => {
    const s = last('x^(10^10^10)', 'x');
    expect(s.status).toBe('failed');
    expect(s.counterexample).toMatchObject({ values: { x: '-1' }, lhs: '1', rhs: '-1' });
    expect(s.counterexample?.how).toMatch(/^exact point/);
    expect(s.message).toMatch(/without computing the large power/);
  });
  it('on x > 0, x^(10^10^10) = x fails at x = 2 by a bound: 2^N >= 2^2048', () => {
    const s = last('x^(10^10^10)', 'x', 'symbols:\n  x: {domain: positive}\n');
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values).toEqual({ x: '2' });
    expect(s.counterexample?.lhs).toMatch(/^an even whole number >= 10\^\d+$/);
  });
  it.each([
    ['x^(10^(10^10)+1)', 'x'],
    ['x^(10^10^10)', 'x^(10^10^10+1)'],
    ['(1/2)^(10^10^10)', '0'],
    ['(1/2)^(10^10^10)', '1/2'],
    ['x^(10^10^10)', '0'],
    ['(-2)^(10^10^10+1)', '2^(10^10^10+1)'],
    ['(-1)^(10^(10^10)+1)', '1'],
    ['x^(-10^10^10)', '0'],
    ['2^(10^10^10)', '2^(10^10^10) + 1'],
    ['diff(x^(10^10^10), x)', '0'],
    // like x/x = 1: at x = 0 the left side divides by 0, the right side is 0^(10^(10^10) - 1) = 0
    ['x^(10^10^10) / x', 'x^(10^10^10-1)'],
  ])('%s = %s fails', (a, b) => {
    const s = last(a, b);
    expect(s.status).toBe('failed');
    expect(s.counterexample?.how).toMatch(/^exact point/);
  });
});

describe('open intervals with no small integer inside', () => {
  it.each([
    ['x^(10^10^10)', '1', '"(1, 2)"', '3/2'],
    ['x^(10^10^10+1)', 'x^(10^10^10)', '"(-1, 0)"', '-1/2'],
  ])('%s = %s on x in %s fails at x = %s', (a, b, domain, x) => {
    const s = last(a, b, `symbols:\n  x: {domain: ${domain}}\n`);
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values.x).toBe(x);
  });
  it('and the true neighbours there are not failed', () => {
    expect(last('x^(10^10^10)/x^(10^10^10)', '1', 'symbols:\n  x: {domain: "(1, 2)"}\n').status).not.toBe('failed');
    expect(last('(x^2)^(10^10^10)', 'x^(2*10^10^10)', 'symbols:\n  x: {domain: "(-1, 0)"}\n').status).not.toBe(
      'failed',
    );
  });
});

describe('true steps with a tower exponent are never failed', () => {
  it.each([
    ['x^(10^10^10)', 'x^(10^10^10)'],
    ['(-1)^(10^(10^10))', '1'],
    ['(-1)^(10^(10^10)+1)', '-1'],
    ['x^(2*10^(10^10))', '(x^2)^(10^(10^10))'],
    ['0^(10^10^10)', '0'],
    ['1^(10^10^10)', '1'],
    ['(-2)^(10^10^10+1)', '-(2^(10^10^10+1))'],
    ['(1/2)^(10^10^10)', '1/(2^(10^10^10))'],
    ['x^(10^10^10) * x', 'x^(10^10^10+1)'],
    // parity: 10^0 = 1 is odd, 10^k for k >= 1 even, 10^N - 1 odd, 3^N and 5^N odd, 5^N + 1 even
    ['(-1)^(10^0)', '-1'],
    ['(-1)^(10^(10^10)-1)', '-1'],
    ['(-1)^(3^(10^10))', '-1'],
    ['(-1)^(5^(10^10) + 1)', '1'],
    ['(-1)^(10^(10^10)/2)', '1'],
    ['(-x)^(10^(10^10)-1)', '-x^(10^(10^10)-1)'],
    ['(x-1)^(10^(10^10)+1)', '-(1-x)^(10^(10^10)+1)'],
    ['x^(10^(10^10)) * x^(10^(10^9))', 'x^(10^(10^10) + 10^(10^9))'],
    ['x^(-10^(10^10)) * x^(10^(10^10))', 'x/x'],
    ['x^(10^(10^10)) - x^(10^(10^10)) + x', 'x'],
    ['(2^(10^(10^10)) + x) - 2^(10^(10^10))', 'x'],
    ['(x^(10^(10^10)+1) + 1)/(x^(10^(10^10)+1) + 1)', '(x+1)/(x+1)'],
    ['(x^(10^(10^10))-1)/(x^(10^(10^10))-1)', '(x^2-1)/(x^2-1)'],
    ['diff(x^(10^(10^10)), x)', '10^(10^10)*x^(10^(10^10)-1)'],
    // the chain rule's x/abs(x) is undefined at 0, the derivative is not (it is 0 there)
    ['diff(abs(x)^(10^(10^10)), x)', '10^(10^10)*x*abs(x)^(10^(10^10)-2)'],
  ])('%s = %s', (a, b) => {
    expect(last(a, b).status).not.toBe('failed');
  });
});

describe('definedness', () => {
  it.each([
    ['x^(10^10^10)', 'exp(10^(10^10)*log(x))', '-1', '1', 'undefined (log argument: x is exactly -1)'],
    ['x^(10^10^10)/x^(10^10^10)', '1', '0', 'undefined (denominator: x^(10^(10^10)) is exactly 0)', '1'],
    ['sqrt(x)^(2*10^(10^10))', 'x^(10^10^10)', '-1', 'undefined (sqrt argument: x is exactly -1)', '1'],
  ])('%s = %s fails where only one side is defined, x = %s', (a, b, x, lhs, rhs) => {
    const s = last(a, b);
    expect(s.status).toBe('failed');
    expect(s.counterexample).toMatchObject({ values: { x }, lhs, rhs });
  });
  it.each([
    ['x^(10^10^10)/x^(10^10^10)', 'x^(10^10^10) * x^(-10^10^10)'],
    ['(x^2+1)^(10^10^10)/(x^2+1)^(10^10^10)', '1'],
    ['x^(10^10^10)/x^(10^10^10)', '1/x^(10^10^10) * x^(10^10^10)'],
  ])('%s = %s, undefined at the same points, is not failed', (a, b) => {
    expect(last(a, b).status).not.toBe('failed');
  });
  it('sqrt(0) is defined: sqrt(x)^(2*10^(10^10)) = x^(10^10^10) on x >= 0 is not failed (at x = 0 both are 0)', () => {
    expect(last('sqrt(x)^(2*10^(10^10))', 'x^(10^10^10)', 'symbols:\n  x: {domain: nonnegative}\n').status).not.toBe(
      'failed',
    );
  });
  it('a condition the derivative drops still counts: diff(x^(10^10^10) + log(-1), x) is undefined, not 10^(10^10)', () => {
    const pair = (a: string, b: string) => ({
      prev: read(a),
      next: read(b),
      scope: emptyScope(),
      seed: 1,
      deadline: undefined,
      what: '',
    });
    // the derivative alone, 10^(10^10) x^(10^(10^10) - 1), is far from 0 at x = 1; with log(-1) in the body it is undefined
    expect(refutedByBounds(pair('diff(x^(10^10^10), x)', '0'))?.values).toEqual({ x: '1' });
    expect(refutedByBounds(pair('diff(x^(10^10^10) + log(-1), x)', '0'))?.lhs).toBe(
      'undefined (log argument: -1 is exactly -1)',
    );
  });
  it('x^(-10^10^10) is not claimed at x = 0, where it is undefined: the point is elsewhere', () => {
    const s = last('x^(-10^10^10)', '0');
    expect(s.counterexample?.values.x).not.toBe('0');
  });
  it('no value for powers it cannot decide: a variable exponent, a non-whole exponent, 0^0, a function', () => {
    const env = new Map([['x', rat(-1)]]);
    expect(knownAtPoint(pow(sym('x'), mul([num(2), sym('x')])), env)).toBeUndefined();
    expect(knownAtPoint(pow(num(2), num(rat(1, 2))), env)).toBeUndefined();
    expect(knownAtPoint(pow(num(0), num(0)), env)).toBeUndefined();
    expect(knownAtPoint(pow(num(0), num(-1)), env)).toBeUndefined();
    expect(knownAtPoint(sym('y'), env)).toBeUndefined();
  });
});

/** the exact value of an expression of numbers, x, + * and whole constant powers (the reference: plain bigint arithmetic) */
function reference(e: Expr, x: Rational): Rational | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'sym':
      return x;
    case 'add':
    case 'mul': {
      const parts = (e.kind === 'add' ? e.terms : e.factors).map((t) => reference(t, x));
      if (parts.some((p) => p === undefined)) return undefined;
      return (parts as Rational[]).reduce(e.kind === 'add' ? radd : rmul, e.kind === 'add' ? ZERO : ONE);
    }
    case 'pow': {
      const b = reference(e.base, x);
      const k = reference(e.exp, x);
      if (b === undefined || k === undefined || k.d !== 1n || (rsign(b) === 0 && k.n <= 0n)) return undefined;
      return rpow(b, k.n);
    }
    default:
      return undefined;
  }
}

/** do the facts hold of v? */
function holdsOf(k: Known, v: Rational): boolean {
  if (k.kind === 'exact') return requal(k.value, v);
  if (k.kind === 'whole') {
    const m = v.n < 0n ? -v.n : v.n;
    return v.d === 1n && rsign(v) === k.sign && m >= k.atLeast && (k.parity === undefined || m % 2n === k.parity);
  }
  const { lo, hi, sign } = k.bounds;
  return (
    (lo === undefined || rcmp(lo, v) <= 0) &&
    (hi === undefined || rcmp(v, hi) <= 0) &&
    (sign === undefined || rsign(v) === sign)
  );
}

describe('the evaluator agrees with exact evaluation where the power can be computed', () => {
  // exponents up to 2^13 pass the 4096-bit limit for most bases, so the facts are used, yet the truth is computable
  const exponent: fc.Arbitrary<Expr> = fc.oneof(
    fc.integer({ min: -12, max: 12 }).map((k) => num(k)),
    fc
      .record({
        b: fc.constantFrom(2, 3, 10),
        e: fc.integer({ min: 1, max: 3 }),
        plus: fc.integer({ min: -3, max: 3 }),
        neg: fc.boolean(),
      })
      .map(({ b, e, plus, neg }) => {
        const p = pow(num(b), num(e + (b === 2 ? 9 : 0)));
        const k = plus === 0 ? p : add([p, num(plus)]);
        return neg ? mul([num(-1), k]) : k;
      }),
  );
  const base: fc.Arbitrary<Expr> = fc.oneof(
    fc.constant(sym('x')),
    fc.integer({ min: -3, max: 3 }).map((c) => add([sym('x'), num(c)])),
    fc
      .record({ n: fc.integer({ min: -3, max: 3 }), d: fc.integer({ min: 1, max: 3 }) })
      .map(({ n, d }) => num(rat(n, d))),
  );
  const term = fc
    .record({ c: fc.integer({ min: -3, max: 3 }), b: base, k: exponent })
    .map(({ c, b, k }) => mul([num(c), pow(b, k)]));
  const expr = fc.array(term, { minLength: 1, maxLength: 3 }).map((ts) => add(ts));
  const point = fc.constantFrom(rat(0), rat(1), rat(-1), rat(2), rat(-2), rat(1, 2), rat(-1, 3), rat(3, 2));

  it('its facts hold of the exact value, and it gives a value only where the expression is defined', () => {
    let facts = 0;
    fc.assert(
      fc.property(expr, point, (e, x) => {
        const k = knownAtPoint(e, new Map([['x', x]]));
        const truth = reference(e, x);
        if (k === undefined) return;
        expect(truth).toBeDefined();
        expect(holdsOf(k, truth!)).toBe(true);
        expect(knownText(k).length).toBeGreaterThan(0);
        if (k.kind !== 'exact') facts++;
      }),
      { numRuns: runs(400) },
    );
    // not vacuous: some values were known only by facts (sizes, parities, bounds), not computed
    expect(facts).toBeGreaterThan(0);
  });
});

describe('random identities of tower powers are never refuted; the same plus a constant always is', () => {
  const pairOf = (prev: Expr, next: Expr) => ({
    prev,
    next,
    scope: emptyScope(),
    seed: 1,
    deadline: undefined,
    what: '',
  });
  /** a whole exponent >= 1 too large to compute, or small */
  const whole: fc.Arbitrary<Expr> = fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((k) => num(k)),
    fc.record({ b: fc.constantFrom(2, 3, 10), j: fc.integer({ min: 0, max: 3 }) }).map(({ b, j }) => {
      const tower = pow(num(b), pow(num(10), num(10)));
      return j === 0 ? tower : add([tower, num(j)]);
    }),
  );
  const scalar = fc
    .record({ n: fc.integer({ min: -3, max: 3 }), d: fc.integer({ min: 1, max: 2 }) })
    .map(({ n, d }) => num(rat(n, d)));
  const x = sym('x');
  /** an expression and an equal rewriting of it, on every real x */
  const identity: fc.Arbitrary<[Expr, Expr]> = fc.oneof(
    fc.tuple(whole, whole).map(([a, b]): [Expr, Expr] => [mul([pow(x, a), pow(x, b)]), pow(x, add([a, b]))]),
    whole.map((a): [Expr, Expr] => [pow(pow(x, num(2)), a), pow(x, mul([num(2), a]))]),
    fc.tuple(scalar, whole).map(([c, a]): [Expr, Expr] => [pow(mul([c, x]), a), mul([pow(c, a), pow(x, a)])]),
    fc
      .tuple(scalar, whole, whole)
      .map(([c, a, b]): [Expr, Expr] => [mul([c, pow(x, a), pow(x, b)]), mul([pow(x, b), c, pow(x, a)])]),
  );
  it('x^a x^b = x^(a+b), (x^2)^a = x^(2a), (c x)^a = c^a x^a, reordered products', () => {
    fc.assert(
      fc.property(
        identity,
        scalar.filter((c) => c.kind === 'num' && c.value.n !== 0n),
        ([l, r], c) => {
          expect(refutedByBounds(pairOf(l, r))).toBeUndefined();
          expect(refutedByBounds(pairOf(l, add([r, c])))).toBeDefined();
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
