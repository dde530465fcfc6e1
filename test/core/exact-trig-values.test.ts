/**
 * Exact values at odd multiples of pi/24 (src/core/trig.ts) and constants
 * with square roots made rational in a denominator (src/core/rationalize.ts).
 * True identities are proved and agree at 50 digits; twins are never proved.
 */
import { describe, expect, it } from 'vitest';
import { agreesNumerically, decide, expectProved } from '../helpers/identity-check.js';

const PROVED: [string, string][] = [
  ['tan(pi/24)', '-2 - sqrt(3) + sqrt(2) + sqrt(6)'],
  ['tan(pi*(13/24))', '-2 - sqrt(3) - sqrt(2) - sqrt(6)'],
  ['cos(pi*(5/24))/sin(pi*(5/24))', '-sqrt(2) - sqrt(3) + 2 + sqrt(6)'],
  ['sin(pi/24)^2', '(1 - cos(pi/12))/2'],
  ['cos(pi/24)^2 - sin(pi/24)^2', 'cos(pi/12)'],
  ['sin(pi/24)', 'sin(25*pi/24)*(-1)'],
  ['1/(1 + sqrt(2))', 'sqrt(2) - 1'],
  ['cos(1/(1 + sqrt(2)))', 'cos(1 - sqrt(2))'],
  ['sqrt(1/(4*sqrt(3) + 7) + 1)', '(sqrt(2) + sqrt(6))/(sqrt(3) + 2)'],
  ['sin(1/(sqrt(3) - sqrt(2)))', 'sin(sqrt(2) + sqrt(3))'],
];

const TWINS: [string, string][] = [
  ['tan(pi/24)', '2 - sqrt(3)'],
  ['tan(pi*(13/24))', '2 + sqrt(3) + sqrt(2) + sqrt(6)'],
  ['sin(pi/24)^2', '(1 + cos(pi/12))/2'],
  ['sin(pi/24)', 'sin(25*pi/24)'],
  ['1/(1 + sqrt(2))', 'sqrt(2) + 1'],
  ['cos(1/(1 + sqrt(2)))', 'cos(1 + sqrt(2))'],
  ['sin(1/(sqrt(3) - sqrt(2)))', 'sin(sqrt(3) - sqrt(2))'],
];

describe('exact values at pi/24 and rational denominators', () => {
  it.each(PROVED)('%s = %s is proved (and agrees at 50 digits)', (a, b) => {
    expectProved(a, b);
    agreesNumerically(a, b, [{}]);
  });
  it.each(TWINS)('%s = %s is not proved', (a, b) => {
    expect(decide(a, b).proved).toBe(false);
  });
});
