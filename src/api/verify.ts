/**
 * The library's verification options and `verifyDerivation`, which checks a
 * derivation's YAML text in memory. Nothing here needs Node, so the browser
 * entry (src/browser.ts) shares it with the Node one (src/index.ts).
 */
import { verifyText } from '../derivation/verify-text.js';
import type { FileResult } from '../verdict/result.js';
import { type CheckSettings, checkSettings } from '../verdict/settings.js';

/**
 * Options of a verification: the check's settings (src/verdict/settings.ts),
 * each optional, with the `verify` command's default (seed 1, not strict,
 * the numeric layer's samples, no time limit, no explanations).
 */
export type VerifyOptions = Partial<Pick<CheckSettings, 'seed' | 'strict' | 'samples' | 'stepTimeoutMs' | 'explain'>>;

/** verifyFile for a derivation's YAML text already in memory; `file` names it in results (default `<derivation>`). */
export function verifyDerivation(
  yamlText: string,
  options: VerifyOptions & { readonly file?: string } = {},
): FileResult {
  return verifyText(options.file ?? '<derivation>', yamlText, librarySettings(options));
}

/** the settings a library call runs with: `options` over the `verify` command's defaults, nothing else a caller passed */
export function librarySettings(options: VerifyOptions): CheckSettings {
  const { seed, strict, samples, stepTimeoutMs, explain } = options;
  return checkSettings({ seed, strict, samples, stepTimeoutMs, explain });
}
