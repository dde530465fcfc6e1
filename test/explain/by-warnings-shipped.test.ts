/**
 * No false `by` warnings (issue 12): every shipped derivation in
 * derivations/ gives its reasons right, so none may get a warning unless the
 * file expects it (`# expect-warning: <location>`). Before the fix of
 * 2026-12-06 it failed on tanh-derivative.yaml (the quotient rule).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyFile } from '../../src/derivation/verify.js';

const dir = new URL('../../derivations/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('by warnings on the shipped derivations', () => {
  for (const f of files)
    it(`${f}: only the warnings the file expects`, async () => {
      const expected = [...readFileSync(dir + f, 'utf8').matchAll(/^# expect-warning: (\S+)/gm)].map((m) => m[1]);
      const r = await verifyFile(dir + f, { seed: 1, strict: false });
      const warned = r.steps.filter((s) => (s.warnings ?? []).length > 0);
      const said = warned.map((s) => `${s.location}: ${s.warnings!.join('; ')}`).join('\n');
      expect(warned.map((s) => s.location).sort(), said).toEqual([...expected].sort());
    });
});
