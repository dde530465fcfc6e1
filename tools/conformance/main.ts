/**
 * `npm run conformance`: every case of ../shared/corpora/ through the
 * checker, a report on stdout, and exit 0 when the acceptance is met (every
 * non-identity refuted, every derivative and identity without domain_note
 * accepted), 1 when not, 2 when the corpora cannot be found.
 */
import { performance } from 'node:perf_hooks';
import { CORPORA_ENV, corporaFolder, corporaPresent, readCorpora } from './corpus.js';
import { acceptanceMet, runCorpora } from './suite.js';
import { formatReport } from './summary.js';

function run(): number {
  const folder = corporaFolder();
  if (!corporaPresent(folder)) {
    process.stderr.write(
      `conformance: no corpora in ${folder} (expected derivatives.jsonl, identities.jsonl, nonidentities.jsonl); check out shared/ beside the repository or set ${CORPORA_ENV}\n`,
    );
    return 2;
  }
  const start = performance.now();
  const results = runCorpora(readCorpora(folder), (done, total) => {
    if (process.stderr.isTTY && done % 50 === 0) process.stderr.write(`\r${done}/${total}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  process.stdout.write(formatReport(folder, results));
  process.stdout.write(`\n${results.length} cases in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  return acceptanceMet(results) ? 0 : 1;
}

process.exitCode = run();
