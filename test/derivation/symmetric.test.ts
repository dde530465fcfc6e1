/**
 * Symmetric arrays (contract version 2): W[a,b] and W[b,a] are one quantity,
 * and a derivative by W[i,j] counts both positions (once on the diagonal).
 */
import { describe, expect, it } from 'vitest';
import { decideEqual } from '../../src/core/equal.js';
import { loadDerivation } from '../../src/derivation/load.js';
import { verifyText } from '../../src/derivation/verify.js';
import { numericCompare } from '../../src/numeric/compare.js';
import type { Scope, SymbolDecl } from '../../src/ir/symbols.js';
import { REAL } from '../../src/ir/symbols.js';
import { parseExpression } from '../../src/parse/expression.js';

const yaml = (...lines: string[]): string => lines.join('\n') + '\n';
const symbols = new Map<string, SymbolDecl>([
  ...['i', 'j', 'k', 'l'].map((n): [string, SymbolDecl] => [n, { kind: 'index', name: n }]),
  ['s', { kind: 'array', name: 's', arity: 1, domain: REAL }],
  ['W', { kind: 'array', name: 'W', arity: 2, domain: REAL, symmetric: true }],
  ['V', { kind: 'array', name: 'V', arity: 2, domain: REAL }],
]);
const scope: Scope = { symbols, definitions: new Map(), assumptions: [] };
const p = (t: string) => {
  const r = parseExpression(t, { symbols, functions: new Map() });
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};
const ENERGY = 'diff(1/2 * sum(k, sum(l, W[k,l] * s[k] * s[l])), W[i,j])';

describe('symmetric arrays in the core and the numeric layer', () => {
  it('W[i,j] and W[j,i] are one quantity; V[i,j] and V[j,i] are not', () => {
    expect(decideEqual(p('W[i,j] - W[j,i]'), p('0'), scope).proved).toBe(true);
    expect(decideEqual(p('V[i,j] - V[j,i]'), p('0'), scope).proved).toBe(false);
    expect(numericCompare(p('W[i,j] - W[j,i]'), p('0'), scope, { seed: 1 }).kind).toBe('agree');
    expect(numericCompare(p('V[i,j] - V[j,i]'), p('0'), scope, { seed: 1 }).kind).toBe('disagree');
  });

  it('d/dW[i,j] of 1/2 sum_kl W_kl s_k s_l is s_i s_j off the diagonal and s_i^2/2 on it', () => {
    const right = p('s[i] * s[j] * (1 - delta(i, j) / 2)');
    expect(decideEqual(p(ENERGY), right, scope).proved).toBe(true);
    expect(numericCompare(p(ENERGY), right, scope, { seed: 1 }).kind).toBe('agree');
    // the derivative as if each position were its own weight
    const half = p('s[i] * s[j] / 2');
    expect(decideEqual(p(ENERGY), half, scope).proved).toBe(false);
    expect(numericCompare(p(ENERGY), half, scope, { seed: 1 }).kind).toBe('disagree');
    // s_i s_j everywhere is wrong on the diagonal only: a counterexample has i = j
    const offDiagonal = numericCompare(p(ENERGY), p('s[i] * s[j]'), scope, { seed: 1 });
    expect(offDiagonal.kind).toBe('disagree');
    if (offDiagonal.kind === 'disagree') {
      const v = offDiagonal.counterexample.values;
      expect(v.i).toBe(v.j);
    }
  });
  it('d W[k,l] / d W[i,j] is 1 at both positions', () => {
    expect(decideEqual(p('diff(W[j,i], W[i,j])'), p('1'), scope).proved).toBe(true);
    expect(numericCompare(p('diff(W[j,i], W[i,j])'), p('1'), scope, { seed: 1 }).kind).toBe('agree');
    expect(decideEqual(p('diff(V[j,i], V[i,j])'), p('1'), scope).proved).toBe(false);
  });
});

describe('the declaration', () => {
  const errors = (...decl: string[]) => {
    const r = loadDerivation('d.yaml', yaml('title: t', 'symbols:', ...decl, 'steps: [{expr: "1"}]'));
    if (r.ok) throw new Error('loaded');
    return r.errors;
  };
  it.each([
    [['  W: {indices: 3, symmetric: true}'], 'two indices', 3, 19],
    [['  W: {indices: 2, symmetric: yes}'], 'true or false', 3, 30],
    [['  w: {symmetric: true}'], 'is a scalar', 3, 7],
  ])('%j: %s', (decl, message, line, column) => {
    const es = errors(...decl);
    expect(es[0]!.message).toContain(message);
    expect(es[0]!.place).toMatchObject({ line, column });
  });
  it('a file with a symmetric weight matrix is checked end to end', () => {
    const r = verifyText(
      'd.yaml',
      yaml(
        'title: t',
        'symbols:',
        '  i: index',
        '  j: index',
        '  k: index',
        '  l: index',
        '  s: {indices: 1}',
        '  W: {indices: 2, symmetric: true}',
        'steps:',
        `  - expr: ${ENERGY}`,
        '  - expr: s[i] * s[j] * (1 - delta(i, j) / 2)',
      ),
      { seed: 1, strict: true },
    );
    expect(r.steps.map((s) => s.status)).toEqual(['proved', 'proved']);
  });
});
