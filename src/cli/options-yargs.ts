/**
 * The command line parsed by yargs: every option with its description, the
 * help text, --version and the usage errors. Loaded by options.ts only when
 * the arguments are more than plain file names.
 */
import yargs, { type Argv } from 'yargs';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import type { ConfigDefaults } from './config.js';

type Format = ReportFormat;

/** what the parser needs to know: the version, the config's defaults, the default seed */
export interface YargsEnv {
  readonly version: string;
  readonly config?: ConfigDefaults;
  readonly defaultSeed: number;
}

/** yargs's answer: an error, or the parsed arguments and the text of --help or --version */
export interface YargsResult {
  readonly error: Error | undefined;
  readonly argv: Record<string, unknown>;
  readonly output: string;
}

/** `args` parsed by yargs, which neither prints nor exits: help, version and errors come back here */
export function parseWithYargs(args: readonly string[], env: YargsEnv): Promise<YargsResult> {
  return new Promise<YargsResult>((resolve) => {
    parser(env).parse([...args], {}, (err, parsedArgv, out) => {
      resolve({ error: err ?? undefined, argv: parsedArgv as Record<string, unknown>, output: out });
    });
  });
}

const epilogue = (seed: number): string =>
  [
    'Exit status: 0 when every step of every file is proved or numeric (proved only, with --strict);',
    '1 when any step failed; 2 when a file cannot be read, parsed or checked (or on bad usage).',
    '',
    `Numeric checks draw random points and random networks from --seed (default ${seed}), so a run`,
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

function parser(env: YargsEnv) {
  const config = env.config ?? {};
  const base = yargs()
    .scriptName('verify')
    .usage(
      '$0 [options] FILE...\n\nCheck calculus derivations written in YAML:\neach step must equal the one before it.',
    );
  return withExamples(runOptions(checkOptions(base, config, env.defaultSeed), config))
    .demandCommand(1, 'give at least one derivation file')
    .strict()
    .version(env.version)
    .help()
    .alias('help', 'h')
    .epilogue(epilogue(env.defaultSeed))
    .wrap(null);
}

/** a config file's value as the option's default, when it gives one */
const given = <T>(value: T | undefined) => (value !== undefined ? { default: value } : {});

/** what is checked and reported: format, output, strictness, seed, samples, jobs */
function checkOptions<T>(y: Argv<T>, config: ConfigDefaults, seed: number) {
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
      default: config.seed ?? seed,
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
