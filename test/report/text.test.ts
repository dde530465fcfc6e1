import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { allProved, mixed, withError } from './fixtures.js';

const plain = { color: false, strict: false };

describe('formatText', () => {
  it('heads each file with its name and title', () => {
    const text = formatText([mixed, allProved], plain);
    expect(text).toContain(`${mixed.file}: ${mixed.title}`);
    expect(text).toContain(`${allProved.file}: ${allProved.title}`);
  });

  it('shows each step with its status, file:line:column, location, expression and reason', () => {
    const text = formatText([mixed], plain);
    expect(text).toMatch(/✓ proved .*sign-slip\.yaml:20:11 +steps\[0\]/);
    expect(text).toMatch(/≈ numeric .*sign-slip\.yaml:41:15 +cases\[1\]\.steps\[0\]/);
    expect(text).toMatch(/✗ failed .*sign-slip\.yaml:43:15 +cases\[1\]\.steps\[1\]/);
    expect(text).toContain('s[j] * sigma(sum(k, w[i, k] * s[k]))');
    expect(text).toContain('by: chain rule');
    expect(text).toContain('not equal to the previous step');
  });

  it('tabulates the counterexample of a failed step', () => {
    const text = formatText([mixed], plain);
    expect(text).toMatch(/w\[1,2\] += 0\.75/);
    expect(text).toMatch(/s\[1\] += 0/);
    expect(text).toMatch(/previous step += -0\.6791786991753930/);
    expect(text).toMatch(/this step += 0\.6791786991753930/);
    expect(text).toMatch(/seed += 7/);
    expect(text).toMatch(/found by += random point/);
  });

  it('lists premises as assumed, not proved', () => {
    const text = formatText([mixed], plain);
    expect(text).toContain('Premises (assumed, not proved):');
    expect(text).toMatch(/line 14 +definition +pN = pPa \* pR \* ps/);
  });

  it('shows the numeric evidence', () => {
    expect(formatText([mixed], plain)).toContain('evidence: 200 points agree, 3 skipped, seed 7, 20 random networks');
  });

  it('ends with a summary line over all files', () => {
    const text = formatText([mixed, allProved, withError], plain);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 files: 3 proved, 1 numeric, 1 failed, 1 error');
  });

  it('says per file whether it is accepted', () => {
    expect(formatText([allProved], plain)).toContain('=> ok');
    expect(formatText([mixed], plain)).toContain('=> NOT OK: 1 failed');
    expect(formatText([withError], plain)).toMatch(
      /! error +derivations\/errors\/unknown-function\.yaml:8:11 +steps\[1\] +\[unknown-function\]/,
    );
  });

  it('flags numeric steps under --strict', () => {
    const numericOnly = { ...allProved, steps: [{ ...allProved.steps[0]!, status: 'numeric' as const }] };
    const text = formatText([numericOnly], { color: false, strict: true });
    expect(text).toContain('numeric (not enough under --strict)');
    expect(text).toContain('=> NOT OK: 1 numeric under --strict');
  });

  it('has no escape codes without colour, and has them with colour', () => {
    const ansi = `${String.fromCharCode(27)}[`;
    expect(formatText([mixed, allProved, withError], plain)).not.toContain(ansi);
    expect(formatText([mixed], { color: true, strict: false })).toContain(ansi);
  });
});
