/**
 * Where the core can refute, it does (issue 9): an exact nonzero difference
 * or a one-signed difference makes any point where both sides are defined a
 * counterexample, however small the difference there; a definedness
 * mismatch is refuted at an exact witness both of whose sides the core
 * decides. And the numeric layer re-checks every proof (defence in depth).
 */
import { describe, expect, it } from 'vitest';
import type { Decision, Proved } from '../../src/core/equal.js';
import { compareExpressions } from '../../src/derivation/compare.js';
import { verifyText } from '../../src/derivation/verify.js';
import type { Expr } from '../../src/ir/expr.js';
import { emptyScope } from '../../src/ir/symbols.js';
import { emptyParseEnv, parseExpression } from '../../src/parse/expression.js';

const run = (yaml: string) => verifyText('t.yaml', yaml, { seed: 1, strict: false });
const last = (yaml: string) => run(yaml).steps.at(-1)!;
const chain = (a: string, b: string, symbols = '') =>
  `title: t\n${symbols ? `symbols:\n${symbols}\n` : ''}steps:\n  - expr: "${a}"\n  - expr: "${b}"\n`;

function read(text: string): Expr {
  const r = parseExpression(text, emptyParseEnv());
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

describe('an exact difference refutes', () => {
  it('1 + 1e-31 = 1 fails although the two values agree to 30 digits, citing the exact difference', () => {
    const s = last(chain('1 + 1e-31', '1'));
    expect(s.status).toBe('failed');
    expect(s.message).toContain('1/10000000000000000000000000000000');
    // the values shown tell the two sides apart
    expect(s.counterexample?.lhs).not.toBe(s.counterexample?.rhs);
    expect(s.counterexample?.lhs.startsWith('1.0000000000000000000000000000001')).toBe(true);
  });
  it('x + 1e-40 = x fails with a point (variables are sampled, the difference is exact)', () => {
    const s = last(chain('x + 1e-40', 'x'));
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values.x).toBeDefined();
  });
  it('a narrow bump, one-signed by interval analysis, fails even where the bump is invisible', () => {
    const s = last(chain('x + exp(-10000*(x - 3/10)^2)', 'x'));
    expect(s.status).toBe('failed');
    expect(s.message).toMatch(/positive wherever both are defined/);
  });
  it('sin(9007199254740993 pi/2) = 0 fails (it is 1) where the numeric layer cannot evaluate the huge angle', () => {
    const s = last(chain('sin(9007199254740993*pi/2)', '0'));
    expect(s.status).toBe('failed');
    expect([s.counterexample?.lhs, s.counterexample?.rhs]).toEqual(['1', '0']);
  });
  it('a definition that differentiates its parameter, f(3) = 0, fails from the exact difference 6', () => {
    const s = last('title: t\ndefine:\n  f(x): "diff(x^2, x)"\nsteps:\n  - expr: "f(3)"\n  - expr: "0"\n');
    expect(s.status).toBe('failed');
    expect(s.counterexample?.lhs).toBe('6');
  });
  it('a true step is untouched: (x + 1)^2 = x^2 + 2x + 1 is proved', () => {
    expect(last(chain('(x + 1)^2', 'x^2 + 2*x + 1')).status).toBe('proved');
  });
});

describe('an exact point where the sampled points cannot see the difference', () => {
  it('x 1e-320 = 0 fails at x = 1, the core computing the difference 1e-320 exactly', () => {
    const s = last(chain('x*1e-320', '0'));
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values).toEqual({ x: '1' });
    expect(s.counterexample?.how).toMatch(/^exact point/);
  });
  it('exp(800) + x = exp(800) fails at an exact point (the difference x hides in the tolerance beside 1e347)', () => {
    const s = last(chain('exp(800) + x', 'exp(800)'));
    expect(s.status).toBe('failed');
    expect(s.counterexample?.how).toMatch(/difference there as 1$/);
  });
  it('a true step the core cannot prove stays numeric: sqrt(exp(400) + 2 exp(200) x^2 + x^4) - exp(200) = x^2', () => {
    // written expanded: the core does not recognize the square under the root ((u^2)^(1/2) = u for u >= 0 it does)
    expect(last(chain('sqrt(exp(400) + 2*exp(200)*x^2 + x^4) - exp(200)', 'x^2')).status).toBe('numeric');
    expect(last(chain('sqrt((exp(200) + x^2)^2) - exp(200)', 'x^2')).status).toBe('proved');
  });
});

