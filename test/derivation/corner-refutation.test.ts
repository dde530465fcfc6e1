// corner-refutation.ts: a derivative is certainly undefined where its
// function has two different one-sided derivatives, decided exactly; and it
// never says so of a function differentiable there (x abs(x) at 0).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cornerCandidates, cornerUndefined, derivativeAcrossCorner } from '../../src/derivation/corner-refutation.js';
import { type Expr, add, call, diff, mul, num, pow, sym } from '../../src/ir/expr.js';
import { type Rational, radd, rat, rcmp, rdiv, rmul, rneg, rsign, rsub } from '../../src/ir/rational.js';
import { runs } from '../helpers/runs.js';

const x = sym('x');
const y = sym('y');
const at = (v: number, more: [string, Rational][] = []) => new Map<string, Rational>([['x', rat(v)], ...more]);
const abs = (e: Expr) => call('abs', [e]);
const max = (a: Expr, b: Expr) => call('max', [a, b]);
const min = (a: Expr, b: Expr) => call('min', [a, b]);
const corner = (g: Expr, point = at(0)) => cornerUndefined(diff(g, x), point, new Map());

describe('a derivative at a corner', () => {
  it('is undefined where the one-sided derivatives differ, with both in the reason', () => {
    expect(corner(max(num(0), x))).toMatch(
      /max\(0, x\) has a corner at x = 0: its derivative from the left is 0, from the right 1/,
    );
    expect(corner(abs(x))).toMatch(/from the left is -1, from the right 1/);
    expect(corner(min(x, mul([num(3), x])))).toMatch(/from the left is 3, from the right 1/);
    expect(corner(abs(add([x, num(-1)])), at(1))).toMatch(/corner at x = 1/);
    // an inner corner decides the outer one's side: abs(abs(x) - 1) at 1
    expect(corner(abs(add([abs(x), num(-1)])), at(1))).toMatch(/from the left is -1, from the right 1/);
    // inside a larger side, outside any sum
    expect(cornerUndefined(add([num(1), mul([num(2), diff(abs(x), x)])]), at(0), new Map())).toMatch(
      /abs\(x\) has a corner/,
    );
  });

  it('is not called undefined where the function is differentiable, or where no corner is', () => {
    expect(corner(mul([x, abs(x)]))).toBeUndefined(); // x abs(x): 0 from both sides
    expect(corner(pow(abs(x), num(3)))).toBeUndefined();
    expect(corner(pow(max(x, num(0)), num(2)))).toBeUndefined();
    expect(corner(max(x, x))).toBeUndefined(); // max(x, x) = x
    expect(corner(abs(pow(x, num(2))))).toBeUndefined(); // abs(x^2) = x^2: the argument's slope is 0, not decided
    expect(corner(abs(add([x, num(-1)])), at(0))).toBeUndefined(); // no corner at 0
    expect(corner(abs(x), at(2))).toBeUndefined();
  });

  it('says nothing where a value is not known exactly or the function is beyond its rules', () => {
    expect(corner(abs(mul([x, y])))).toBeUndefined(); // y has no value at the point
    expect(corner(abs(mul([x, y])), at(0, [['y', rat(2)]]))).toMatch(/from the left is -2, from the right 2/);
    expect(corner(abs(call('sin', [x])))).toBeUndefined(); // sin: not a rational function
    expect(corner(abs(pow(x, num(-1))))).toBeUndefined(); // 1/x is undefined at 0
  });
});

// an independent exact evaluator of the generated functions (rationals; abs, max, min)
function value(e: Expr, v: Rational): Rational {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'sym':
      return v;
    case 'add':
      return e.terms.map((t) => value(t, v)).reduce(radd);
    case 'mul':
      return e.factors.map((t) => value(t, v)).reduce(rmul);
    case 'pow': {
      let r = rat(1);
      const b = value(e.base, v);
      for (let k = 0; k < Number((e.exp as { value: Rational }).value.n); k++) r = rmul(r, b);
      return r;
    }
    case 'call': {
      const [a, b] = e.args.map((t) => value(t, v));
      if (e.fn === 'abs') return rsign(a!) < 0 ? rneg(a!) : a!;
      const c = rcmp(a!, b!);
      return e.fn === 'max' ? (c >= 0 ? a! : b!) : c <= 0 ? a! : b!;
    }
    default:
      throw new Error(`not generated: ${e.kind}`);
  }
}

const H = rdiv(rat(1), rat(10n ** 30n));
/** the exact one-sided difference quotients of g at p, h = 10^-30 */
function quotients(g: Expr, p: Rational): { readonly left: Rational; readonly right: Rational } {
  const fp = value(g, p);
  return { right: rdiv(rsub(value(g, radd(p, H)), fp), H), left: rdiv(rsub(fp, value(g, rsub(p, H))), H) };
}
/** |a - b| < 10^-20 */
function near(a: Rational, b: Rational): boolean {
  const d = rsub(a, b);
  return rcmp(rsign(d) < 0 ? rneg(d) : d, rdiv(rat(1), rat(10n ** 20n))) < 0;
}

