/**
 * Mistake diagnosis (issue 12, item 2): every exercise in
 * derivations/teaching/ has a planted mistake and says in a comment which
 * diagnosis it expects (`# diagnosis: <kind>` or `none`); the checker must
 * fail the planted step, show the correct result (equal to the derivative by
 * the core) and name exactly the expected mistake, or none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../../src/derivation/verify.js';
import { diagnoseStep, KINDS_TRIED } from '../../src/explain/diagnose.js';
import { decideEqual } from '../../src/core/equal.js';
import { makeScope } from '../helpers/scope.js';
import type { MistakeKind } from '../../src/verdict/result.js';

const dir = new URL('../../derivations/teaching/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

function expected(file: string): { location: string; kind: string } {
  const text = readFileSync(dir + file, 'utf8');
  return {
    location: /^# expect-fail: (\S+)/m.exec(text)![1]!,
    kind: /^# diagnosis: (\S+)/m.exec(text)![1]!,
  };
}

describe('derivations/teaching: each planted mistake diagnosed', () => {
  it('has an exercise for each of the usual mistakes, and one that is none of them', () => {
    const kinds = new Set(files.map((f) => expected(f).kind));
    for (const k of KINDS_TRIED.filter((k) => k !== 'variable-treated-as-constant')) expect(kinds).toContain(k);
    expect(kinds).toContain('none');
  });
  for (const f of files)
    it(`${f}: the expected diagnosis, and the correct result`, async () => {
      const want = expected(f);
      const r = await verifyFile(dir + f, { seed: 1, strict: false });
      const failed = r.steps.filter((s) => s.status === 'failed');
      expect(failed.map((s) => s.location)).toEqual([want.location]);
      const d = failed[0]!.diagnosis;
      expect(d).toBeDefined();
      expect(d!.correct.length).toBeGreaterThan(0);
      if (want.kind === 'none') expect(d!.mistake).toBeUndefined();
      else {
        expect(d!.mistake?.kind).toBe(want.kind as MistakeKind);
        expect(d!.mistake?.checkedBy).toBe('core');
        expect(d!.mistake?.message.length).toBeGreaterThan(10);
      }
    });
});

describe('diagnoseStep', () => {
  const { scope, p } = makeScope({ vars: {} });
  const diag = (prev: string, next: string) => diagnoseStep(p(prev), p(next), scope, { seed: 1 });
  it('shows the correct result simplified, equal to the derivative by the core', () => {
    const d = diag('diff(sin(3*x^2), x)', 'cos(3*x^2)')!;
    expect(decideEqual(p(d.correct), p('6*x*cos(3*x^2)'), scope).proved).toBe(true);
    expect(d.correct).not.toContain('diff');
    expect(d.mistake?.message).toContain('3 * x^2');
  });
  it('gives nothing when the previous step has no diff', () => {
    expect(diag('sin(x)^2 + cos(x)^2', '2')).toBeUndefined();
  });
  it('names no mistake for a wrong step that no usual mistake explains', () => {
    for (const [prev, next] of [
      ['diff(x^2 * exp(x), x)', 'x^2 * exp(x) + x * exp(x)'],
      ['diff(log(x^2 + 1), x)', '2 / (x^2 + 1)'],
      ['diff(x^3, x)', '3 * x'],
      ['diff(exp(2*x), x)', 'exp(2*x) + 2'],
    ]) {
      const d = diag(prev!, next!)!;
      expect(d, `${prev} -> ${next}`).toBeDefined();
      expect(d.mistake, `${prev} -> ${next}`).toBeUndefined();
    }
  });
  it('names an exponent treated as a constant (the power rule on 2^x)', () => {
    const d = diag('diff(2^x, x)', 'x * 2^(x - 1)')!;
    expect(d.mistake?.kind).toBe('variable-treated-as-constant');
    expect(d.mistake?.checkedBy).toBe('core');
  });
  it('finds the mistake at one site among several (chain rule forgotten in one factor only)', () => {
    const d = diag('diff(exp(2*x) * exp(x^2), x)', '2 * exp(2*x) * exp(x^2) + exp(2*x) * exp(x^2)')!;
    expect(d.mistake?.kind).toBe('missing-inner-derivative');
    expect(d.mistake?.message).toContain('x^2');
  });
});
