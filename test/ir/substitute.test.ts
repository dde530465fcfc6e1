/** Substitution and assumptions, case by case: binders, binding positions and index positions. */
import { describe, expect, it } from 'vitest';
import { add, diff, elem, mul, num, sum, sym } from '../../src/ir/expr.js';
import { toAscii } from '../../src/ir/print.js';
import { SubstitutionError, applyAssumptions, freeNames, renameFree, substitute } from '../../src/ir/substitute.js';

const w = (a: string, b: string) => elem('w', [sym(a), sym(b)]);

describe('substitute', () => {
  it("renames a sum's index that would capture a free index of the replacement", () => {
    const e = sum('k', mul([sym('x'), w('i', 'k')]));
    const out = substitute(e, new Map([['x', w('k', 'k')]]));
    expect(toAscii(out)).toBe('sum(k1, w[k, k] * w[i, k1])');
    expect(freeNames(out).has('k')).toBe(true);
  });

  it('leaves a bound occurrence alone', () => {
    const e = add([sym('k'), sum('k', w('i', 'k'))]);
    expect(toAscii(substitute(e, new Map([['k', sym('j')]])))).toBe('j + sum(k, w[i, k])');
  });

  it('replaces an index inside a diff variable, never the diff variable itself', () => {
    const e = diff(mul([sym('x'), w('i', 'j')]), w('i', 'j'));
    expect(toAscii(substitute(e, new Map([['j', sym('k')]])))).toBe('diff(x * w[i, k], w[i, k])');
    expect(() => substitute(diff(mul([sym('x'), sym('x')]), sym('x')), new Map([['x', num(3)]]))).toThrow(
      SubstitutionError,
    );
  });

  it('refuses to put a replacement that mentions the variable of a derivative into its body', () => {
    const e = diff(mul([sym('x'), sym('y')]), sym('y'));
    expect(() => substitute(e, new Map([['x', sym('y')]]))).toThrow(/variable of the derivative/);
  });

  it('refuses a value in an index position', () => {
    expect(() => substitute(w('u', 'j'), new Map([['u', add([sym('x'), num(1)])]]))).toThrow(/index position/);
  });
});

describe('renameFree', () => {
  it('renames a parameter everywhere it is free, the variable of a diff included, and not where a sum binds it', () => {
    const e = add([diff(mul([sym('x'), sym('x')]), sym('x')), sum('x', elem('s', [sym('x')]))]);
    expect(toAscii(renameFree(e, new Map([['x', '%x1']])))).toBe('diff(%x1 * %x1, %x1) + sum(x, s[x])');
  });
});

describe('applyAssumptions', () => {
  const sI = elem('s', [sym('i')]);
  it('puts values in for free occurrences only', () => {
    const e = add([sI, sum('i', elem('s', [sym('i')]))]);
    expect(toAscii(applyAssumptions(e, [{ variable: sI, value: num(1) }]))).toBe('1 + sum(i, s[i])');
  });
  it('leaves a diff as it is (values go in after derivatives are taken)', () => {
    const e = diff(mul([sI, sym('x')]), sym('x'));
    expect(applyAssumptions(e, [{ variable: sI, value: num(0) }]).key).toBe(e.key);
  });
});
