/**
 * sin and cos after asin and atan (src/core/trig.ts, rule nf.inverse):
 * cos(asin u) = sqrt(1 - u^2), sin(atan u) = u/sqrt(1 + u^2), cos(atan u) =
 * 1/sqrt(1 + u^2). True identities are proved and agree at 50 digits where
 * defined; twins with the wrong sign or root are never proved.
 */
import { describe, expect, it } from 'vitest';
import { agreesNumerically, decide, expectProved } from '../helpers/identity-check.js';

const POINTS = [{ x: '0.3' }, { x: '-0.8' }, { x: '0.95' }];

const PROVED: [string, string][] = [
  ['cos(asin(x))', 'sqrt(1 - x^2)'],
  ['sin(acos(x))', 'sqrt(1 - x^2)'],
  ['cos(atan(4/3))', '3/5'],
  ['sin(-atan(4/3))', '-4/5'],
  ['tan(atan(x))', 'x'],
  ['cos(atan(x))', '1/sqrt(1 + x^2)'],
  ['sin(2*asin(x))', '2*x*sqrt(1 - x^2)'],
  ['cos(2*atan(x))', '(1 - x^2)/(1 + x^2)'],
  ['asin(1/sqrt(2))', 'pi/4'],
  ['acos(-1/sqrt(2))', '3*pi/4'],
];

const TWINS: [string, string][] = [
  ['cos(asin(x))', '-sqrt(1 - x^2)'],
  ['cos(asin(x))', '1 - x^2'],
  ['cos(atan(4/3))', '4/5'],
  ['sin(atan(x))', 'x'],
  ['cos(atan(x))', 'sqrt(1 + x^2)'],
  ['sin(2*asin(x))', 'x*sqrt(1 - x^2)'],
  ['asin(1/sqrt(2))', 'pi/3'],
  ['acos(-1/sqrt(2))', 'pi/4'],
];

describe('sin and cos after asin and atan', () => {
  it.each(PROVED)('%s = %s is proved (and agrees at 50 digits)', (a, b) => {
    expectProved(`${a} + 0*${b}`, `${b} + 0*${a}`);
    agreesNumerically(a, b, POINTS);
  });
  it.each(TWINS)('%s = %s is not proved', (a, b) => {
    expect(decide(`${a} + 0*${b}`, `${b} + 0*${a}`).proved).toBe(false);
  });
});
