/**
 * The exactness rule, enforced on the source: the trusted core (src/core/)
 * and the IR it trusts (src/ir/) compute with bigints; a JS number is allowed
 * only where a named budget bounds it before the conversion. Every
 * conversion or 32-bit operation that could wrap or round an unbounded
 * integer (`Number(`, `parseInt`, `>>`, `& 1`, `Math.floor`, ...) fails this
 * test unless its line says why it is exact: `// exact: <why>, bounded by
 * <BUDGET>` naming a budget exported from src/core/budget.ts. Outside the core
 * a deliberate float may say `// approximate: <why>` instead, and the core
 * must never import such a function (today only rationalToNumber).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetNames, scanSource, srcRoot } from '../helpers/exact-scan.js';

const root = srcRoot;

function filesOf(folder: string): string[] {
  return (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${folder}/${f}`);
}

describe('the scanner', () => {
  const budgets = new Set(['MAX_EXPAND_EXPONENT', 'MAX_ROOT_ORDER']);
  const scan = (s: string, core = true) => scanSource(s, { core, budgets });

  it('finds each risky operation on an unmarked line', () => {
    const risky = [
      'const k = Number(c.n);',
      'const k = parseInt(text, 10);',
      'const v = parseFloat(text);',
      'k >>= 1;',
      'const h = k >> 1;',
      'const h = k >>> 0;',
      'const d = 1 << k;',
      'const w = k | 0;',
      'const w = k|0;',
      'if (k & 1) r = r * b;',
      'const t = ~~k;',
      'const q = Math.floor(e / 2);',
      'const q = Math.round(e);',
      'const q = Math.trunc(e);',
      'const q = Math.ceil(e);',
      'const s = v.toFixed(3);',
    ];
    for (const line of risky) expect(scan(line), line).toHaveLength(1);
  });

  it('accepts a line whose exact: comment names a budget, and no other comment', () => {
    expect(scan('const k = Number(c.n); // exact: |c.n| <= MAX_EXPAND_EXPONENT, checked above')).toEqual([]);
    expect(scan('const k = Number(c.n); // exact: it is small')).toHaveLength(1);
    expect(scan('const k = Number(c.n); // exact: bounded by MAX_SOMETHING_ELSE')).toHaveLength(1);
    expect(scan('const k = Number(c.n); // it is fine')).toHaveLength(1);
  });

  it('allows an approximate: comment outside the core only', () => {
    const line = 'return Number(a.n) / Number(a.d); // approximate: a float for screening';
    expect(scan(line, false)).toEqual([]);
    expect(scan(line, true)).toHaveLength(1);
  });

  it('ignores prose in whole-line comments, generics, logical operators and bigint comparisons', () => {
    const clean = [
      '// Ring.pow once used k >>= 1 and Number(...)',
      ' * parity lost by Number(...) and k & 1',
      'const m = new Map<string, Set<string>>();',
      'let common: Map<string, Array<bigint>> | undefined;',
      'const a = b || 0;',
      'if (x && 1 > y) return;',
      'if (k % 2n === 1n) r = r * b;',
      'const big = x.toString(2).length;',
    ];
    for (const line of clean) expect(scan(line), line).toEqual([]);
  });

  it('finds a new unmarked occurrence added to a clean core file', () => {
    const file = readFileSync(join(root, 'core/poly.ts'), 'utf8');
    const budgets = budgetNames();
    expect(scanSource(file, { core: true, budgets })).toEqual([]);
    const mutated = file.replace('while (k > 0n) {', 'while (k > 0n) {\n      const low = Number(k) & 1;');
    expect(mutated).not.toBe(file);
    expect(scanSource(mutated, { core: true, budgets }).map((f) => f.op)).toEqual(['Number(', '& 1']);
  });
});

describe('src/core/ and src/ir/ keep the exactness rule', () => {
  const budgets = budgetNames();

  it('knows the budgets it checks markers against', () => {
    for (const b of ['MAX_TERMS', 'MAX_EXPAND_EXPONENT', 'MAX_COEFFICIENT_BITS', 'MAX_DECIMAL_EXPONENT'])
      expect(budgets.has(b), b).toBe(true);
  });

  it('no file has an unjustified conversion, shift, 32-bit mask or rounding', () => {
    const files = [...filesOf('core'), ...filesOf('ir')];
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((f) =>
      scanSource(readFileSync(join(root, f), 'utf8'), { core: f.startsWith('core/'), budgets }).map(
        (x) => `${f}:${x.line}: ${x.op} in \`${x.text}\`: ${x.why}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('the core never imports the approximate float conversion', () => {
    const offenders = filesOf('core').filter((f) => /\brationalToNumber\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
