/**
 * One file's share of a mutation run, as plain data that can cross a worker
 * boundary: the text report and the counts.
 */
import { readFileSync } from 'node:fs';
import { loadDerivation } from '../../src/derivation/load.js';
import { fileReportText } from './report.js';
import { mutateDerivation } from './run.js';
import { countOutcomes, type MutationCounts } from './summary.js';

/** what a file's run hands back; `counts` is absent when the file does not load */
export interface FileJobResult {
  readonly file: string;
  readonly text: string;
  readonly counts?: MutationCounts;
}

/** mutation-test the derivation in `path` (named `name` in the report) with at most `cap` mutants */
export function mutateFile(path: string, name: string, cap: number): FileJobResult {
  const loaded = loadDerivation(name, readFileSync(path, 'utf8'));
  if (!loaded.ok) {
    return {
      file: name,
      text: `${name}: cannot be loaded: ${loaded.errors.map((e) => `${e.place.line}:${e.place.column} ${e.message}`).join('; ')}`,
    };
  }
  const r = mutateDerivation(loaded.derivation, { cap });
  return { file: name, text: fileReportText(r), counts: countOutcomes(r.outcomes) };
}
