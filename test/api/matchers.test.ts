/** The vitest matcher: passes only on a proof (or numeric evidence when allowed); `.not` passes only on a refutation. */
import { describe, expect, it } from 'vitest';
import { derivcheckMatchers } from '../../src/testing/matchers.js';

expect.extend(derivcheckMatchers);

const positive = { symbols: { x: { domain: 'positive', opaque: false } } };
/** the message of the assertion error `f` throws, or undefined when it passes */
const failure = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

describe('toEqualExpression', () => {
  it('passes on a proof', () => {
    expect('exp(x) / (1 + exp(x))').toEqualExpression('sigma(x)');
    expect('log(x^2)').toEqualExpression('2*log(x)', positive);
  });
  it('fails on a refutation, with the counterexample in the message', () => {
    const m = failure(() => expect('x/x').toEqualExpression('1'));
    expect(m).toContain('expected "x/x" = "1" to be proved, but it was failed');
    // an exact witness decided by the core: x = 0, where the first side is certainly undefined
    expect(m).toMatch(/counterexample \(exact witness.*\): x = 0/);
    expect(m).toMatch(/first: +undefined \(denominator/);
  });
  it('numeric evidence is not enough unless allowNumeric', () => {
    const m = failure(() => expect('atan(x) + atan(1/x)').toEqualExpression('pi/2', positive));
    expect(m).toContain('but it was numeric');
    expect(m).toContain('allowNumeric');
    expect('atan(x) + atan(1/x)').toEqualExpression('pi/2', positive, { allowNumeric: true });
  });
  it('.not passes only when a counterexample refutes the equality', () => {
    expect('sigma(x)').not.toEqualExpression('sigma(-x)');
    expect(failure(() => expect('sigma(x)').not.toEqualExpression('exp(x) / (1 + exp(x))'))).toContain(
      'to be refuted, but it was proved',
    );
    // not proved is not disproved: numeric evidence does not satisfy .not
    expect(failure(() => expect('atan(x) + atan(1/x)').not.toEqualExpression('pi/2', positive))).toContain(
      'but it was numeric',
    );
  });
  it('input errors fail the assertion under either polarity', () => {
    expect(failure(() => expect('x +').toEqualExpression('x'))).toContain('but it was error');
    expect(failure(() => expect('x +').not.toEqualExpression('x'))).toContain('but it was error');
    expect(failure(() => expect(42).toEqualExpression('x'))).toContain('written as text');
    expect(failure(() => expect(42).not.toEqualExpression('x'))).toContain('written as text');
  });
});
