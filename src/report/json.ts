/**
 * The JSON report: the contract's shape
 * `{"files": [{"file", "title", "ok", "steps": [{"location", "line", "status", "message", "counterexample"?}]}]}`
 * with extra fields after the contract's ones (extension is allowed,
 * renaming is not).
 */
import type { FileResult, StepResult } from '../verdict/result.js';
import { tally } from './tally.js';

/** a step as JSON: contract fields first, then the optional extras that are present */
function stepJson(s: StepResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    location: s.location,
    line: s.line,
    status: s.status,
    message: s.message,
  };
  if (s.counterexample !== undefined) out.counterexample = s.counterexample;
  out.column = s.column;
  // optional extras: written only when the checker supplied them, so absent stays absent
  for (const key of [
    'expr',
    'latex',
    'by',
    'code',
    'rules',
    'evidence',
    'warnings',
    'explanation',
    'diagnosis',
  ] as const) {
    if (s[key] !== undefined) out[key] = s[key];
  }
  return out;
}

function fileJson(r: FileResult): Record<string, unknown> {
  return {
    file: r.file,
    title: r.title,
    ok: r.ok,
    steps: r.steps.map(stepJson),
    seed: r.seed,
    premises: r.premises,
  };
}

/** One JSON document (with a trailing newline) describing `results`; a pure function of them. */
export function formatJson(results: readonly FileResult[]): string {
  const t = tally(results);
  const summary = { files: t.files, proved: t.proved, numeric: t.numeric, failed: t.failed, errors: t.errors };
  return JSON.stringify({ files: results.map(fileJson), summary }, null, 2) + '\n';
}
