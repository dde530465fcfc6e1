/**
 * The parser never executes its input: it is a hand-written reader whose
 * output is a tree of plain data. Hostile expressions are errors (or
 * harmless names); payloads that would set a global flag or write a file
 * leave no trace. And a static check that src/ contains no eval, no Function
 * constructor, no vm, and does not import mathjs (a test oracle only).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseExpression, emptyParseEnv } from '../../src/parse/expression.js';
import { verifyText } from '../../src/derivation/verify.js';
import { children, type Expr } from '../../src/ir/expr.js';

/** what an executed payload would set or write */
const FLAG = '__derivcheckPwned';
const SENTINEL = join(tmpdir(), `derivcheck-pwned-${process.pid}`);
const flagged = () => (globalThis as Record<string, unknown>)[FLAG] !== undefined;
afterAll(() => rmSync(SENTINEL, { force: true }));

const HOSTILE = [
  `import('fs')`,
  `import("data:text/javascript,globalThis.${FLAG}=1")`,
  `constructor.constructor("return process")()`,
  `constructor.constructor("globalThis.${FLAG} = 1")()`,
  `Function("globalThis.${FLAG} = 1")()`,
  `eval("globalThis.${FLAG} = 1")`,
  `evaluate("1 + 1")`,
  `compile("1")`,
  `process.exit(1)`,
  `process.mainModule.require("fs").writeFileSync("${SENTINEL}", "x")`,
  `require("fs").writeFileSync("${SENTINEL}", "x")`,
  `x.constructor`,
  `sin.constructor("globalThis.${FLAG} = 1")()`,
  `cos["constructor"]`,
  `x.__proto__.polluted = 1`,
  `__proto__`,
  `constructor`,
  `a = 1`,
  `f(x) = x`,
  `createUnit("pwned")`,
  `import({pwned: 1}, {override: true})`,
  `"string"`,
  `{a: 1}`,
  `x ? y : z`,
  `x; y`,
];

/** the names an expression reads: any name is a plain symbol, never something looked up in JavaScript */
function names(e: Expr, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'sym') out.add(e.name);
  if (e.kind === 'call') out.add(`${e.fn}()`);
  for (const c of children(e)) names(c, out);
  return out;
}

describe('hostile expressions are errors and have no effect', () => {
  it.each(HOSTILE)('%s is refused by the parser', (text) => {
    const r = parseExpression(text, emptyParseEnv());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.code).toMatch(/^(syntax|unsupported-syntax|unknown-function|reserved-name|undeclared-array)$/);
    expect(flagged()).toBe(false);
    expect(existsSync(SENTINEL)).toBe(false);
  });

  it('this and globalThis are only names of real variables', () => {
    for (const text of ['this', 'globalThis', 'this * globalThis + 1']) {
      const r = parseExpression(text, emptyParseEnv());
      expect(r.ok).toBe(true);
      if (r.ok) expect([...names(r.expr)].every((n) => n === 'this' || n === 'globalThis')).toBe(true);
    }
  });

  it('checked as steps of a derivation (core and numeric layer), nothing runs', () => {
    const steps = HOSTILE.map((h) => `  - expr: ${JSON.stringify(h)}\n`).join('');
    const r = verifyText('hostile.yaml', `title: hostile\nsteps:\n${steps}`, { seed: 1, strict: false });
    expect(r.ok).toBe(false);
    expect(r.steps.filter((s) => s.status === 'error').length).toBe(HOSTILE.length);
    // names that look like JavaScript are evaluated as numbers like any other
    const fine = verifyText(
      'names.yaml',
      'title: names\nsteps:\n  - expr: sin(this)^2 + cos(globalThis)^2\n  - expr: 2 - cos(this)^2 - sin(globalThis)^2\n  - expr: this * globalThis\n',
      { seed: 1, strict: false },
    );
    expect(fine.steps.map((s) => s.status)).toEqual(['proved', 'proved', 'failed']);
    expect(Object.keys(fine.steps[2]!.counterexample!.values).sort()).toEqual(['globalThis', 'this']);
    expect(flagged()).toBe(false);
    expect(existsSync(SENTINEL)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('static: src/ contains no way to run text as code', () => {
  const root = new URL('../../src/', import.meta.url).pathname;
  const sources = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: stripComments(readFileSync(join(root, f), 'utf8')) }));

  it('finds the sources', () => expect(sources.length).toBeGreaterThan(50));

  it.each([
    ['eval(', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\b/],
    ['Function(', /(?<![\w.])Function\s*\(/],
    ['the vm module', /from\s+['"](node:)?vm['"]|require\(\s*['"](node:)?vm['"]\s*\)/],
    ['setTimeout or setInterval with a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ])('no %s', (_what, pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('src/ never imports mathjs (the parser is hand-written; mathjs is a test oracle only, a devDependency)', () => {
    const importers = sources.filter((s) =>
      /from\s+['"]mathjs['"]|import\(\s*['"]mathjs['"]\s*\)|require\(\s*['"]mathjs['"]\s*\)/.test(s.text),
    );
    expect(importers.map((s) => s.file)).toEqual([]);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toContain('mathjs');
    expect(Object.keys(pkg.devDependencies)).toContain('mathjs');
  });
});

/** the text without // and /* *\/ comments, so that documentation may name what the code must not do */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
