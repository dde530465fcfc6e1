/**
 * The command line: `verify [options] FILE...` parsed with yargs into plain
 * options, or into an early exit (help, version, usage error) with the text
 * to show. No printing and no process.exit here, so tests can call it.
 */
import yargs, { type Argv } from 'yargs';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import type { ConfigDefaults } from './config.js';
import { MAX_SAMPLES } from '../derivation/verify.js';

/** The seed used when --seed is not given: fixed, so two runs on the same files agree. */
export const DEFAULT_SEED = 1;

export type Format = ReportFormat;

export interface CliOptions {
  readonly files: readonly string[];
  readonly format: Format;
  readonly strict: boolean;
  readonly seed: number;
  readonly samples?: number;
  readonly color: boolean;
  /** write the --format report to this file; stdout then gets the text report */
  readonly output?: string;
  /** worker threads (1: check in this process); absent: one per core, at most one per file */
  readonly jobs?: number;
  /** the time limit of each step, in milliseconds */
  readonly stepTimeoutMs?: number;
  /** the text report shows only failed and error steps, and the summary */
  readonly quiet?: boolean;
  /** a directory argument also means the derivation files in its subdirectories */
  readonly recursive?: boolean;
  /** explain each verdict: normal forms of proved steps, where failed steps first differ */
  readonly explain?: boolean;
}

/** What the command line asks for: a run, or an exit with text for stdout or stderr. */
export type Parsed =
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

const EPILOGUE = [
  'Exit status: 0 when every step of every file is proved or numeric (proved only, with --strict);',
  '1 when any step failed; 2 when a file cannot be read, parsed or checked (or on bad usage).',
  '',
  `Numeric checks draw random points and random networks from --seed (default ${DEFAULT_SEED}), so a run`,
  'is reproducible; a counterexample reports the seed that found it.',
  '',
  'Colour is on when stdout is a terminal and NO_COLOR is not set; --color/--no-color override.',
  '',
  'Formats: text (for people), json (for programs), junit (JUnit XML for CI test reports),',
  'github (GitHub Actions annotations), markdown (pull-request comments), html (one',
  'self-contained page with the mathematics typeset; works offline).',
  'With --output FILE the --format report goes to FILE and the text report to stdout.',
  '',
  'A FILE may be a directory (every *.yaml and *.yml below it) or a glob (* ? **, quoted or not).',
  'Defaults may be set in derivcheck.config.json or under a "derivcheck" key in package.json',
  '(format, strict, seed, samples, jobs, stepTimeout, quiet); flags override them.',
].join('\n');

function parser(env: Environment) {
  const config = env.config ?? {};
  const base = yargs()
    .scriptName('verify')
    .usage(
      '$0 [options] FILE...\n\nCheck calculus derivations written in YAML:\neach step must equal the one before it.',
    );
  return withExamples(runOptions(checkOptions(base, config), config))
    .demandCommand(1, 'give at least one derivation file')
    .strict()
    .version(env.version)
    .help()
    .alias('help', 'h')
    .epilogue(EPILOGUE)
    .wrap(null);
}

/** a config file's value as the option's default, when it gives one */
const given = <T>(value: T | undefined) => (value !== undefined ? { default: value } : {});

/** what is checked and reported: format, output, strictness, seed, samples, jobs */
function checkOptions<T>(y: Argv<T>, config: ConfigDefaults) {
  return y
    .option('format', {
      choices: REPORT_FORMATS,
      default: config.format ?? ('text' as Format),
      describe: 'report format',
    })
    .option('output', {
      type: 'string',
      requiresArg: true,
      describe: 'write the --format report to this file and the text report to stdout',
    })
    .option('strict', {
      type: 'boolean',
      default: config.strict ?? false,
      describe: 'only symbolically proved steps count; numeric evidence is not enough',
    })
    .option('seed', {
      type: 'number',
      default: config.seed ?? DEFAULT_SEED,
      describe: 'seed of every random choice in numeric checks',
    })
    .option('samples', {
      type: 'number',
      ...given(config.samples),
      describe: 'random points per numeric check (default: chosen by the checker)',
    })
    .option('jobs', {
      type: 'number',
      ...given(config.jobs),
      describe: 'files checked in parallel, in worker threads (default: one per core; 1: in this process)',
    });
}

/** how the run goes: the step time limit, explanations, directories, quiet, colour */
function runOptions<T>(y: Argv<T>, config: ConfigDefaults) {
  return y
    .option('step-timeout', {
      type: 'number',
      ...given(config.stepTimeout),
      describe: 'time limit of each step in milliseconds; a step not checked in time is an error (code timeout)',
    })
    .option('explain', {
      type: 'boolean',
      default: false,
      describe:
        'explain each verdict: the rules and both normal forms of a proved step, where a failed step first differs',
    })
    .option('recursive', {
      alias: 'r',
      type: 'boolean',
      default: false,
      describe: 'a directory also means the derivation files in its subdirectories',
    })
    .option('quiet', {
      type: 'boolean',
      ...given(config.quiet),
      describe: 'text and html reports: only failed and error steps, and the summary',
    })
    .option('color', {
      type: 'boolean',
      describe: 'colour the text report (default: when stdout is a terminal and NO_COLOR is unset)',
    });
}

function withExamples<T>(y: Argv<T>) {
  return y
    .example('$0 derivations/sigmoid-belief-net.yaml', 'check one derivation, human-readable report')
    .example('$0 --strict --format json derivations/*.yaml', 'check many; only proofs count; JSON on stdout')
    .example(
      '$0 explain "log(sigma(x))" --wrt x',
      'a derivative step by step, each step named by its rule (see verify explain --help)',
    )
    .example(
      '$0 --format junit --output derivcheck.xml derivations/*.yaml',
      'JUnit XML for CI in a file, the text report on stdout',
    )
    .example('$0 --quiet --jobs 4 derivations/', 'every derivation in a directory, 4 at a time; show only problems')
    .example('$0 -r docs/', 'every derivation below a directory, subdirectories included');
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

/** The meaning of the arguments `args` (without node and the script) under `env`. */
export async function parseArguments(args: readonly string[], env: Environment): Promise<Parsed> {
  const { error, argv, output } = await new Promise<{
    error: Error | undefined;
    argv: Record<string, unknown>;
    output: string;
  }>((resolve) => {
    // With a callback yargs neither prints nor exits: help, version and errors come back here.
    parser(env).parse([...args], {}, (err, parsedArgv, out) => {
      resolve({ error: err ?? undefined, argv: parsedArgv as Record<string, unknown>, output: out });
    });
  });
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
  const options: CliOptions = {
    files,
    format: argv.format as Format,
    strict: argv.strict === true,
    seed: argv.seed,
    color,
    ...(argv.samples !== undefined ? { samples: argv.samples as number } : {}),
    ...(argv.output !== undefined ? { output: argv.output } : {}),
    ...(argv.jobs !== undefined ? { jobs: argv.jobs as number } : {}),
    ...(stepTimeout !== undefined ? { stepTimeoutMs: stepTimeout as number } : {}),
    ...(argv.quiet === true ? { quiet: true } : {}),
    ...(argv.recursive === true ? { recursive: true } : {}),
    ...(argv.explain === true ? { explain: true } : {}),
  };
  return { kind: 'run', options };
}
