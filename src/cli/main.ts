/**
 * The `verify` command: arguments -> files (directories and globs expanded) ->
 * verifyFile per file, in worker threads (pool.ts) -> report -> exit
 * status. Expected problems (bad usage, unreadable files, errors in a
 * derivation) are reported as data; anything thrown is a bug and is shown as
 * `internal error: ...` without a stack trace unless DERIVCHECK_DEBUG=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FileResult } from '../verdict/result.js';
import { renderReport } from '../report/render.js';
import { nowMs } from './check-file.js';
import { readConfig } from './config.js';
import { exitCode } from './exit-code.js';
import { expandInputs } from './inputs.js';
import { parseArguments, type CliOptions } from './options.js';
import { checkInputs, defaultJobs, type PoolTrace } from './pool.js';
// a pool worker runs this same bundle (with its code cache): bin/load-cli.cjs calls serveWorker there
export { serveWorker } from './worker.js';

/** the package version, read once; the same relative path works from src/cli and dist/cli */
function packageVersion(): string {
  // dist/cli/main.js and src/cli/main.ts sit two levels below package.json, the bundle dist/verify.cjs one
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'derivcheck' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not there: try the next place
    }
  }
  return 'unknown';
}

/** every file's result, in the order given (files, directories and globs expanded); `seconds` receives the time each took (for JUnit) */
async function checkAll(options: CliOptions, seconds: number[] = []): Promise<FileResult[]> {
  const inputs = expandInputs(options.files, options.recursive === true);
  // in parallel, but reported in the order given; a file's result does not depend on the thread that checked it
  // the default --jobs starts workers only when the files left are worth it (pool.ts, worthWorkers)
  const trace =
    process.env.DERIVCHECK_DEBUG_POOL === '1'
      ? (t: PoolTrace) => process.stderr.write(`verify: pool ${JSON.stringify(t)}\n`)
      : undefined;
  const jobs = options.jobs ?? defaultJobs(inputs.length);
  const checked = await checkInputs(inputs, options.check, jobs, options.jobs === undefined, trace);
  seconds.push(...checked.map((c) => c.seconds));
  return checked.map((c) => c.result);
}

async function run(argv: readonly string[]): Promise<number> {
  const config = readConfig(process.cwd());
  if (!config.ok) {
    process.stderr.write(`verify: ${config.message}\n`);
    return 2;
  }
  const parsed = await parseArguments(argv, {
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    version: packageVersion(),
    config: config.defaults,
  });
  if (parsed.kind === 'exit') {
    if (parsed.stdout !== undefined) process.stdout.write(parsed.stdout);
    if (parsed.stderr !== undefined) process.stderr.write(parsed.stderr);
    return parsed.code;
  }
  const { options } = parsed;
  const started = new Date();
  const clock = nowMs();
  const seconds: number[] = [];
  const results = await checkAll(options, seconds);
  const { strict, explain } = options.check;
  const render = {
    color: options.color,
    strict,
    started,
    seconds,
    elapsed: (nowMs() - clock) / 1000,
    quiet: options.quiet,
    explain,
  };
  if (options.output === undefined) {
    process.stdout.write(await renderReport(options.format, results, render));
    return exitCode(results, strict);
  }
  // --output: the chosen format to the file (never coloured), the text report to stdout
  process.stdout.write(await renderReport('text', results, render));
  const report = await renderReport(options.format, results, { ...render, color: false });
  try {
    writeFileSync(options.output, report);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`verify: cannot write the ${options.format} report to ${options.output}: ${reason}\n`);
    return 2;
  }
  return exitCode(results, strict);
}

function reportInternalError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`internal error: ${message}\n`);
  if (process.env.DERIVCHECK_DEBUG === '1' && err instanceof Error && err.stack !== undefined) {
    process.stderr.write(err.stack + '\n');
  } else {
    process.stderr.write('This is a bug in derivcheck; set DERIVCHECK_DEBUG=1 to see the stack trace.\n');
  }
}

/** Runs `verify` with `argv` (the arguments after the script), writing to stdout/stderr; resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    // the subcommands are loaded only when asked for: a cold `verify` of files does not load them
    if (argv[0] === 'explain') {
      const { explainCommand } = await import('./explain.js');
      return await explainCommand(argv.slice(1), {
        out: (s) => process.stdout.write(s),
        err: (s) => process.stderr.write(s),
      });
    }
    if (argv[0] === 'gradcheck') {
      const { gradcheckCommand } = await import('./gradcheck.js');
      return await gradcheckCommand(argv.slice(1), {
        out: (s) => process.stdout.write(s),
        err: (s) => process.stderr.write(s),
      });
    }
    return await run(argv);
  } catch (err) {
    reportInternalError(err);
    return 2;
  }
}
