/**
 * What a cold `verify file.yaml` loads (issue 13): the modules reachable
 * from the command's entry by static imports. KaTeX (a third of the
 * bundle), the report formats other than text, yargs (plain file names need
 * no parser) and the `explain` and `gradcheck` subcommands are loaded with `import()` only when asked for;
 * scripts/bundle.mjs evaluates their modules only then, and leaves KaTeX out of the bundle (required when used).
 * Which of Node's own modules a cold run loads: test/cli/code-cache.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { importsOf } from '../architecture/imports.js';

/** every module and package reachable from `entry` by static imports (type-only ones included: an upper bound) */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const todo = [entry];
  while (todo.length > 0) {
    for (const edge of importsOf(todo.pop()!)) {
      if (edge.dynamic) continue;
      const target = edge.to ?? edge.spec;
      if (seen.has(target)) continue;
      seen.add(target);
      if (edge.to !== undefined) todo.push(edge.to);
    }
  }
  return seen;
}

describe('the cold path of verify', () => {
  const cold = staticClosure('src/cli/main.ts');

  test('reaches the checker and the text report', () => {
    // the closure is real: it finds what a check needs
    for (const m of ['src/derivation/verify.ts', 'src/report/text.ts', 'src/numeric/compare.ts', 'yaml'])
      expect(cold.has(m), m).toBe(true);
  });

  test.each([
    'katex',
    'src/report/html.ts',
    'src/report/json.ts',
    'src/report/junit.ts',
    'src/report/github.ts',
    'src/report/markdown.ts',
    'src/cli/explain.ts',
    'src/cli/gradcheck.ts',
    'yargs',
    'src/cli/options-yargs.ts',
  ])('does not load %s', (m) => {
    expect(cold.has(m)).toBe(false);
  });
});
