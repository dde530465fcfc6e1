/**
 * Trigonometry in the normal form: addition and multiple angles over a
 * common base angle, exact values at multiples of pi/12, inverse trig of
 * table values. True steps are proved; false twins never are, and every
 * proved identity here agrees with 50-digit evaluation.
 */
import { describe, expect, it } from 'vitest';
import { decideEqual } from '../../src/core/equal.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { isUndefined, realPart } from '../../src/numeric/numbers.js';
import { makeScope, POSITIVE } from '../helpers/scope.js';
import { whyNot } from '../helpers/identity-check.js';

function decide(a: string, b: string, spec = {}) {
  const { scope, p } = makeScope(spec);
  return decideEqual(p(a), p(b), scope);
}

/** lhs - rhs at a few points, 50 digits: below 1e-40 where both are defined */
function agreesNumerically(a: string, b: string): void {
  const { p } = makeScope({});
  for (const x of ['0.3', '1.1', '2.7']) {
    const at = { x, y: '0.45', a: '0.7', b: '1.3' };
    const l = evaluateAtPoint(p(a), at, 50);
    const r = evaluateAtPoint(p(b), at, 50);
    if (isUndefined(l) || isUndefined(r)) continue;
    expect(realPart(l).minus(realPart(r)).abs().toNumber(), `${a} vs ${b} at ${x}`).toBeLessThan(1e-40);
  }
}

const PROVED: [string, string][] = [
  ['sin(2*x)', '2*sin(x)*cos(x)'],
  ['cos(2*x)', 'cos(x)^2 - sin(x)^2'],
  ['cos(2*x)', '1 - 2*sin(x)^2'],
  ['sin(3*x)', '3*sin(x) - 4*sin(x)^3'],
  ['cos(x - pi/2)', 'sin(x)'],
  ['sin(x + pi/2)', 'cos(x)'],
  ['sin(x + pi)', '-sin(x)'],
  ['cos(pi - x)', '-cos(x)'],
  ['sin(a + b)', 'sin(a)*cos(b) + cos(a)*sin(b)'],
  ['cos(a - b)', 'cos(a)*cos(b) + sin(a)*sin(b)'],
  ['cos(2*pi/3)', '-1/2'],
  ['sin(pi/6)', '1/2'],
  ['cos(pi/4)', 'sqrt(2)/2'],
  ['sin(pi/3)', 'sqrt(3)/2'],
  ['cos(pi/12)', '(sqrt(6) + sqrt(2))/4'],
  ['sin(5*pi/4)', '-sqrt(2)/2'],
  ['sin(-7*pi/6)', '1/2'],
  ['tan(pi/4)', '1'],
  ['tan(pi/3)', 'sqrt(3)'],
  ['asin(1/2)', 'pi/6'],
  ['acos(1/2)', 'pi/3'],
  ['atan(1)', 'pi/4'],
  ['asin(-sqrt(2)/2)', '-pi/4'],
  ['acos(-1)', 'pi'],
  ['diff(tan(x), x)', '1 + tan(x)^2'],
  ['diff(tan(x), x)', '1/cos(x)^2'],
  ['1/cos(x)^2', '1 + tan(x)^2'],
  ['tan(x + pi)', 'tan(x)'],
  ['diff(1/cos(x), x)', 'tan(x)/cos(x)'],
  ['cos(x)^2', '(1 + cos(2*x))/2'],
  ['cos(a + b) + cos(a - b)', '2*cos(a)*cos(b)'],
];

const TWINS: [string, string][] = [
  ['sin(2*x)', '2*sin(x)'],
  ['cos(x + pi/2)', 'sin(x)'],
  ['sin(x + pi/2)', '-cos(x)'],
  ['cos(2*x)', '2*cos(x)^2'],
  ['sin(a + b)', 'sin(a) + sin(b)'],
  ['cos(pi/12)', '(sqrt(6) - sqrt(2))/4'],
  ['sin(pi/3)', '1/2'],
  ['cos(2*pi/3)', '1/2'],
  ['asin(1/2)', 'pi/3'],
  ['atan(1)', 'pi/2'],
  ['tan(x + pi/2)', 'tan(x)'],
  ['sin(x/2)', 'sin(x)/2'],
  ['tan(2*x)', '2*tan(x)/(1 - tan(x)^2)'],
  ['diff(1/cos(x), x)', 'tan(x)'],
];

describe('trigonometry', () => {
  it.each(PROVED)('%s = %s is proved (and agrees at 50 digits)', (a, b) => {
    const d = decide(a, b);
    expect(d.proved, whyNot(d)).toBe(true);
    if (!a.startsWith('diff')) agreesNumerically(a, b);
  });
  it.each(TWINS)('%s = %s is not proved', (a, b) => {
    expect(decide(a, b).proved).toBe(false);
  });
  it('x declared positive changes nothing for an identity true everywhere', () => {
    expect(decide('sin(2*x)', '2*sin(x)*cos(x)', { vars: { x: POSITIVE } }).proved).toBe(true);
  });
  it('a multiple past MAX_TRIG_MULTIPLE stays whole and says so', () => {
    const d = decide('sin(21*x)', '0');
    expect(d.proved).toBe(false);
  });
});

describe('radicals', () => {
  const R: [string, string, object][] = [
    ['sqrt(8)', '2*sqrt(2)', {}],
    ['sqrt(12)', '2*sqrt(3)', {}],
    ['sqrt(6)', 'sqrt(2)*sqrt(3)', {}],
    ['sqrt(1/2)', 'sqrt(2)/2', {}],
    ['8^(1/3)', '2', {}],
    ['16^(3/4)', '8', {}],
    ['24^(1/3)', '2*3^(1/3)', {}],
    ['x^(1/2)*x^(1/3)', 'x^(5/6)', { vars: { x: POSITIVE } }],
    ['sqrt(x)*x^(1/3)', 'x^(5/6)', {}],
    ['(x^(1/2))^2', 'x', { vars: { x: POSITIVE } }],
    ['x^(2/3)/x^(1/6)', 'sqrt(x)', { vars: { x: POSITIVE } }],
    ['sqrt(x*y)', 'sqrt(x)*sqrt(y)', { vars: { x: POSITIVE, y: POSITIVE } }],
    ['sqrt(8*x^3)', '2*x*sqrt(2*x)', { vars: { x: POSITIVE } }],
    ['sqrt(x^2)', 'x', { vars: { x: POSITIVE } }],
    ['(x*y)^(-1/2)', '1/(sqrt(x)*sqrt(y))', { vars: { x: POSITIVE, y: POSITIVE } }],
  ];
  const TW: [string, string][] = [
    ['sqrt(8)', '3*sqrt(2)'],
    ['sqrt(6)', 'sqrt(2)*sqrt(2)'],
    ['24^(1/3)', '2*3^(1/2)'],
    ['x^(1/2)*x^(1/3)', 'x^(1/6)'],
    ['sqrt(x)^2', 'x'],
    ['sqrt(x*y)', 'sqrt(x)*sqrt(y)'],
    ['sqrt(x^2)', 'x'],
    ['sqrt(4*x^2)', '2*x'],
  ];
  it.each(R)('%s = %s is proved', (a, b, spec) => {
    const d = decide(a, b, spec);
    expect(d.proved, whyNot(d)).toBe(true);
    agreesNumerically(a, b);
  });
  it.each(TW)('%s = %s is not proved', (a, b) => {
    expect(decide(a, b).proved).toBe(false);
  });
});
