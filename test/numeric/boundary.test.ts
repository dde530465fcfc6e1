/**
 * The numeric layer is an independent cross-check of the symbolic core: it
 * may import the IR and the result types, never the core, the explanation aids, the
 * parser or the derivation checker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const dir = join(import.meta.dirname, '../../src/numeric');

test("src/numeric imports only the IR, the result types (gradcheck's limits and the check's settings too), decimal.js and itself", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
      const [, typeOnly, spec] = m;
      const ok =
        spec!.startsWith('./') ||
        spec!.startsWith('../ir/') ||
        spec === 'decimal.js' ||
        (spec === '../verdict/result.js' && typeOnly !== undefined) ||
        // the one settings type of a check (seed, samples, deadline) and its limits, on the floor below
        spec === '../verdict/settings.js' ||
        // gradcheck's contract: its report types and the limits of its input
        spec === '../verdict/gradcheck.js' ||
        // the check's settings (seed, samples) and their limit MAX_SAMPLES
        spec === '../verdict/settings.js';
      expect(ok, `${file} imports ${spec}`).toBe(true);
    }
    // float-ops.ts is the float64 arithmetic of the reverse-mode tape and gradcheck, oracles that never give a verdict's values;
    // exp-ln-enclosure.ts takes one float64 logarithm as the point it reduces ln's argument by, which any exact
    // decimal may be (the enclosure holds ln(x) whatever it is): that one call, and no other, is allowed there
    const checked = file === 'exp-ln-enclosure.ts' ? text.replace('const c = Math.log(x.toNumber());', '') : text;
    if (file !== 'float-ops.ts')
      expect(checked, `${file} must not use float64 Math for values`).not.toMatch(
        /Math\.(exp|log|sqrt|sin|cos|tan|pow)\(/,
      );
  }
});

test('the values a verdict rests on never pass through float64: the evaluator, the field and the point check do not use the tape', () => {
  for (const file of ['evaluate.ts', 'field.ts', 'point-check.ts', 'counterexample.ts', 'shrink.ts']) {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text, file).not.toMatch(/from '\.\/(float-ops|tape[-\w]*)\.js'/);
  }
});
