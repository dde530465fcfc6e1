import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/explain/locate.js';
import { toAscii } from '../../src/ir/print.js';
import { makeScope, SBN } from '../helpers/scope.js';

describe('firstDifference', () => {
  it('finds the sub-expression where a slip happened', () => {
    const { scope, p } = makeScope({});
    const d = firstDifference(p('exp(x) * (1 + sin(2*x))'), p('exp(x) * (1 + sin(3*x))'), scope, 1);
    expect(toAscii(d.lhs)).toBe('2');
    expect(toAscii(d.rhs)).toBe('3');
  });
  it('finds a swapped index inside a sum', () => {
    const { scope, p } = makeScope(SBN);
    const d = firstDifference(
      p('s[j] * (1 - sigma(sum(k, w[i,k]*s[k])))'),
      p('s[j] * (1 - sigma(sum(k, w[k,i]*s[k])))'),
      scope,
      1,
    );
    expect(toAscii(d.lhs)).toBe('w[i, k]');
    expect(toAscii(d.rhs)).toBe('w[k, i]');
  });
  it('returns the whole pair when the shapes differ', () => {
    const { scope, p } = makeScope({});
    const d = firstDifference(p('x + 1'), p('x * 2'), scope, 1);
    expect(toAscii(d.lhs)).toBe('x + 1');
  });
});
