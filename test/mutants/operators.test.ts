/**
 * The expression operators: each makes the edits it promises, at every
 * applicable position, and never puts a value where an index belongs.
 */
import { describe, expect, it } from 'vitest';
import { toAscii } from '../../src/ir/print.js';
import { expressionEdits, type OperatorContext } from '../../tools/mutants/operators.js';
import { indexParameters, rolesFor } from '../../tools/mutants/index-roles.js';
import { makeScope, SBN } from '../helpers/scope.js';

const { scope, p } = makeScope({ ...SBN, vars: { x: { kind: 'interval', loOpen: true, hiOpen: true } } });
const defs = [...scope.definitions.values()];
const ctx: OperatorContext = {
  symbols: scope.symbols,
  functions: new Map(defs.filter((d) => d.params.length > 0).map((d) => [d.name, d.params.length])),
  roles: rolesFor(scope.symbols, indexParameters(defs)),
};
/** the mutated expressions of one operator, as text */
const edits = (text: string, op: string) =>
  expressionEdits(p(text), ctx)
    .filter((e) => e.operator === op)
    .map((e) => toAscii(e.mutated));

describe('expression operators', () => {
  it('flip-sign negates every value position, and turns a minus into a plus', () => {
    const out = edits('x - y', 'flip-sign');
    expect(out).toContain('x + y');
    expect(out).toContain('-(x - y)');
    expect(out).toContain('-x - y');
  });

  it("swap-element-indices exchanges two distinct indices of an element, diff's variable included", () => {
    expect(edits('w[i,k] * s[k]', 'swap-element-indices')).toEqual(['w[k, i] * s[k]']);
    expect(edits('diff(x, w[i,j])', 'swap-element-indices')).toEqual(['diff(x, w[j, i])']);
    expect(edits('w[i,i]', 'swap-element-indices')).toEqual([]);
  });

  it('swap-free-indices exchanges two free indices everywhere, leaving bound ones alone', () => {
    expect(edits('s[j] * (s[i] - p(i))', 'swap-free-indices')).toEqual(['s[i] * (s[j] - p(j))']);
    expect(edits('sum(k, w[i,k])', 'swap-free-indices')).toEqual([]);
  });

  it('drop-factor leaves out each factor of each product in turn', () => {
    expect(edits('x * y * z', 'drop-factor').sort()).toEqual(['x * y', 'x * z', 'y * z']);
  });

  it('change-constant makes c+1, -c and 2c of a number, but not of an index literal', () => {
    expect(edits('3 * x', 'change-constant').sort()).toEqual(['-3 * x', '4 * x', '6 * x']);
    expect(edits('s[1]', 'change-constant')).toEqual([]);
  });

  it('replace-function swaps a built-in for its stand-ins and a definition for another of the same arity', () => {
    expect(edits('sigma(x)', 'replace-function').sort()).toEqual(['exp(x)', 'tanh(x)']);
    expect(edits('p(i)', 'replace-function')).toEqual(['a(i)']);
  });

  it('replace-by-constant puts 0 and 1 at value positions only: never at an index argument', () => {
    const out = edits('s[j] * p(i)', 'replace-by-constant');
    expect(out).toContain('0');
    expect(out).toContain('s[j] * 1');
    expect(out.some((t) => /p\(0\)|p\(1\)|s\[0\]/.test(t))).toBe(false);
  });

  it("a definition's index parameter is no value position inside its body, even when passed on (p(u) = sigma(a(u)))", () => {
    const roles = rolesFor(scope.symbols, indexParameters(defs), scope.definitions.get('p'));
    const out = expressionEdits(scope.definitions.get('p')!.body, { ...ctx, roles }).map((e) => toAscii(e.mutated));
    expect(out).toContain('0');
    expect(out.some((t) => /\ba\((0|1|-u)\)/.test(t))).toBe(false);
  });

  it('never returns the input or the same variant twice', () => {
    const e = p('1 - (-1) * x');
    const out = expressionEdits(e, ctx).map((x) => x.mutated.key);
    expect(out).not.toContain(e.key);
    expect(new Set(out).size).toBe(out.length);
  });
});
