/**
 * Unfolding definitions, case by case: the examples of the contract, and
 * each bug the property tests found (every one fails without its fix).
 */
import { describe, expect, it } from 'vitest';
import { unfoldDefinitions } from '../../src/core/expand.js';
import type { Expr } from '../../src/ir/expr.js';
import { toAscii } from '../../src/ir/print.js';
import { REAL, type Definition, type Scope, type SymbolDecl } from '../../src/ir/symbols.js';
import { UnfoldError, parameterKinds, unfold } from '../../src/ir/unfold.js';
import { parseExpression } from '../../src/parse/expression.js';
import { referenceValue, realPart } from '../helpers/reference-eval.js';

const SYMBOLS = new Map<string, SymbolDecl>([
  ['i', { kind: 'index', name: 'i' }],
  ['j', { kind: 'index', name: 'j' }],
  ['k', { kind: 'index', name: 'k' }],
  ['w', { kind: 'array', name: 'w', arity: 2, domain: REAL }],
  ['s', { kind: 'array', name: 's', arity: 1, domain: { kind: 'binary' } }],
  ['c', { kind: 'scalar', name: 'c', domain: REAL, opaque: true, independentOf: [] }],
]);

/** a scope with the definitions written as `head: body` */
function scopeWith(defs: Record<string, string>): Scope {
  const heads = Object.keys(defs).map((h) => {
    const m = /^(\w+)(?:\(([^)]*)\))?$/.exec(h)!;
    return { head: h, name: m[1]!, params: m[2] ? m[2].split(',').map((x) => x.trim()) : [] };
  });
  const functions = new Map(heads.map((h) => [h.name, h.params.length]));
  const definitions = new Map<string, Definition>();
  for (const h of heads) {
    const env = { symbols: SYMBOLS, functions: new Map([...functions].filter(([n]) => !h.params.includes(n))) };
    definitions.set(h.name, { name: h.name, params: h.params, body: parse(defs[h.head]!, env) });
  }
  return { symbols: SYMBOLS, definitions, assumptions: [] };
}

function parse(
  text: string,
  env: { symbols: ReadonlyMap<string, SymbolDecl>; functions: ReadonlyMap<string, number> },
): Expr {
  const r = parseExpression(text, env);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

const core = (text: string, scope: Scope) =>
  unfoldDefinitions(parse(text, { symbols: SYMBOLS, functions: functionsOf(scope) }), scope);
const functionsOf = (scope: Scope) => new Map([...scope.definitions.values()].map((d) => [d.name, d.params.length]));
const point = (values: Record<string, number>, units: Record<string, number> = { i: 1, j: 2, k: 3 }) => ({
  n: 3,
  units: new Map(Object.entries(units)),
  values: new Map(Object.entries(values)),
});

describe('definitions as functions', () => {
  const square = scopeWith({ 'f(x)': 'diff(x^2, x)' });

  it('f(x): diff(x^2, x) gives f(3) = 6 and f(y) = 2y', () => {
    expect(realPart(referenceValue(core('f(3)', square), point({})))).toBe(6);
    expect(realPart(referenceValue(core('f(y)', square), point({ y: 5 })))).toBe(10);
  });

  it('without a differentiator, f(3) is an UnfoldError that says why, never diff(9, 3)', () => {
    const e = parse('f(3)', { symbols: SYMBOLS, functions: functionsOf(square) });
    expect(() => unfold(e, square.definitions, { symbols: SYMBOLS })).toThrow(UnfoldError);
    expect(() => unfold(e, square.definitions, { symbols: SYMBOLS })).toThrow(/its parameter x/);
  });

  it("keeps an unused argument's definedness: f(x, log(y)) is x only where y > 0", () => {
    const scope = scopeWith({ 'f(a, b)': 'a' });
    const out = core('f(x, log(y))', scope);
    expect(toAscii(out)).toBe('x + 0 * log(y)');
    expect(core('f(x, y^2 + 1)', scope).key).toBe('x');
  });

  it("a definition's free index stays the file's under a sum that binds the same name", () => {
    const scope = scopeWith({ g: 'w[i,j]' });
    expect(toAscii(core('sum(j, g)', scope))).toBe('sum(j1, w[i, j])');
  });

  it('index parameters are found through calls of other definitions', () => {
    const scope = scopeWith({ 'a(u)': 'sum(k, w[u,k] * s[k])', 'p(v)': 'sigma(a(v))' });
    expect(parameterKinds(scope.definitions.get('p')!, scope.definitions).get('v')).toBe('index');
  });
});

describe('bugs found by the property tests', () => {
  it("a derivative inside a function keeps the definedness of its value, not of its body's", () => {
    // log(diff(3, p)) is log(0): undefined everywhere (a first version kept log(3))
    const scope = scopeWith({ 'f(p)': 'log(diff(3, p))' });
    expect(referenceValue(core('f(y)', scope), point({ y: 1 }))).toBeUndefined();
  });

  it('a derivative with respect to a defined quantity is defined only where its value is', () => {
    // c = log(delta(i, 1)) is undefined at i = 2, so is diff(anything, c) there
    const scope = scopeWith({ c: 'log(delta(i, 1))' });
    // written in the main chain, where c is the declared opaque quantity, checked under the case's define
    const out = unfoldDefinitions(parse('diff(x, c)', { symbols: SYMBOLS, functions: new Map() }), scope);
    expect(referenceValue(out, point({ x: 1 }, { i: 2, j: 1, k: 1 }))).toBeUndefined();
    expect(realPart(referenceValue(out, point({ x: 1 }, { i: 1, j: 1, k: 1 })))).toBe(0);
  });

  it('an argument the dependence test lets through but substitution refuses takes the derivative-first path', () => {
    // diff(1/2, w[1,i]) is 0, so the argument does not depend on w[1,i], yet it mentions it
    const scope = scopeWith({ 'f(p)': 'sin(diff(p, w[1,i]))' });
    const out = core('f(diff(1/2, w[1,i]) + s[i])', scope);
    expect(realPart(referenceValue(out, point({ 's[1]': 1, 'w[1,1]': 0 })))).toBe(0);
  });
});
