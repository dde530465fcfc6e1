/** The corpus's oracle must be right where it speaks and silent where it cannot know. */
import { describe, expect, it } from 'vitest';
import { oracleValue, relate } from './oracle.js';

const rel = (a: string, b: string, point: Record<string, string>) =>
  relate(oracleValue(a, point), oracleValue(b, point));
const kind = (t: string, point: Record<string, string> = {}) => oracleValue(t, point).kind;

describe('the soundness oracle', () => {
  it('sees a difference that stays put across precisions, however small', () => {
    expect(rel('x*1e-320', '0', { x: '1' })).toBe('differ');
    expect(rel('1 + 1e-31', '1', {})).toBe('differ');
  });
  it('agrees through cancellation, measured against the largest magnitude met', () => {
    expect(rel('sqrt((exp(200) + x^2)^2) - exp(200)', 'x^2', { x: '1/3' })).toBe('agree');
    expect(rel('2^4294967296 / 2^4294967295', '2', {})).toBe('agree');
  });
  it('calls a pole undefined even when a later factor hides it, and a huge stable value a number', () => {
    expect(kind('tan(x)', { x: 'pi/2' })).toBe('undefined');
    expect(kind('tan(x)*cos(x)', { x: 'pi/2' })).toBe('undefined');
    expect(kind('exp(2147483648*x)', { x: '1' })).toBe('defined');
  });
  it('is unsure of what overflows or underflows decimal.js, never calls it undefined or 0', () => {
    expect(kind('exp(18446744073709551616*x)', { x: '1' })).toBe('unknown');
    expect(kind('exp(-18446744073709551616*x)', { x: '1' })).toBe('unknown');
    expect(kind('x^18446744073709551616', { x: '3/2' })).toBe('unknown');
    expect(rel('x^18446744073709551616', '1', { x: '3/2' })).toBe('unsure');
  });
  it('knows the real domain: division by 0, logs and roots of negatives, asin beyond 1', () => {
    for (const [t, x] of [
      ['x/x', '0'],
      ['log(x)', '-1'],
      ['log(x)', '0'],
      ['sqrt(x)', '-4'],
      ['asin(x)', '2'],
      ['x^(-1)', '0'],
    ] as const)
      expect(kind(t, { x }), `${t} at ${x}`).toBe('undefined');
    expect(rel('x/x', '1', { x: '0' })).toBe('differ');
    expect(rel('1/x', 'x^(-1)', { x: '0' })).toBe('agree');
  });
  it('ends on arguments where decimal.js tanh does not (2^31)', () => {
    expect(rel('tanh(2147483648*x)', '-tanh(2147483648*x)', { x: '1' })).toBe('differ');
  });
});
