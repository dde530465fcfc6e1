/**
 * `npm run mutants`: mutation testing of the checker over every shipped
 * derivation (derivations/*.yaml, not wrong/ or errors/), or over the files
 * given as arguments. Exit status 0 only when every meaning-changing mutant
 * of every file is killed and the checker never threw.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDerivation } from '../derivation/load.js';
import type { FileMutationReport } from './model.js';
import { fileReportText, countsLine } from './report.js';
import { mutateDerivation } from './run.js';
import { countOutcomes } from './summary.js';
import { MAX_MUTANTS_PER_FILE } from './sample.js';

/** the shipped derivations: derivations/*.yaml beside dist/ */
function shippedDerivations(): string[] {
  const dir = fileURLToPath(new URL('../../derivations/', import.meta.url));
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
}

function main(args: readonly string[]): number {
  const files = args.length > 0 ? [...args] : shippedDerivations();
  const start = performance.now();
  const reports: FileMutationReport[] = [];
  let unloadable = 0;
  for (const path of files) {
    const name = relative(process.cwd(), path);
    const loaded = loadDerivation(name, readFileSync(path, 'utf8'));
    if (!loaded.ok) {
      // a shipped derivation that does not load cannot be mutated; that is a failure of the run, not a skip
      console.log(`${name}: cannot be loaded: ${loaded.errors.map((e) => `${e.place.line}:${e.place.column} ${e.message}`).join('; ')}`);
      unloadable++;
      continue;
    }
    const r = mutateDerivation(loaded.derivation);
    reports.push(r);
    console.log(fileReportText(r));
  }
  const total = countOutcomes(reports.flatMap((r) => r.outcomes));
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`\nall ${reports.length} files: ${countsLine(total)}; cap ${MAX_MUTANTS_PER_FILE} per file; ${seconds} s`);
  return total.survivors === 0 && total.crashes === 0 && unloadable === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
