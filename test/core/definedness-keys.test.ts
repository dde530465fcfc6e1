/**
 * Canonical definedness keys: the same set of points gets the same key
 * (steps that must be proved), a different set never does (false twins that
 * must not be proved: the values agree, the definedness does not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEqual } from '../../src/core/equal.js';
import { notProvedWords } from '../../src/explain/decision-words.js';
import { makeScope } from '../helpers/scope.js';
import { runs } from '../helpers/runs.js';

function decide(a: string, b: string) {
  const { scope, p } = makeScope({});
  return decideEqual(p(a), p(b), scope);
}

const SAME: [string, string, string][] = [
  ['a negated factor (the nonzeroFactors sign bug)', '1/(-(y+z))', '-1/(y+z)'],
  ['a scaled factor', '1/(2*y - 4*z)', '(1/2)/(y - 2*z)'],
  ['a repeated factor vs its expansion', '1/(x-1)^2', '1/(x^2 - 2*x + 1)'],
  ['a cube vs its expansion', '1/(x+2)^3', '1/(x^3 + 6*x^2 + 12*x + 8)'],
  ['a square of cos is cos', '1/cos(x)^2', '1 + tan(x)^2'],
  ['a product is its factors', '1/(x*y)', '(1/x)*(1/y)'],
  ['a constant exponent is folded', 'x^(2^2)', 'x^4'],
  ['a folded negative exponent', '1/x^(2^2)', 'x^(-4)'],
  ['a fractional folded exponent', 'x^(2^(-1))', 'sqrt(x)'],
  ['positive implies nonzero', 'log(x)/x', 'log(x)*exp(-log(x))'],
  ['nonnegative and nonzero are positive', 'sqrt(x)/x', 'x^(-1/2)'],
  ['positive implies nonnegative', 'sqrt(x)*log(x)', 'x^(1/2)*log(x)'],
  ['a difference of squares is its two factors', '1/(x^2 - 1)', '1/((x - 1)*(x + 1))'],
  ['factors against their product, three variables', '1/(x*y + x*z + y^2 + y*z)', '1/((x + y)*(y + z))'],
  ['a squared factor, one cancelled', '1/(x^2 - 1)', '1/((x - 1)*(x + 1)^2)*(x + 1)'],
  ['a product of two sums is the two sums', '1/(x*y + x + y + 1)', '1/((x + 1)*(y + 1))'],
];

const TWINS: [string, string, string][] = [
  ['different linear factors', '(y+z)/(y+z)', '(y-z)/(y-z)'],
  ['a square vs the other root', '(x-1)^2/(x-1)^2', '(x+1)^2/(x+1)^2'],
  ['x^2 - 1 is not x - 1', '(x^2-1)/(x^2-1)', '(x-1)/(x-1)'],
  ['x^2 + x is not x', '(x^2+x)/(x^2+x)', 'x/x'],
  ['nonnegative is not positive', 'sqrt(x)', 'sqrt(x)*x/x'],
  ['nonzero is not positive', 'x/x', 'sqrt(x)/sqrt(x)'],
  ['cos is not sin', 'cos(x)^2/cos(x)^2', 'sin(x)/sin(x)'],
  ['a folded exponent keeps its condition', 'x^(2^2)/x^(2^2)', '1'],
  ['a fractional folded exponent keeps its condition', 'x^(2^(-1))', 'x^2/x^(3/2)'],
  ['a product keeps every factor', '(x*y)/(x*y)', 'x/x'],
  ['x^2 - 1 is more than x + 1', '(x^2 - 1)/(x^2 - 1)/(x + 1)', '1/(x + 1)'],
  ['a product with one more factor', '1/(x^2 - 1)', '1/((x - 1)*(x + 1))*(x - 2)/(x - 2)'],
  ['one factor of a product is missing', '1/((x + 1)*(y + 1))', '(x - 1)/((x - 1)*(x*y + x + y + 1))*(y + 1)/(y + 1)'],
  ['the product of two factors is not their sum', '(x + y)/(x + y)', '(x*y)/(x*y)'],
];

describe('definedness keys', () => {
  it.each(SAME)('%s: %s = %s is proved', (_why, a, b) => {
    const d = decide(a, b);
    expect(d.proved, d.proved ? '' : notProvedWords(d)).toBe(true);
  });
  it.each(TWINS)('%s: %s = %s is not proved', (_why, a, b) => {
    const d = decide(a, b);
    expect(d.proved).toBe(false);
    if (!d.proved) expect(d.valuesAgree).toBe(true);
  });
});

/** the polynomial (x - r1) ... (x - rn), written out with its coefficients */
function expanded(roots: readonly number[]): string {
  let c = [1]; // c[k]: coefficient of x^k
  for (const r of roots) c = [...c.map((v, k) => -r * v + (c[k - 1] ?? 0)), c[c.length - 1]!];
  return c.map((v, k) => `(${v})*x^${k}`).join(' + ');
}

describe('denominators factored differently (rule nf.nonzero-product)', () => {
  it('1/p = 1/(factors of p), with or without one more factor, either side first, is proved exactly when the roots agree', () => {
    const roots = fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(roots, fc.nat(4), fc.integer({ min: -6, max: 6 }), fc.boolean(), (rs, split, extra, swap) => {
        const cut = split % (rs.length + 1);
        // the left side: one expanded polynomial; the right: the same roots in two groups, times (x - extra)/(x - extra)
        const left = `1/(${expanded(rs)})`;
        const group = (g: number[]) => (g.length ? `(${expanded(g)})` : '1');
        const right = `1/(${group(rs.slice(0, cut))}*${group(rs.slice(cut))})*(x - (${extra}))/(x - (${extra}))`;
        const d = swap ? decide(right, left) : decide(left, right);
        expect(d.proved, `${left} = ${right}`).toBe(rs.includes(extra));
      }),
      { numRuns: runs(150), seed: 7 },
    );
  });
});
