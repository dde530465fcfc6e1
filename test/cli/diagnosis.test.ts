/**
 * verify on an exercise with a planted mistake (issue 12): the report shows
 * the correct result and names the mistake, in text and in JSON.
 */
import { describe, expect, it } from 'vitest';
import { runVerify } from './capture.js';

const FILE = 'derivations/teaching/chain-rule-inner-missing.yaml';

describe('verify: the diagnosis of a failed derivative step', () => {
  it('text: the correct result and the likely mistake under the failed step', async () => {
    const r = await runVerify('--no-color', FILE);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/correct result: 6 \* x \* cos\(3 \* x\^2\)/);
    expect(r.stdout).toContain('likely mistake (chain rule without the inner derivative, checked by the core)');
  });
  it('json: the diagnosis as data', async () => {
    const r = await runVerify('--format', 'json', FILE);
    const json = JSON.parse(r.stdout) as {
      files: { steps: { status: string; diagnosis?: { correct: string; mistake?: { kind: string } } }[] }[];
    };
    const failed = json.files[0]!.steps.find((s) => s.status === 'failed')!;
    expect(failed.diagnosis?.mistake?.kind).toBe('missing-inner-derivative');
  });
});