// functions of x with corners at small rationals: sums and products of linear forms, abs, max, min, squares
const linear = fc
  .tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -2, max: 2 }))
  .map(([a, b]) => add([mul([num(a), x]), num(b)]));
const shape: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    linear,
    tie('e').map((a) => abs(a)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => max(a, b)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => min(a, b)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => mul([a, b])),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => add([a, b])),
    tie('e').map((a) => pow(a, num(2))),
  ),
})).e;

describe('property: a corner it reports is one', () => {
  it('the exact one-sided difference quotients at h = 10^-30 are within 10^-20 of the derivatives it names', () => {
    let reported = 0;
    fc.assert(
      fc.property(shape, fc.integer({ min: -2, max: 2 }), (g, p0) => {
        const p = rat(p0);
        const why = cornerUndefined(diff(g, x), new Map([['x', p]]), new Map());
        if (why === undefined) return;
        reported++;
        const m = /from the left is (\S+), from the right (\S+)$/.exec(why);
        expect(m).not.toBeNull();
        const parse = (t: string) => {
          const [n, d] = t.split('/');
          return rdiv(rat(BigInt(n!)), rat(BigInt(d ?? '1')));
        };
        const [left, right] = [parse(m![1]!), parse(m![2]!)];
        expect(rcmp(left, right)).not.toBe(0);
        const q = quotients(g, p);
        expect(near(q.right, right), `${why}: right quotient ${q.right.n}/${q.right.d}`).toBe(true);
        expect(near(q.left, left), `${why}: left quotient ${q.left.n}/${q.left.d}`).toBe(true);
      }),
      { numRuns: runs(400), seed: 7 },
    );
    // not vacuous: the generator reaches corners
    expect(reported).toBeGreaterThan(0);
  });
});

describe('a derivative across a corner where both sides agree', () => {
  const across = (g: Expr, point = at(0)) => derivativeAcrossCorner(diff(g, x), point, new Map());

  it('is the common one-sided derivative (x abs(x), abs(x)^3, max(0, x)^2 at 0: 0), exactly', () => {
    expect(across(mul([x, abs(x)]))).toEqual(rat(0));
    expect(across(pow(abs(x), num(3)))).toEqual(rat(0));
    expect(across(pow(max(num(0), x), num(2)))).toEqual(rat(0));
    // abs(x) abs(y) at x = y = 0: abs(y) is 0 all along x
    expect(across(mul([abs(x), abs(y)]), at(0, [['y', rat(0)]]))).toEqual(rat(0));
    // (x - 1) abs(x - 1) + 3 x at 1: 3
    const xm1 = add([x, num(-1)]);
    expect(across(add([mul([xm1, abs(xm1)]), mul([num(3), x])]), at(1))).toEqual(rat(3));
  });

  it('is nothing where the sides differ, where no corner is, or where it is not decided', () => {
    expect(across(abs(x))).toBeUndefined();
    expect(across(max(num(0), x))).toBeUndefined();
    expect(across(mul([x, x]))).toBeUndefined(); // no corner: not this function's to say
    expect(across(mul([abs(x), y]))).toBeUndefined(); // y has no value
    // an opaque y may depend on x: abs(y) is not taken as constant along x
    const opaqueY = new Map([['y', { kind: 'scalar', opaque: true, domain: { kind: 'real' } } as never]]);
    expect(derivativeAcrossCorner(diff(mul([abs(x), abs(y)]), x), at(0, [['y', rat(0)]]), opaqueY)).toBeUndefined();
  });

  it('property: the value it gives matches the exact difference quotients from both sides at h = 10^-30', () => {
    let given = 0;
    fc.assert(
      fc.property(shape, fc.integer({ min: -2, max: 2 }), (g, p0) => {
        const p = rat(p0);
        const d = derivativeAcrossCorner(diff(g, x), new Map([['x', p]]), new Map());
        if (d === undefined) return;
        given++;
        const q = quotients(g, p);
        expect(near(q.right, d)).toBe(true);
        expect(near(q.left, d)).toBe(true);
      }),
      { numRuns: runs(400), seed: 11 },
    );
    expect(given).toBeGreaterThan(0);
  });
});

describe('where the corners lie', () => {
  it('proposes the zero of each corner argument linear in the variable, and nothing for one that is not', () => {
    const xm = add([x, mul([num(-5), pow(num(7), num(-1))])]);
    expect(cornerCandidates(diff(mul([xm, abs(xm)]), x), 'x')).toEqual([rat(5, 7)]);
    expect(cornerCandidates(max(mul([num(3), x]), num(1)), 'x')).toEqual([rat(1, 3)]);
    expect(cornerCandidates(abs(num(2)), 'x')).toEqual([]); // constant: no zero
    expect(cornerCandidates(mul([x, x]), 'x')).toEqual([]);
  });
});
