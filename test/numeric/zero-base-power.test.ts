/**
 * 0^u with a variable exponent: 0 wherever u > 0, so its derivative there is
 * 0 (found by the conformance corpus: mathjs's d/dx 0^(2^x+x^3+2) = 0). The
 * fix must not make any other non-positive base defined.
 */
import { describe, expect, test } from 'vitest';
import type { Decimal } from '../../src/numeric/decimal.js';
import type { Val } from '../../src/numeric/numbers.js';
import { NotDefined } from '../../src/numeric/undefined.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { ex } from './helpers.js';

const str = (v: Val): string => (v instanceof NotDefined ? `undefined: ${v.cause}` : (v as Decimal).toString());
const at = (text: string, x: string): string => str(evaluateAtPoint(ex(text), { x }));

describe('a constant base 0 under a varying exponent', () => {
  test('the derivative is 0 where the exponent is positive (first and second derivatives)', () => {
    expect(at('diff(0^(2^x+x^3+2), x)', '0')).toBe('0');
    expect(at('diff(0^(x^2+1), x)', '0.5')).toBe('0');
    expect(at('diff(diff(0^(x^2+1), x), x)', '-1.25')).toBe('0');
  });
  test('it stays undefined where the exponent is not positive', () => {
    expect(at('diff(0^x, x)', '-1')).toBe('undefined: domain');
    expect(at('diff(0^x, x)', '0')).toBe('undefined: domain');
  });
  test('a base that varies or is negative still needs to be positive', () => {
    expect(at('diff(x^x, x)', '0')).toBe('undefined: domain');
    expect(at('diff((-2)^x, x)', '1.5')).toBe('undefined: domain');
    expect(at('diff((x-1)^x, x)', '1')).toBe('undefined: domain');
  });
});