describe('a polynomial in the number of units is compared as a polynomial, not at three sizes', () => {
  const poly = (a: string, b: string) => `title: t\nsymbols:\n  k: index\nsteps:\n  - expr: "${a}"\n  - expr: "${b}"\n`;
  it('n (n - 2)(n - 3)(n - 5) = 0, zero at every size the sampler uses by default, fails at another size', () => {
    const s = last(poly('sum(k, 1)*(sum(k, 1) - 2)*(sum(k, 1) - 3)*(sum(k, 1) - 5)', '0'));
    expect(s.status).toBe('failed');
    expect([2, 3, 5]).not.toContain(s.counterexample?.units);
    expect(s.message).toMatch(/polynomial in the number of units/);
  });
  it('a true identity in n stays proved: sum(k, 1)^2 - 1 = (sum(k, 1) - 1)(sum(k, 1) + 1)', () => {
    expect(last(poly('sum(k, 1)^2 - 1', '(sum(k, 1) - 1)*(sum(k, 1) + 1)')).status).toBe('proved');
  });
});

describe('a definedness mismatch is refuted at an exact witness', () => {
  it('tan(x) cos(x) = sin(x) fails at x = pi/2: the left side certainly undefined, the right side 1', () => {
    const s = last(chain('tan(x)*cos(x)', 'sin(x)'));
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values.x).toMatch(/pi/);
    expect(s.counterexample?.lhs).toMatch(/^undefined/);
    expect(s.counterexample?.rhs).toBe('1');
  });
  it('an irrational pole is a witness too: (x^2 - 2)/(x^2 - 2) = 1 fails at x = sqrt(2), decided exactly', () => {
    const s = last(chain('(x^2 - 2)/(x^2 - 2)', '1'));
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values.x).toMatch(/sqrt\(8\)/);
    expect(s.counterexample?.lhs).toMatch(/^undefined/);
  });
  it('so is the zero of a linear factor with a transcendental constant: (x - exp(7))/(x - exp(7)) = 1 fails at x = e^7', () => {
    const s = last(chain('(x - exp(7))/(x - exp(7))', '1'));
    expect(s.status).toBe('failed');
    expect(s.counterexample?.values.x).toMatch(/exp/);
  });
  it('the witness must lie in the domain: with x in (0, 1), tan(x) cos(x) = sin(x) has no pole and is not failed', () => {
    const s = last(chain('tan(x)*cos(x)', 'sin(x)', '  x: {domain: "(0, 1)"}'));
    expect(s.status).not.toBe('failed');
  });
  it('a witness is not taken where the other side is undefined too: tan(x) cos(x) = tan(x) cos(x)^2 / cos(x)', () => {
    const s = last(chain('tan(x)*cos(x)', 'tan(x)*cos(x)^2/cos(x)'));
    expect(s.status).not.toBe('failed');
  });
});

describe('defence in depth: the numeric layer re-checks every proof', () => {
  // only src/core/equal.ts can mint a Proved: a lying core needs a cast, which no product module has
  const liar = (): Decision => ({
    proved: true as Proved,
    rules: ['nf.expand'],
    lhsNormal: read('x'),
    rhsNormal: read('x'),
  });
  it('a plain `true` is not a Proved: the type checker refuses a decision built outside the core (tsc checks this file)', () => {
    // @ts-expect-error Type 'true' is not assignable to type 'false | Proved'
    const forged: Decision = { proved: true, rules: [], lhsNormal: read('x'), rhsNormal: read('x') };
    expect(forged.proved).toBe(true);
  });
  it('a core that proves x^2 = x (a lying decision procedure) gives error internal-disagreement with the point', () => {
    const v = compareExpressions(read('x^2'), read('x'), emptyScope(), { seed: 1 }, undefined, liar);
    expect(v.status).toBe('error');
    expect(v.code).toBe('internal-disagreement');
    expect(v.counterexample).toBeDefined();
  });
  it('the same lying core on a true step raises no alarm: the re-check agrees', () => {
    const v = compareExpressions(read('x + x'), read('2*x'), emptyScope(), { seed: 1 }, undefined, liar);
    expect(v.status).toBe('proved');
  });
  it('the honest core on the false step does not prove it', () => {
    const v = compareExpressions(read('x^2'), read('x'), emptyScope(), { seed: 1 });
    expect(v.status).toBe('failed');
  });
});

describe('a step both of whose sides are undefined everywhere', () => {
  it('is an error that says so and why, not "inconclusive sampling"', () => {
    const s = last(chain('x + sqrt(-8)', 'x + 2*sqrt(-2)'));
    expect(s.status).toBe('error');
    expect(s.code).toBe('undefined-everywhere');
    expect(s.message).toContain('undefined at every point');
    expect(s.message).toContain('-8');
    expect(s.message).toContain('-2');
  });
  it('one side undefined everywhere and the other defined somewhere still fails', () => {
    const s = last(chain('x + sqrt(-8)', 'x'));
    expect(s.status).toBe('failed');
  });
});
