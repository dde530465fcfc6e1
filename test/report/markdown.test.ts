import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/verdict/result.js';
import { escapeMarkdown, formatMarkdown, inlineMath } from '../../src/report/markdown.js';
import { allProved, mixed, withError } from './fixtures.js';

const LATEX = [
  '\\frac{\\partial}{\\partial w_{ij}} \\log p_N',
  '\\frac{\\partial}{\\partial w_{ij}} \\log\\left(1 - \\sigma\\left(\\sum_k w_{ik} s_k\\right)\\right)',
  's_j \\sigma\\left(\\left|\\sum_k w_{ik} s_k\\right|\\right)',
];

/** `mixed` with the LaTeX the checker would attach to each step */
const mixedTex: FileResult = { ...mixed, steps: mixed.steps.map((s, i) => ({ ...s, latex: LATEX[i]! })) };

const md = (results: FileResult[], strict = false) => formatMarkdown(results, { strict });

/** a table row's cells, split at the pipes GitHub treats as separators (not `\|`) */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

const rowOf = (text: string, location: string) => text.split('\n').find((l) => l.startsWith(`| \`${location}\` |`));

describe('formatMarkdown', () => {
  it('heads each file with ✅ or ❌, its name and title', () => {
    const text = md([mixedTex, allProved]);
    expect(text).toContain('### ❌ derivations/wrong/sign-slip.yaml: Sigmoid belief net gradient with a sign slip');
    expect(text).toContain('### ✅ derivations/softplus.yaml: Derivative of softplus');
    expect(text.split('\n')[0]).toBe('## derivcheck ❌ 1 of 2 files accepted');
  });

  it('has a step table with one five-cell row per step', () => {
    const text = md([mixedTex]);
    expect(text).toContain('| step | line | status | expression | reason |');
    const rows = mixedTex.steps.map((s) => rowOf(text, s.location));
    expect(rows.every((r) => r !== undefined)).toBe(true);
    expect(rows.map((r) => cells(r!).slice(0, 3))).toEqual([
      ['`steps[0]`', '20', '✓ proved'],
      ['`cases[1].steps[0]`', '41', '≈ numeric'],
      ['`cases[1].steps[1]`', '43', '✗ failed'],
    ]);
    for (const r of rows) expect(cells(r!)).toHaveLength(5);
  });

  it('shows expressions as inline math from the latex field, with | escaped', () => {
    const text = md([mixedTex]);
    expect(cells(rowOf(text, 'steps[0]')!)[3]).toBe(`$${LATEX[0]}$`);
    const failed = cells(rowOf(text, 'cases[1].steps[1]')!)[3]!;
    expect(failed).toBe('$s_j \\sigma\\left(\\left\\|\\sum_k w_{ik} s_k\\right\\|\\right)$');
    expect(text).not.toContain('s_j \\sigma\\left(\\left|');
  });

  it('falls back to the ASCII expression as code when there is no latex', () => {
    expect(cells(rowOf(md([mixed]), 'steps[0]')!)[3]).toBe('`diff(log(pN), w[i, j])`');
  });

  it('gives the reason: justification, message and numeric evidence', () => {
    const text = md([mixedTex]);
    expect(cells(rowOf(text, 'cases[1].steps[1]')!)[4]).toBe('*by chain rule*<br>not equal to the previous step');
    expect(cells(rowOf(text, 'cases[1].steps[0]')!)[4]).toContain(
      'evidence: 200 points agree, 3 skipped, seed 7, 20 random networks',
    );
  });

  it('tabulates the counterexample under the failed step', () => {
    const text = md([mixedTex]);
    const at = text.indexOf('**Counterexample to `cases[1].steps[1]`** (line 43):');
    expect(at).toBeGreaterThan(text.indexOf('| step | line |'));
    const after = text.slice(at);
    expect(after).toContain('| `w[1,2]` | `0.75` |');
    expect(after).toContain('| `previous step` | `-0.6791786991753930` |');
    expect(after).toContain('| `this step` | `0.6791786991753930` |');
    expect(after).toContain('| `seed` | `7` |');
    expect(text.match(/\*\*Counterexample/g)).toHaveLength(1);
  });

  it('lists the premises as assumed', () => {
    const text = md([mixedTex]);
    expect(text).toContain('**Premises** (assumed, not proved):');
    expect(text).toContain('- line 14, definition: `pN = pPa * pR * ps`');
    expect(text).toContain('- line 40, case-definition: `ps = 1 - sigma(a(i)) when s[i] = 0`');
    expect(md([allProved])).not.toContain('Premises');
  });

  it('shows an error step with its code', () => {
    expect(cells(rowOf(md([withError]), 'steps[1]')!)[2]).toBe('! error `unknown-function`');
  });

  it('marks a file with numeric steps ❌ under --strict', () => {
    const numeric: FileResult = { ...allProved, steps: [{ ...allProved.steps[0]!, status: 'numeric' }] };
    expect(md([numeric])).toContain('### ✅');
    const strict = md([numeric], true);
    expect(strict).toContain('### ❌');
    expect(strict).toContain('≈ numeric (not enough under --strict)');
  });

  it('escapes text so messages cannot add markup, links or table cells', () => {
    const evil: FileResult = {
      ...withError,
      title: '*bold* <img src=x onerror=alert(1)>',
      steps: [{ ...withError.steps[0]!, message: 'a | b [link](http://x) `code` $x$\nsecond line' }],
    };
    const text = md([evil]);
    expect(text).toContain(
      '### ❌ derivations/errors/unknown-function.yaml: \\*bold\\* &lt;img src=x onerror=alert(1)&gt;',
    );
    const row = cells(rowOf(text, 'steps[1]')!);
    expect(row).toHaveLength(5);
    expect(row[4]).toBe('a \\| b \\[link\\](http://x) \\`code\\` \\$x\\$<br>second line');
  });

  it('escapes helpers: plain text and inline math', () => {
    expect(escapeMarkdown('a_b & <c>')).toBe('a\\_b &amp; &lt;c&gt;');
    expect(inlineMath(' |x| \n + 1 ')).toBe('$\\|x\\| + 1$');
    expect(inlineMath('\\$5 and $6')).toBe('$\\$5 and \\$6$');
  });
});
