/**
 * A schema violation in a derivation file (here an unknown top-level key) is
 * an input error: exit 2, the place as file:line:column, the key, and the
 * allowed keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOP_KEYS } from '../../src/derivation/load.js';
import { runVerify } from './capture.js';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derivcheck-unknown-key-'));
  file = join(dir, 'unknown-key.yaml');
  writeFileSync(file, 'title: t\nsteps:\n  - expr: x\n  - expr: x\n\n  # a note\nsymbol:\n  x: index\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verify on a file with an unknown top-level key', () => {
  it('exits 2 and prints file:line:column, the key, and the allowed keys', async () => {
    const run = await runVerify('--no-color', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${file}:7:1`);
    expect(run.stdout).toContain(
      `unknown key 'symbol' in the file (did you mean 'symbols'?); the allowed keys are ${TOP_KEYS.join(', ')}`,
    );
  });
});
