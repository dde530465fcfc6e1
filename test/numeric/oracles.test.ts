/**
 * A step with diff is accepted only when the three derivative oracles agree,
 * and a disagreement names the odd one out. Faults are injected by replacing
 * one oracle's module (vi.doMock) so that the others must catch it.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Decimal } from '../../src/numeric/decimal.js';
import { judgeSite } from '../../src/numeric/oracles.js';
import { array, domain, ex, index, scopeOf } from './helpers.js';

const net = scopeOf([index('i'), index('j'), index('k'), array('s', 1, domain('binary')), array('w', 2)]);
const D = Decimal.clone({ precision: 50 });

describe('judging one site', () => {
  const f = new D('0.25');
  test('all agree: no odd one', () => {
    expect(judgeSite(f, new D('0.25'), { value: new D(0.25 + 1e-12), scale: 1 })).toBeUndefined();
  });
  test('the odd one is named', () => {
    expect(judgeSite(f, new D('0.26'), { value: new D(0.25), scale: 1 })).toMatch(
      /^Richardson finite differences disagree with the other two/,
    );
    expect(judgeSite(f, new D('0.25'), { value: new D(0.26), scale: 1 })).toMatch(
      /^the reverse-mode tape \(float64\) disagrees with the other two/,
    );
    expect(judgeSite(f, new D('0.3'), { value: new D(0.3), scale: 1 })).toMatch(
      /^forward-mode dual numbers \(50 digits\) disagree with the other two/,
    );
    expect(judgeSite(f, new D('0.3'), { value: new D(0.4), scale: 1 })).toBe('all three disagree');
  });
  test('an unavailable oracle is not compared, and a pair that disagrees is named as a pair', () => {
    expect(judgeSite(f, undefined, { unavailable: 'nested diff' })).toBeUndefined();
    expect(judgeSite(f, new D('0.3'), { unavailable: 'nested diff' })).toMatch(
      /dual numbers .* and Richardson finite differences disagree \(the tape is not available here: nested diff\)/,
    );
    expect(judgeSite(f, undefined, { value: new D(0.3), scale: 1 })).toMatch(
      /and the reverse-mode tape \(float64\) disagree/,
    );
  });
  test('finite differences must agree far more closely than the float64 tape', () => {
    expect(judgeSite(f, f.plus('1e-15'), { unavailable: '-' })).toMatch(/disagree/);
    expect(judgeSite(f, f.plus('1e-25'), { unavailable: '-' })).toBeUndefined();
    // the tape's tolerance scales with the magnitudes whose signed sum the derivative is
    expect(judgeSite(f, undefined, { value: new D(0.25 + 1e-7), scale: 1 })).toMatch(/disagree/);
    expect(judgeSite(f, undefined, { value: new D(0.25 + 1e-7), scale: 1e3 })).toBeUndefined();
  });
});

describe('in numericCompare', () => {
  afterEach(() => {
    vi.doUnmock('../../src/numeric/finite-difference.js');
    vi.doUnmock('../../src/numeric/tape-oracle.js');
    vi.resetModules();
  });

  test('a correct derivative step is accepted, with the oracles it was checked by', async () => {
    const { numericCompare } = await import('../../src/numeric/compare.js');
    const v = numericCompare(
      ex('diff(log(sigma(sum(k, w[i,k]*s[k]))), w[i,j])'),
      ex('s[j]*(1 - sigma(sum(k, w[i,k]*s[k])))'),
      net,
      { seed: 3 },
    );
    expect(v.kind).toBe('agree');
    const text = v.kind === 'agree' ? (v.oracles ?? '') : '';
    const m =
      /Richardson finite differences \((\d+) of (\d+) sites\) and the reverse-mode tape \(float64\) \((\d+) of (\d+)\) at 3 points/.exec(
        text,
      );
    expect(m, text).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![3])).toBeGreaterThan(0);
  });

  test('a nested diff has no tape, but finite differences still check it', async () => {
    const { numericCompare } = await import('../../src/numeric/compare.js');
    const v = numericCompare(ex('diff(diff(x^4, x), x)'), ex('12*x^2'), scopeOf([]), { seed: 1 });
    expect(v.kind).toBe('agree');
    expect(v.kind === 'agree' ? v.oracles : '').toMatch(
      /finite differences \(3 of 3 sites\) and the reverse-mode tape \(float64\) \(0 of 3\)/,
    );
  });

  test('a faulty finite-difference oracle makes the step inconclusive, naming it', async () => {
    vi.resetModules();
    vi.doMock('../../src/numeric/finite-difference.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/numeric/finite-difference.js')>();
      return {
        ...real,
        finiteDifference: (...args: Parameters<typeof real.finiteDifference>) => {
          const v = real.finiteDifference(...args);
          return 'plus' in v ? v.plus(1) : v;
        },
      };
    });
    const { numericCompare } = await import('../../src/numeric/compare.js');
    const v = numericCompare(ex('diff(x^3, x)'), ex('3*x^2'), scopeOf([]), { seed: 1 });
    expect(v.kind).toBe('inconclusive');
    expect(v.kind === 'inconclusive' ? v.reason : '').toMatch(
      /^the derivative oracles disagree on d\/dx of x\^3: .*; Richardson finite differences disagree with the other two/,
    );
  });

  test('a faulty tape makes the step inconclusive, naming it', async () => {
    vi.resetModules();
    vi.doMock('../../src/numeric/tape-oracle.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/numeric/tape-oracle.js')>();
      return {
        ...real,
        tapeDerivative: (...args: Parameters<typeof real.tapeDerivative>) => {
          const t = real.tapeDerivative(...args);
          return t.kind === 'value' ? { ...t, value: t.value * 1.001 + 0.001 } : t;
        },
      };
    });
    const { numericCompare } = await import('../../src/numeric/compare.js');
    const v = numericCompare(ex('diff(sum(k, w[i,k]*s[k])^2, w[i,j])'), ex('2*s[j]*sum(k, w[i,k]*s[k])'), net, {
      seed: 2,
    });
    expect(v.kind).toBe('inconclusive');
    expect(v.kind === 'inconclusive' ? v.reason : '').toMatch(
      /the reverse-mode tape \(float64\) disagrees with the other two \(n = \d/,
    );
  });

  test('a wrong derivative step still fails: the oracles confirm the counterexample and are named in it', async () => {
    const { numericCompare } = await import('../../src/numeric/compare.js');
    const v = numericCompare(ex('diff(sum(k, w[i,k]*s[k]), w[i,j])'), ex('s[i]'), net, { seed: 4 });
    expect(v.kind).toBe('disagree');
    const how = v.kind === 'disagree' ? v.counterexample.how : '';
    expect(how).toMatch(
      /derivatives by forward-mode dual numbers \(50 digits\), confirmed by Richardson finite differences and the reverse-mode tape \(float64\)$/,
    );
  });
});
