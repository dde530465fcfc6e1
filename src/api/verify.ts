/**
 * The library's verification options and `verifyDerivation`, which checks a
 * derivation's YAML text in memory. Nothing here needs Node, so the browser
 * entry (src/browser.ts) shares it with the Node one (src/index.ts).
 */
import { errorResult, verifyText } from '../derivation/verify-text.js';
import type { FileResult } from '../verdict/result.js';
import { type CheckSettings, DEFAULT_SEED, MAX_SAMPLES, checkSettings } from '../verdict/settings.js';

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
  const file = options.file ?? '<derivation>';
  return optionsRefused(file, options) ?? verifyText(file, yamlText, librarySettings(options));
}

/**
 * Why `options` cannot be used, in the words the command line uses for its
 * flags (`--samples 0` is refused there; a library call must not silently
 * get the default instead), or undefined.
 */
export function optionsProblem(options: VerifyOptions): string | undefined {
  const { seed, samples, stepTimeoutMs } = options;
  const count = (v: unknown, least: number): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= least;
  const shown = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));
  if (seed !== undefined && !count(seed, 0)) return `seed must be a nonnegative integer, got ${shown(seed)}`;
  if (samples !== undefined && !count(samples, 1)) return `samples must be a positive integer, got ${shown(samples)}`;
  if (samples !== undefined && samples > MAX_SAMPLES)
    return `samples must be at most ${MAX_SAMPLES} (limit MAX_SAMPLES), got ${samples}`;
  // 0 is allowed here (not as --step-timeout): no time at all, so every step the core does not prove is a timeout
  if (stepTimeoutMs !== undefined && !count(stepTimeoutMs, 0))
    return `stepTimeoutMs must be a nonnegative integer (milliseconds), got ${shown(stepTimeoutMs)}`;
  return undefined;
}

/** the result of a check whose options cannot be used: one error step with code `usage`; undefined when they can */
export function optionsRefused(file: string, options: VerifyOptions): FileResult | undefined {
  const message = optionsProblem(options);
  if (message === undefined) return undefined;
  const step = { location: 'file', line: 1, column: 1, status: 'error', code: 'usage', message } as const;
  return errorResult(file, '', [step], DEFAULT_SEED);
}

/** the settings a library call runs with: `options` over the `verify` command's defaults, nothing else a caller passed */
export function librarySettings(options: VerifyOptions): CheckSettings {
  const { seed, strict, samples, stepTimeoutMs, explain } = options;
  return checkSettings({ seed, strict, samples, stepTimeoutMs, explain });
}
