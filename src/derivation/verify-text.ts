/**
 * Verify a derivation's text already in memory: load, check, and return the
 * result as data. Nothing here needs Node (no file system, no threads), so
 * the same checker runs in a browser (src/browser.ts, the playground).
 */
import type { FileResult, StepResult } from '../verdict/result.js';
import type { CheckSettings } from '../verdict/settings.js';
import { checkDerivation } from './check.js';
import { loadDerivation } from './load.js';

/** The result of checking the derivation in `text` (`path` names it in reports); input problems come back as steps with status `error`. */
export function verifyText(path: string, text: string, options: CheckSettings): FileResult {
  const loaded = loadDerivation(path, text);
  if (!loaded.ok) {
    const steps: StepResult[] = loaded.errors.map((e) => ({
      location: e.location ?? 'file',
      line: e.place.line,
      column: e.place.column,
      status: 'error',
      code: e.code,
      message: e.message,
    }));
    return errorResult(path, '', steps, options.seed);
  }
  return checkDerivation(loaded.derivation, options);
}

/** a result with only input problems */
export function errorResult(file: string, title: string, steps: StepResult[], seed: number): FileResult {
  return { file, title, ok: false, steps, premises: [], seed };
}
