/**
 * The library's verification options and `verifyDerivation`, which checks a
 * derivation's YAML text in memory. Nothing here needs Node, so the browser
 * entry (src/browser.ts) shares it with the Node one (src/index.ts).
 */
import { verifyText } from '../derivation/verify-text.js';
import type { FileResult } from '../verdict/result.js';

/** Options of a verification; every field has the `verify` command's default. */
export interface VerifyOptions {
  /** seed of every random choice in numeric checks (default 1); the same seed reproduces a run */
  readonly seed?: number;
  /** only `proved` counts as ok (default false: `numeric` counts too) */
  readonly strict?: boolean;
  /** random points per numeric check (default chosen by the numeric layer) */
  readonly samples?: number;
  /** the time limit of each step in ms; a step not checked in time is an error with code `timeout` */
  readonly stepTimeoutMs?: number;
}

/** verifyFile for a derivation's YAML text already in memory; `file` names it in results (default `<derivation>`). */
export function verifyDerivation(
  yamlText: string,
  options: VerifyOptions & { readonly file?: string } = {},
): FileResult {
  return verifyText(options.file ?? '<derivation>', yamlText, withDefaults(options));
}

/** `o` with the `verify` command's defaults filled in */
export function withDefaults(o: VerifyOptions): {
  seed: number;
  strict: boolean;
  samples?: number;
  stepTimeoutMs?: number;
} {
  return {
    seed: o.seed ?? 1,
    strict: o.strict ?? false,
    ...(o.samples !== undefined ? { samples: o.samples } : {}),
    ...(o.stepTimeoutMs !== undefined ? { stepTimeoutMs: o.stepTimeoutMs } : {}),
  };
}
