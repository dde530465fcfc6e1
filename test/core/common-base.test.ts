/**
 * Common base multiples (src/core/bases.ts): sin, cos and exp of c m share
 * atoms through the greatest common divisor of the coefficients of m on both
 * sides. True identities are proved and agree at 50 digits; false twins that
 * look like them are never proved.
 */
import { describe, expect, it } from 'vitest';
import { rat } from '../../src/ir/rational.js';
import { Bases, rationalGcd } from '../../src/core/bases.js';
import { POSITIVE } from '../helpers/scope.js';
import { agreesNumerically, decide, expectProved } from '../helpers/identity-check.js';

const POINTS = [
  { x: '0.3', y: '1.7' },
  { x: '1.1', y: '-0.6' },
  { x: '2.7', y: '2.2' },
];

const PROVED: [string, string][] = [
  ['exp(x/2)^2', 'exp(x)'],
  ['sigma(x)', '(1 + tanh(x/2))/2'],
  ['exp(-1/2) + exp(-3/2)', '(1 + exp(1))*exp(-3/2)'],
  ['exp(3*x/2)*exp(x/3)', 'exp(11*x/6)'],
  ['sin(x)', '2*sin(x/2)*cos(x/2)'],
  ['5*cos(x/2)^2 + 2*sin(x/2)^2', '3*cos(x)/2 + 7/2'],
  ['5*cosh(x/2)^2 - 2*sinh(x/2)^2', '3*cosh(x)/2 + 7/2'],
  ['cos(2)*cos(3)', 'cos(5)/2 + cos(1)/2'],
  ['sin(1)*sin(2)*sin(3)', 'sin(4)/4 - sin(6)/4 + sin(2)/4'],
  ['cos(1) + cos(2)', '2*cos(1/2)*cos(3/2)'],
  ['-cos(y) + cos(x*y)', '-2*sin(x*y/2 - y/2)*sin(x*y/2 + y/2)'],
  ['sin(4*x)*cos(2*x)', '(sin(6*x) + sin(2*x))/2'],
];

const TWINS: [string, string][] = [
  ['exp(x/2)^3', 'exp(x)'],
  ['exp(x/2)', 'exp(x)/2'],
  ['sigma(x)', '(1 + tanh(x))/2'],
  ['exp(-1/2) + exp(-3/2)', '(1 + exp(1))*exp(-1/2)'],
  ['sin(x)', '2*sin(x/2)'],
  ['sin(x/3)', 'sin(x)/3'],
  ['cos(2)*cos(3)', 'cos(5)/2 + cos(1)'],
  ['cos(1) + cos(2)', '2*cos(1/2)*cos(3/2) + 1/2'],
  ['sin(4*x)*cos(2*x)', '(sin(6*x) - sin(2*x))/2'],
];

describe('common base multiples', () => {
  it.each(PROVED)('%s = %s is proved (and agrees at 50 digits)', (a, b) => {
    expectProved(a, b);
    agreesNumerically(a, b, POINTS);
  });
  it.each(TWINS)('%s = %s is not proved', (a, b) => {
    expect(decide(a, b).proved).toBe(false);
  });
  it('sin(x)/(cos(x) + 1) = tan(x/2) on the common domain; the poles are the same set', () => {
    expectProved('sin(x)/(cos(x) + 1) + 0*tan(x/2)', 'tan(x/2) + 0*sin(x)/(cos(x) + 1)');
    agreesNumerically('sin(x)/(cos(x) + 1)', 'tan(x/2)', POINTS);
    expect(decide('sin(x)/(cos(x) + 1)', 'tan(x)').proved).toBe(false);
  });
  it('d/dx log(tanh(x/2)) = 1/sinh(x) for x > 0', () => {
    expectProved('diff(log(tanh(x/2)), x)', '1/sinh(x)', { vars: { x: POSITIVE } });
    expect(decide('diff(log(tanh(x/2)), x)', '1/sinh(x/2)', { vars: { x: POSITIVE } }).proved).toBe(false);
  });
  it('the gcd of rationals, and a base refined after use is reported', () => {
    expect(rationalGcd(rat(2, 3), rat(1, 2))).toEqual(rat(1, 6));
    expect(rationalGcd(rat(4), rat(6))).toEqual(rat(2));
    const B = new Bases();
    expect(B.of('trig', 'x', rat(2))).toEqual({ base: rat(2), k: 1n });
    expect(B.of('trig', 'x', rat(-4))).toEqual({ base: rat(2), k: -2n });
    expect(B.changed).toBe(false);
    expect(B.of('trig', 'x', rat(1, 2))).toEqual({ base: rat(1, 2), k: 1n });
    expect(B.changed).toBe(true);
    expect(new Bases().of('exp', 'x', rat(3))).toEqual({ base: rat(1), k: 3n });
  });
});
