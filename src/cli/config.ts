/**
 * Project defaults for `verify`: `derivcheck.config.json` in the current
 * directory, or else a `derivcheck` key in ./package.json. Command-line flags
 * override them. A config file is read strictly: an unknown key or a value of
 * the wrong type is a usage error naming the key, never silently ignored (a
 * misspelt `"strict"` must not quietly weaken a CI run).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { unreadableReason } from '../derivation/read-file.js';
import { MAX_SAMPLES } from '../verdict/settings.js';

/** The config file's name, looked up in the current directory only. */
export const CONFIG_FILE = 'derivcheck.config.json';

/** why: a config is a handful of keys; a larger file is a mistake, and reading it whole should stay cheap */
const MAX_CONFIG_BYTES = 100_000;

/** The defaults a config may give; every key optional. */
export interface ConfigDefaults {
  readonly format?: ReportFormat;
  readonly strict?: boolean;
  readonly seed?: number;
  readonly samples?: number;
  readonly jobs?: number;
  /** milliseconds, as --step-timeout */
  readonly stepTimeout?: number;
  readonly quiet?: boolean;
}

type ConfigResult =
  | { readonly ok: true; readonly defaults: ConfigDefaults; readonly from?: string }
  | { readonly ok: false; readonly message: string };

type Check = (v: unknown) => boolean;
const isBoolean: Check = (v) => typeof v === 'boolean';
const isCount =
  (min: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

/** each allowed key, what its value must be, and that in words */
const KEYS: Readonly<Record<keyof ConfigDefaults, readonly [Check, string]>> = {
  format: [
    (v) => typeof v === 'string' && (REPORT_FORMATS as readonly string[]).includes(v),
    `one of ${REPORT_FORMATS.join(', ')}`,
  ],
  strict: [isBoolean, 'true or false'],
  seed: [isCount(0), 'a nonnegative integer'],
  samples: [
    (v) => isCount(1)(v) && (v as number) <= MAX_SAMPLES,
    `a positive integer at most ${MAX_SAMPLES} (limit MAX_SAMPLES)`,
  ],
  jobs: [isCount(1), 'a positive integer'],
  stepTimeout: [isCount(1), 'a positive integer (milliseconds)'],
  quiet: [isBoolean, 'true or false'],
};

/** The allowed config keys, in documentation order. */
export const CONFIG_KEYS = Object.keys(KEYS) as readonly (keyof ConfigDefaults)[];

/** The defaults configured in directory `dir` (none when neither place has a config), or what is wrong with them. */
export function readConfig(dir: string): ConfigResult {
  const file = readIfPresent(join(dir, CONFIG_FILE));
  if (file.kind === 'error') return { ok: false, message: `cannot read ${CONFIG_FILE}: ${file.message}` };
  if (file.kind === 'text') {
    const parsed = parseJson(file.text);
    if (!parsed.ok) return { ok: false, message: `${CONFIG_FILE} is not valid JSON: ${parsed.message}` };
    return validateConfig(parsed.value, CONFIG_FILE);
  }
  const pkg = readIfPresent(join(dir, 'package.json'));
  if (pkg.kind !== 'text') return { ok: true, defaults: {} }; // no package.json (or an unreadable one): nothing is configured there
  const parsed = parseJson(pkg.text);
  // a broken package.json is the package manager's to report; it configures nothing
  if (!parsed.ok || !isPlainObject(parsed.value) || !('derivcheck' in parsed.value)) return { ok: true, defaults: {} };
  return validateConfig(parsed.value.derivcheck, 'the "derivcheck" key of package.json');
}

/** `value` as config defaults, or the first problem, naming `where` and the key */
function validateConfig(value: unknown, where: string): ConfigResult {
  if (!isPlainObject(value)) return { ok: false, message: `${where} must be a JSON object such as {"strict": true}` };
  const defaults: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!Object.hasOwn(KEYS, key)) {
      return { ok: false, message: `${where}: unknown key '${key}'; the allowed keys are ${CONFIG_KEYS.join(', ')}` };
    }
    const [check, words] = KEYS[key as keyof ConfigDefaults];
    if (!check(v))
      return { ok: false, message: `${where}: the key '${key}' must be ${words}, got ${JSON.stringify(v)}` };
    defaults[key] = v;
  }
  return { ok: true, defaults: defaults as ConfigDefaults, from: where };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Read =
  | { readonly kind: 'absent' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

function readIfPresent(path: string): Read {
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES)
      return { kind: 'error', message: `${size} bytes, more than ${MAX_CONFIG_BYTES} (limit MAX_CONFIG_BYTES)` };
    return { kind: 'text', text: readFileSync(path, 'utf8') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'error', message: unreadableReason(err) };
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
