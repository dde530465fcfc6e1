/**
 * Size limits of src/ (scripts/sizes.mjs, `npm run sizes`): no file over
 * MAX_FILE_LINES, no function over MAX_FUNCTION_LINES, but the listed ones,
 * which may only shrink and must leave the list once within the limit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FILES,
  ALLOWED_FUNCTIONS,
  check,
  functionsIn,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  measure,
} from '../scripts/sizes.mjs';

const body = (n: number) => Array.from({ length: n }, (_, k) => `  const v${k} = ${k};`).join('\n');

describe('the measure itself', () => {
  it('measures declarations, methods, constructors, arrows and nested functions from first to last line', () => {
    const text = [
      '/** doc comment, not counted */',
      'export function f(a: number): number {',
      '  const g = (b: number) => {',
      '    return b;',
      '  };',
      '  return g(a);',
      '}',
      'class C {',
      '  constructor() {}',
      '  m(): void {',
      '    [1].map((x) => x);',
      '  }',
      '}',
      'declare function h(): void;',
    ].join('\n');
    expect(functionsIn('src/x.ts', text).map((f) => `${f.name}@${f.line}:${f.lines}`)).toEqual([
      'f@2:6',
      'f > g@3:3',
      'C.constructor@9:1',
      'C.m@10:3',
      'C.m > <anonymous>@11:1',
    ]);
  });

  it('tells apart two functions of one name in a file', () => {
    const text =
      'const a = () => { const go = () => 1; };\nconst b = () => { const go = () => 2; };\n[0].map(() => 0);\n[0].map(() => 1);';
    expect(functionsIn('src/x.ts', text).map((f) => f.name)).toEqual([
      'a',
      'a > go',
      'b',
      'b > go',
      '<anonymous>',
      '<anonymous> #2',
    ]);
  });

  it('fails a new long function, a listed one that grew, a stale entry and a gone one; a shrunk one passes', () => {
    const long = functionsIn('src/y.ts', `function long() {\n${body(MAX_FUNCTION_LINES)}\n}`);
    expect(long[0]!.lines).toBe(MAX_FUNCTION_LINES + 2);
    const sizes = {
      files: [
        { file: 'src/big.ts', lines: MAX_FILE_LINES + 1 },
        { file: 'src/listed.ts', lines: MAX_FILE_LINES + 10 },
        { file: 'src/shrunk.ts', lines: MAX_FILE_LINES + 5 },
        { file: 'src/fixed.ts', lines: MAX_FILE_LINES },
      ],
      functions: long,
    };
    const { problems, shrank } = check(
      sizes,
      {
        'src/listed.ts': MAX_FILE_LINES + 9,
        'src/shrunk.ts': MAX_FILE_LINES + 6,
        'src/fixed.ts': 500,
        'src/gone.ts': 500,
      },
      {},
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'file src/big.ts',
      'file src/listed.ts',
      'file src/fixed.ts',
      'function src/y.ts',
      'file src/gone.ts',
    ]);
    expect(shrank).toEqual([`file src/shrunk.ts: ${MAX_FILE_LINES + 6} -> ${MAX_FILE_LINES + 5} lines`]);
  });
});

describe('src/', () => {
  const sizes = measure();

  it('has no file or function over the limits but the listed ones, none grown, none stale', () => {
    expect(sizes.files.length).toBeGreaterThan(100);
    expect(sizes.functions.length).toBeGreaterThan(500);
    expect(check(sizes).problems).toEqual([]);
  });

  it('counts a file as wc -l does', () => {
    const first = sizes.files[0]!;
    const text = readFileSync(new URL(`../${first.file}`, import.meta.url), 'utf8');
    expect(first.lines).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
  });

  it('every allowlisted entry is over its limit (the lists hold only what still needs splitting)', () => {
    expect(Object.values(ALLOWED_FILES).filter((n) => n <= MAX_FILE_LINES)).toEqual([]);
    expect(Object.values(ALLOWED_FUNCTIONS).filter((n) => n <= MAX_FUNCTION_LINES)).toEqual([]);
  });
});
