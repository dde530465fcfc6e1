/**
 * The core's integers are exact (issue 9): exponents and multipliers of 2^31,
 * 2^32, 2^53 + 1 and 2^64 once went through JS numbers and wrapped (`k & 1`,
 * `k >>= 1` are 32-bit) or rounded (`Number(2^53 + 1)`), and false steps were
 * proved. Each reproduced example is here; a false step must not be proved,
 * a true one with the same huge integers must still be.
 */
import { describe, expect, it } from 'vitest';
import { decideEqual, type Decision } from '../../src/core/equal.js';
import { makeScope, NONZERO, POSITIVE } from '../helpers/scope.js';
import { toAscii } from '../../src/ir/print.js';

/** x^(2^54), built by powering: no literal exponent is past MAX_EXPAND_EXPONENT */
const X54 = '((((((((x^64)^64)^64)^64)^64)^64)^64)^64)^64';

function decide(a: string, b: string, vars = {}): Decision {
  const { scope, p } = makeScope({ vars: { y: POSITIVE, ...vars } });
  return decideEqual(p(a), p(b), scope);
}

describe('false steps with huge integers are not proved', () => {
  it.each([
    // Ring.pow's k & 1 and k >>= 1 on 2^32 gave exp(x)^0 = 1
    ['exp(4294967296*x)', '1'],
    ['exp(2147483648*x)', 'exp(-2147483648*x)'],
    ['exp(18446744073709551616*x)', '1'],
    // through a fractional coefficient: exp(x/2)^(2^33 + 1) became exp(x/2)
    ['exp(4294967296.5*x)', 'exp(x/2)'],
    // through sigma and the hyperbolic functions
    ['sigma(4294967296*x)', '1/2'],
    ['tanh(4294967296*x)', '0'],
    ['sinh(2147483648*x)', '0'],
    // through fractional powers: r^(2^33 + 1) for r = y^(1/2) became r
    ['y^4294967296.5', 'sqrt(y)'],
    ['y^(4294967296/3)', '1'],
    // monomial exponents past 2^53 rounded: x^(2^54) * x became x^(2^54)
    [`${X54}*x`, X54],
    // the parity of a multiple of pi past 2^53 was lost by Number(...)
    ['sin(9007199254740993*pi/2)', '0'],
    ['cos(9007199254740993*pi)', '1'],
  ])('%s = %s', (a, b) => {
    expect(decide(a, b).proved).toBe(false);
  });
});

describe('true steps with the same huge integers are still proved', () => {
  it.each([
    ['exp(4294967296*x)*exp(-4294967296*x)', '1'],
    ['exp(2147483648*x)^2', 'exp(4294967296*x)'],
    ['exp(18446744073709551616*x)*exp(x)', 'exp(18446744073709551617*x)'],
    ['exp(4294967296.5*x)', 'exp(x/2)^2*exp(4294967295.5*x)'],
    ['exp(4294967296.5*x)*exp(-4294967296.5*x)', '1'],
    ['sigma(4294967296*x)', '1/(1 + exp(-4294967296*x))'],
    ['sin(9007199254740993*pi/2)', '1'],
    ['cos(9007199254740993*pi)', '-1'],
    ['sin(18446744073709551617*pi/2)', '1'],
    ['cos(18446744073709551618*pi/2)', '-1'],
  ])('%s = %s', (a, b) => {
    expect(decide(a, b).proved).toBe(true);
  });

  it('x^(2^54) * x / x^(2^54) = x for x nonzero, and the exponent is printed exactly', () => {
    const d = decide(`${X54}*x/${X54}`, 'x', { x: NONZERO });
    expect(d.proved).toBe(true);
    const big = decide(X54, 'x');
    expect(big.proved || !big.lhsNormal ? '' : toAscii(big.lhsNormal)).toBe('x^18014398509481984');
  });
});

describe('huge integers never crash the core', () => {
  it('a root of order 2^64 + 1 of a constant is not proved and does not throw', () => {
    expect(() => decide('2^(1/18446744073709551617)', '1')).not.toThrow();
    expect(decide('2^(1/18446744073709551617)', '1').proved).toBe(false);
  });
  it('a constant raised to a power whose value has too many digits is not proved, naming the budget', () => {
    const d = decide('4^(18446744073709551617/2)', '1');
    expect(d.proved).toBe(false);
    expect(d.proved ? undefined : d.bound).toBe('MAX_COEFFICIENT_BITS');
  });
});
