/**
 * `npm run mutants [-- --cap N] [FILE...]`: mutation testing of the checker
 * over every shipped derivation (derivations/*.yaml, not wrong/ or errors/),
 * or over the files given, at most N mutants per file (default: capPerFile).
 * Files run in parallel on worker threads, largest first; the report prints
 * in file order. Exit status 0 only when every
 * meaning-changing mutant of every file is killed, the checker never threw,
 * and every file loaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJobResult } from './file-job.js';
import type { FileJob } from './worker.js';
import { countsLine } from './report.js';
import { addCounts } from './summary.js';
import { capPerFile } from './sample.js';

/** why: the run is meant for a 2-core CI machine; more threads than cores only add contention */
const MAX_WORKERS = 2;

/** the shipped derivations: derivations/*.yaml, from tools/mutants/ or build/mutants/ (scripts/build-tools.mjs) */
function shippedDerivations(): string[] {
  const dir = fileURLToPath(new URL('../../derivations/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/** runs the jobs on `threads` workers, each taking the next job when it is free */
async function runAll(jobs: readonly FileJob[], threads: number): Promise<FileJobResult[]> {
  const queue = [...jobs];
  const results: FileJobResult[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./worker.js', import.meta.url));
      const next = () => {
        const job = queue.shift();
        if (!job) {
          void w.terminate().then(() => resolve());
          return;
        }
        w.postMessage(job);
      };
      w.on('message', (r: FileJobResult) => {
        process.stderr.write(`done: ${r.file}\n`);
        results.push(r);
        next();
      });
      w.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: threads }, one));
  return results;
}

/** `--cap N` and the file arguments */
function parseArgs(args: readonly string[]): { cap?: number; files: string[] } | undefined {
  let cap: number | undefined;
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] !== '--cap') {
      files.push(args[k]!);
      continue;
    }
    cap = Number(args[++k]);
    if (!Number.isInteger(cap) || cap < 1) return undefined;
  }
  return { cap, files };
}

/** the whole run; resolves to the exit status */
async function main(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    console.error('usage: mutants [--cap N] [FILE...]  (N a positive integer)');
    return 2;
  }
  const files = parsed.files.length > 0 ? parsed.files : shippedDerivations();
  const cap = parsed.cap ?? capPerFile(files.length);
  const start = performance.now();
  // largest first, so that the longest file does not start last
  const jobs = files
    .map((path) => ({ path, name: relative(process.cwd(), path), cap }))
    .sort((a, b) => statSync(b.path).size - statSync(a.path).size);
  const results = await runAll(jobs, Math.max(1, Math.min(MAX_WORKERS, availableParallelism(), jobs.length)));
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const r of results) console.log(r.text);
  const loaded = results.flatMap((r) => (r.counts ? [r.counts] : []));
  const total = addCounts(loaded);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`\nall ${results.length} files: ${countsLine(total)}; cap ${cap} per file; ${seconds} s`);
  return total.survivors === 0 && total.crashes === 0 && loaded.length === results.length ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
