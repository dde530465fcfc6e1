/** Helpers for tests of normal-form rules: the core's decision, and a 50-digit check that a proved identity holds. */
import { expect } from 'vitest';
import { decideEqual } from '../../src/core/equal.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { isUndefined, realPart } from '../../src/numeric/numbers.js';
import { makeScope, type ScopeSpec } from './scope.js';

/** the core's decision on a = b in the scope spec describes */
export function decide(a: string, b: string, spec: ScopeSpec = {}) {
  const { scope, p } = makeScope(spec);
  return decideEqual(p(a), p(b), scope);
}

/** expects a = b proved, with the normal forms in the message when it is not */
export function expectProved(a: string, b: string, spec: ScopeSpec = {}): void {
  const d = decide(a, b, spec);
  expect(d.proved, d.proved ? '' : `${d.reason} ${d.lhsNormal} | ${d.rhsNormal}`).toBe(true);
}

/**
 * a - b at 50 digits at the given points (every variable not named gets 0.45): below 1e-40 wherever both
 * sides are defined, and both defined at one point at least
 */
export function agreesNumerically(a: string, b: string, points: Record<string, string>[]): void {
  const { p } = makeScope({});
  let defined = 0;
  for (const at of points) {
    const full = { x: '0.45', y: '0.45', z: '0.45', a: '0.45', b: '0.45', p: '0.45', n: '0.45', ...at };
    const l = evaluateAtPoint(p(a), full, 50);
    const r = evaluateAtPoint(p(b), full, 50);
    if (isUndefined(l) || isUndefined(r)) continue;
    defined++;
    expect(realPart(l).minus(realPart(r)).abs().toNumber(), `${a} vs ${b} at ${JSON.stringify(at)}`).toBeLessThan(
      1e-40,
    );
  }
  expect(defined, `${a} vs ${b}: defined at no point`).toBeGreaterThan(0);
}
