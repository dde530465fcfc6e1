/**
 * The steps of the seed derivation (sigmoid belief net gradient) as the
 * checker will hand them over: each correct step agrees numerically, and
 * each plausible mistake is refuted.
 */
import { describe, expect, test } from 'vitest';
import { numericCompare } from '../../src/numeric/compare.js';
import type { Scope } from '../../src/ir/symbols.js';
import { array, domain, ex, index, opaque, scopeOf } from './helpers.js';

const decls = [
  index('i'),
  index('j'),
  index('k'),
  array('s', 1, domain('binary')),
  array('w', 2),
  opaque('pR', domain('positive'), ['w[i,j]']),
  opaque('pPa', domain('positive'), ['w[i,j]']),
  opaque('ps', domain('probability')),
];
const defs = { a: 'sum(k, w[i,k]*s[k])', pN: 'pPa*pR*ps' };
const main = scopeOf(decls, defs);
const on = scopeOf(decls, { ...defs, ps: 'sigma(a)' }, { 's[i]': '1' });
const off = scopeOf(decls, { ...defs, ps: '1 - sigma(a)' }, { 's[i]': '0' });

const kind = (l: string, r: string, scope: Scope) => numericCompare(ex(l), ex(r), scope, { seed: 2024 }).kind;

describe('the seed derivation', () => {
  test.each([
    ['diff(log(pN), w[i,j])', 'diff(log(pPa*pR*ps), w[i,j])', main],
    ['diff(log(pPa*pR*ps), w[i,j])', 'diff(log(pPa) + log(pR) + log(ps), w[i,j])', main],
    ['diff(log(pPa) + log(pR) + log(ps), w[i,j])', 'diff(log(ps), w[i,j])', main],
    ['diff(log(ps), w[i,j])', 'diff(log(sigma(a)), w[i,j])', on],
    ['diff(log(sigma(a)), w[i,j])', 's[j]*sigma(a)*(1 - sigma(a))/sigma(a)', on],
    ['s[j]*sigma(a)*(1 - sigma(a))/sigma(a)', 's[j]*(1 - sigma(a))', on],
    ['s[j]*(1 - sigma(a))', 's[j]*(s[i] - sigma(a))', on],
    ['diff(log(ps), w[i,j])', 'diff(log(1 - sigma(a)), w[i,j])', off],
    ['diff(log(1 - sigma(a)), w[i,j])', 's[j]*(-1)*sigma(a)*(1 - sigma(a))/(1 - sigma(a))', off],
    ['s[j]*(-sigma(a))', 's[j]*(s[i] - sigma(a))', off],
  ])('%s = %s', (l, r, scope) => {
    expect(kind(l, r, scope)).toBe('agree');
  });

  test.each([
    // the last step without the case's assumption
    ['s[j]*(-sigma(a))', 's[j]*(s[i] - sigma(a))', main],
    // dropping log(ps): ps depends on w[i,j]
    ['diff(log(pPa) + log(pR) + log(ps), w[i,j])', '0', main],
    // the chain rule's inner derivative taken as s[i]
    ['diff(log(sigma(a)), w[i,j])', 's[i]*(1 - sigma(a))', on],
    // the sign lost in the s[i] = 0 case
    ['diff(log(1 - sigma(a)), w[i,j])', 's[j]*sigma(a)', off],
  ])('%s is not %s', (l, r, scope) => {
    expect(kind(l, r, scope)).toBe('disagree');
  });

  test('an opaque factor not declared independent cannot be dropped', () => {
    const loose = scopeOf(
      [
        ...decls.slice(0, 5),
        opaque('pR', domain('positive')),
        opaque('pPa', domain('positive'), ['w[i,j]']),
        opaque('ps', domain('probability')),
      ],
      defs,
    );
    expect(kind('diff(log(pN), w[i,j])', 'diff(log(ps), w[i,j])', loose)).toBe('disagree');
    expect(kind('diff(log(pN), w[i,j])', 'diff(log(ps), w[i,j])', main)).toBe('agree');
  });
});
