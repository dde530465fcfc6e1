/**
 * The command line: `verify [options] FILE...` parsed into plain options,
 * or into an early exit (help, version, usage error) with the text to show.
 * No printing and no process.exit here, so tests can call it.
 *
 * Arguments that are all plain file names (nothing starting with `-`,
 * nothing yargs would read as a number) need no parser: the options are the
 * defaults (the config's, else the built-in ones), exactly what yargs gives
 * for them (test/cli/options.test.ts compares the two). Anything else goes
 * through yargs (options-yargs.ts), loaded only then: loading and running
 * it cost a cold `verify` some 30 ms of CPU.
 */
import type { ReportFormat } from '../report/render.js';
import type { ConfigDefaults } from './config.js';
import { type CheckSettings, DEFAULT_SEED, MAX_SAMPLES } from '../verdict/settings.js';

type Format = ReportFormat;

export interface CliOptions {
  readonly files: readonly string[];
  /** how every file is checked (--seed, --strict, --samples, --step-timeout, --explain): built here once, passed on unchanged */
  readonly check: CheckSettings;
  readonly format: Format;
  readonly color: boolean;
  /** write the --format report to this file; stdout then gets the text report */
  readonly output?: string;
  /** worker threads (1: check in this process); absent: one per core, at most one per file */
  readonly jobs?: number;
  /** the text report shows only failed and error steps, and the summary */
  readonly quiet?: boolean;
  /** a directory argument also means the derivation files in its subdirectories */
  readonly recursive?: boolean;
}

/** What the command line asks for: a run, or an exit with text for stdout or stderr. */
type Parsed =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'exit'; readonly code: number; readonly stdout?: string; readonly stderr?: string };

/** What the defaults depend on besides the arguments. */
export interface Environment {
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  /** defaults from derivcheck.config.json or package.json's derivcheck key; flags override them */
  readonly config?: ConfigDefaults;
}

/** a positive (or, with `zero`, nonnegative) safe integer, or undefined when the value is not one */
function isCount(value: unknown, zero: boolean): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && (zero ? value >= 0 : value > 0);
}

/** the text given for `--name` in args (`--name v` or `--name=v`), the last one if repeated */
export function rawOption(args: readonly string[], name: string): string | undefined {
  let raw: string | undefined;
  args.forEach((a, k) => {
    if (a === `--${name}` && k + 1 < args.length) raw = args[k + 1];
    else if (a.startsWith(`--${name}=`)) raw = a.slice(name.length + 3);
  });
  return raw;
}

function usageError(message: string): Parsed {
  return { kind: 'exit', code: 2, stderr: `verify: ${message}\nRun 'verify --help' for usage.\n` };
}

/** the parsed arguments, from yargs or from defaultArgv (options-yargs.ts's YargsResult, by structure: no import on the cold path) */
interface Answer {
  readonly error: Error | undefined;
  readonly argv: Record<string, unknown>;
  readonly output: string;
}

/** true when every argument is a file name that yargs takes as it is: no option, nothing it would read as a number */
export function plainFiles(args: readonly string[]): boolean {
  return args.length > 0 && args.every((a) => a !== '' && !/^[-+.\d]/.test(a) && !/^0x/i.test(a));
}

/** what yargs gives for plain file names: the files and every option at its default */
function defaultArgv(args: readonly string[], config: ConfigDefaults): Record<string, unknown> {
  const argv: Record<string, unknown> = {
    _: [...args],
    format: config.format ?? 'text',
    strict: config.strict ?? false,
    seed: config.seed ?? DEFAULT_SEED,
    explain: false,
    recursive: false,
  };
  if (config.samples !== undefined) argv.samples = config.samples;
  if (config.jobs !== undefined) argv.jobs = config.jobs;
  if (config.stepTimeout !== undefined) argv['step-timeout'] = config.stepTimeout;
  if (config.quiet !== undefined) argv.quiet = config.quiet;
  return argv;
}

/**
 * The meaning of the arguments `args` (without node and the script) under
 * `env`; `via: 'yargs'` parses plain file names with yargs too (tests).
 */
export async function parseArguments(args: readonly string[], env: Environment, via?: 'yargs'): Promise<Parsed> {
  const { error, argv, output }: Answer =
    plainFiles(args) && via !== 'yargs'
      ? { error: undefined, argv: defaultArgv(args, env.config ?? {}), output: '' }
      : await (await import('./options-yargs.js')).parseWithYargs(args, { ...env, defaultSeed: DEFAULT_SEED });
  if (error !== undefined) return usageError(error.message);
  if (argv.help === true || argv.version === true) return { kind: 'exit', code: 0, stdout: output + '\n' };
  // why: yargs turns `--seed abc` into NaN, which JSON shows as null; the message quotes what was typed
  const got = (name: string, value: unknown): string => {
    const raw = rawOption(args, name);
    return raw !== undefined ? `'${raw}'` : JSON.stringify(value);
  };
  // why: yargs reads '' as 0 and '0x10' as 16; a count is written in decimal digits
  const typed = (name: string): boolean => {
    const raw = rawOption(args, name);
    return raw === undefined || /^\s*\d+\s*$/.test(raw);
  };
  if (!isCount(argv.seed, true) || !typed('seed'))
    return usageError(`--seed must be a nonnegative integer, got ${got('seed', argv.seed)}`);
  if (argv.samples !== undefined && (!isCount(argv.samples, false) || !typed('samples'))) {
    return usageError(`--samples must be a positive integer, got ${got('samples', argv.samples)}`);
  }
  if (typeof argv.samples === 'number' && argv.samples > MAX_SAMPLES)
    return usageError(`--samples must be at most ${MAX_SAMPLES} (limit MAX_SAMPLES), got ${argv.samples}`);
  if (argv.jobs !== undefined && (!isCount(argv.jobs, false) || !typed('jobs')))
    return usageError(`--jobs must be a positive integer, got ${got('jobs', argv.jobs)}`);
  const stepTimeout = argv['step-timeout'];
  if (stepTimeout !== undefined && (!isCount(stepTimeout, false) || !typed('step-timeout'))) {
    return usageError(
      `--step-timeout must be a positive integer (milliseconds), got ${got('step-timeout', stepTimeout)}`,
    );
  }
  const noColor = env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '';
  const color = typeof argv.color === 'boolean' ? argv.color : env.stdoutIsTTY && !noColor;
  if (argv.output !== undefined && (typeof argv.output !== 'string' || argv.output === '')) {
    return usageError(`--output needs a file name, got ${JSON.stringify(argv.output)}`);
  }
  const files = (argv._ as unknown[]).map(String);
  const check: CheckSettings = {
    seed: argv.seed,
    strict: argv.strict === true,
    samples: argv.samples as number | undefined,
    stepTimeoutMs: stepTimeout as number | undefined,
    explain: argv.explain === true,
  };
  const options: CliOptions = {
    files,
    check,
    format: argv.format as Format,
    color,
    output: argv.output as string | undefined,
    jobs: argv.jobs as number | undefined,
    quiet: argv.quiet === true,
    recursive: argv.recursive === true,
  };
  return { kind: 'run', options };
}
