/** Helpers for tests of normal-form rules: the core's decision, and a 50-digit check that a proved identity holds. */
import { expect } from 'vitest';
import { type Decision, decideEqual } from '../../src/core/equal.js';
import { notProvedWords } from '../../src/explain/decision-words.js';
import { toAscii } from '../../src/ir/print.js';
import { evaluateAtPoint } from '../../src/numeric/evaluate.js';
import { isUndefined, realPart } from '../../src/numeric/numbers.js';
import { makeScope, type ScopeSpec } from './scope.js';

/** the core's decision on a = b in the scope spec describes */
export function decide(a: string, b: string, spec: ScopeSpec = {}) {
  const { scope, p } = makeScope(spec);
  return decideEqual(p(a), p(b), scope);
}

/** why a decision is not a proof, with both normal forms when there are any, for a failing test's message */
export function whyNot(d: Decision): string {
  if (d.proved) return '';
  const form = (e: Decision['lhsNormal'] | undefined) => (e ? toAscii(e) : '');
  return `${notProvedWords(d)} ${form(d.lhsNormal)} | ${form(d.rhsNormal)}`;
}

/** expects a = b proved, with the normal forms in the message when it is not */
export function expectProved(a: string, b: string, spec: ScopeSpec = {}): void {
  expect(decide(a, b, spec).proved, whyNot(decide(a, b, spec))).toBe(true);
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
