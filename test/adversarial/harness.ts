/**
 * Runs adversarial derivation files twice: through the built command (`node
 * bin/verify.js`, as a user or CI runs it; `npm test` builds dist/ first) and
 * in process (verifyText), timing both. The acceptance is "answered
 * within 2 s, exit 2 (or a verdict), a location and the name of the limit".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { verifyText } from '../../src/derivation/verify.js';
import type { FileResult } from '../../src/verdict/result.js';

/**
 * The acceptance, asserted on the checking itself (in process): 2 s. A wall
 * clock bound in a test is allowed here only because the acceptance
 * is one; every input below takes milliseconds to a few hundred, so 2 s is
 * a generous bound even on a loaded machine.
 */
export const ANSWER_WITHIN_MS = 2000;

/**
 * The same acceptance for the whole command, process start-up included: a
 * generous 15 s, because vitest runs other files in parallel on a shared CI
 * machine; what it must catch is a hang, a crash or memory exhaustion.
 */
export const PROCESS_WITHIN_MS = 15_000;

/** what the command printed and how it ended */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
  readonly ms: number;
}

/** a scratch folder for one test file's inputs, removed by `cleanup` */
export function scratch(prefix: string): { path: (name: string, text: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `derivcheck-${prefix}-`));
  return {
    path: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `node bin/verify.js ...args` with a 1 GB heap (so memory exhaustion shows as a crash, not as swapping) */
export function runCli(...args: string[]): CliRun {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', 'bin/verify.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 2 * PROCESS_WITHIN_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, output: `${r.stdout}${r.stderr}`, ms: performance.now() - start };
}

/** verifyText on the text, timed */
export function checkInProcess(file: string, text: string, samples?: number): { result: FileResult; ms: number } {
  const start = performance.now();
  const result = verifyText(file, text, { seed: 1, strict: false, ...(samples !== undefined ? { samples } : {}) });
  return { result, ms: performance.now() - start };
}

/** the run ended by itself, in time, without a crash or a stack trace */
export function expectOrderly(run: CliRun): void {
  expect(run.signal, run.output.slice(0, 2000)).toBeNull();
  expect(run.ms).toBeLessThan(PROCESS_WITHIN_MS);
  expect(run.output).not.toMatch(/internal error|FATAL ERROR|heap out of memory|Maximum call stack/i);
  expect(run.output).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

/**
 * The acceptance for an input that must be refused: exit 2, `file:line:column`
 * and the limit's name in the report, from the command and in process alike.
 */
export function expectRefused(file: string, text: string, limit: string, ...flags: string[]): void {
  const run = runCli(...flags, file);
  expectOrderly(run);
  expect(run.code, run.output.slice(0, 2000)).toBe(2);
  expect(run.output).toMatch(new RegExp(`${escapeRegExp(file)}:\\d+:\\d+`));
  expect(run.output).toContain(limit);
  if (flags.length > 0) return; // a refused flag never reaches verifyText
  const { result, ms } = checkInProcess(file, text);
  expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  expect(result.ok).toBe(false);
  const errors = result.steps.filter((s) => s.status === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(
    errors.some((s) => s.message.includes(limit)),
    JSON.stringify(errors).slice(0, 2000),
  ).toBe(true);
  for (const s of errors) expect(s.line).toBeGreaterThanOrEqual(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
