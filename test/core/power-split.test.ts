/**
 * A variable power of a product split over its factors of known sign
 * (src/core/powers.ts, rule nf.power-split). True identities are proved and
 * agree at 50 digits; twins where a factor's sign is unknown are never proved.
 */
import { describe, expect, it } from 'vitest';
import { rat } from '../../src/ir/rational.js';
import { POSITIVE, type ScopeSpec } from '../helpers/scope.js';
import { agreesNumerically, decide, expectProved } from '../helpers/identity-check.js';

const NEGATIVE = { kind: 'interval', hi: rat(0), loOpen: true, hiOpen: true } as const;
const POINTS = [
  { y: '0.45', p: '1.3', n: '-0.7', x: '-0.2', z: '0.35' },
  { y: '2.5', p: '0.2', n: '-3.1', x: '-1.5', z: '-1.7' },
  { y: '-0.45', p: '0.2', n: '-0.7', x: '-0.2', z: '0.6' },
];

const PROVED: [string, string, ScopeSpec][] = [
  ['(2*y*p)^z', '2^z*p^z*y^z', { vars: { p: POSITIVE } }],
  ['(-2*x*y*n)^z', '2^z*(-n)^z*(x*y)^z', { vars: { n: NEGATIVE } }],
  ['(2*y)^z', '2^z*y^z', {}],
  ['(-3*y)^z', '3^z*(-y)^z', {}],
  ['(p*n^2*y)^z', 'p^z*(-n)^(2*z)*y^z', { vars: { p: POSITIVE, n: NEGATIVE } }],
];

const TWINS: [string, string, ScopeSpec][] = [
  ['(2*y*p)^z', '2^z*p^z*y^z', {}],
  ['(x*y)^z', 'x^z*y^z', {}],
  ['(-2*y)^z', '2^z*y^z', {}],
  ['(-2*x*y*n)^z', '2^z*n^z*(x*y)^z', { vars: { n: NEGATIVE } }],
  ['(2*y*p)^z', '2^z*p^z*y^(2*z)', { vars: { p: POSITIVE } }],
];

describe('variable powers split over one-signed factors', () => {
  it.each(PROVED)('%s = %s is proved (and agrees at 50 digits)', (a, b, spec) => {
    expectProved(`${a} + 0*${b}`, `${b} + 0*${a}`, spec);
    agreesNumerically(a, b, POINTS);
  });
  it.each(TWINS)('%s = %s is not proved', (a, b, spec) => {
    expect(decide(`${a} + 0*${b}`, `${b} + 0*${a}`, spec).proved).toBe(false);
  });
});
