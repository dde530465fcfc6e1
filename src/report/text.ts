/**
 * The human-readable report: per file a header, one block per step (mark,
 * status, file:line:column, location, the step as parsed, its reason, the
 * message, and for a failed step the counterexample), the premises, and a
 * closing summary line.
 */
import { diagnosisLines } from './diagnosis.js';
import { STATUS_MARK } from './status-mark.js';
import type { Counterexample, FileResult, Premise, StepResult, StepStatus } from '../verdict/result.js';
import { palette, type Paint, type Palette } from './ansi.js';
import { readerMessage } from './reader-message.js';
import { fileAccepted, plural, summaryLine, tally } from './tally.js';
import type { ReportOptions } from './options.js';

const INDENT = '      ';

function paintFor(status: StepStatus, p: Palette): Paint {
  switch (status) {
    case 'proved':
      return p.green;
    case 'numeric':
      return p.cyan;
    case 'failed':
      return p.red;
    case 'error':
      return p.magenta;
  }
}

/** indents every line of a possibly multi-line text */
function indented(text: string, indent: string): string[] {
  return text.split('\n').map((line) => indent + line);
}

/** a two-column `name = value` table, names padded to one width */
function table(rows: readonly (readonly [string, string])[], indent: string): string[] {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}

function counterexampleLines(c: Counterexample): string[] {
  const rows: [string, string][] = Object.entries(c.values).map(([name, value]) => [name, value]);
  rows.push(['previous step', c.lhs], ['this step', c.rhs]);
  if (c.units !== undefined) rows.push(['units', String(c.units)]);
  rows.push(['seed', String(c.seed)], ['found by', c.how]);
  return [`${INDENT}counterexample:`, ...table(rows, INDENT + '  ')];
}

function stepLines(file: string, s: StepResult, opts: ReportOptions, p: Palette): string[] {
  const paint = paintFor(s.status, p);
  const word = s.status === 'numeric' && opts.strict ? 'numeric (not enough under --strict)' : s.status;
  const code = s.code !== undefined ? `  [${s.code}]` : '';
  const lines = [
    `  ${paint(`${STATUS_MARK[s.status]} ${word.padEnd(7)}`)}  ${file}:${s.line}:${s.column}  ${p.bold(s.location)}${code}`,
  ];
  if (s.expr !== undefined) lines.push(INDENT + s.expr);
  if (s.by !== undefined) lines.push(p.dim(`${INDENT}by: ${s.by}`));
  const message = readerMessage(s, opts.explain === true);
  if (message !== '') lines.push(...indented(message, INDENT));
  if (s.evidence !== undefined) {
    const e = s.evidence;
    const where = e.instances !== undefined ? `, ${e.instances}` : '';
    lines.push(
      p.dim(`${INDENT}evidence: ${plural(e.points, 'point')} agree, ${e.skipped} skipped, seed ${e.seed}${where}`),
    );
  }
  if (s.rules !== undefined && s.rules.length > 0) lines.push(p.dim(`${INDENT}rules: ${s.rules.join(', ')}`));
  if (s.counterexample !== undefined) lines.push(...counterexampleLines(s.counterexample));
  const x = s.explanation;
  if (x?.normalForms)
    lines.push(
      p.dim(`${INDENT}normal form of the previous side: ${x.normalForms.lhs}`),
      p.dim(`${INDENT}normal form of this side:         ${x.normalForms.rhs}`),
    );
  if (x?.difference) lines.push(`${INDENT}first difference: ${x.difference.lhs}  vs  ${x.difference.rhs}`);
  if (s.diagnosis !== undefined) lines.push(...diagnosisLines(s.diagnosis).map((l) => `${INDENT}${l}`));
  for (const w of s.warnings ?? []) lines.push(p.yellow(`${INDENT}warning: ${w}`));
  return lines;
}

function premiseLines(premises: readonly Premise[]): string[] {
  if (premises.length === 0) return [];
  const kindWidth = Math.max(...premises.map((q) => q.kind.length));
  return [
    '  Premises (assumed, not proved):',
    ...premises.map((q) => `    line ${String(q.line).padEnd(4)} ${q.kind.padEnd(kindWidth)}  ${q.text}`),
  ];
}

function verdictLine(r: FileResult, opts: ReportOptions, p: Palette): string {
  if (fileAccepted(r, opts.strict)) return `  ${p.green('=> ok')}`;
  const t = tally([r]);
  const parts: string[] = [];
  if (t.failed > 0) parts.push(`${t.failed} failed`);
  if (t.errors > 0) parts.push(plural(t.errors, 'error'));
  if (opts.strict && t.numeric > 0) parts.push(`${t.numeric} numeric under --strict`);
  if (parts.length === 0) parts.push(r.steps.length === 0 ? 'no steps checked' : 'the checker did not accept it');
  return `  ${p.red(`=> NOT OK: ${parts.join(', ')}`)}`;
}

function fileBlock(r: FileResult, opts: ReportOptions, p: Palette): string[] {
  const header = r.title !== '' ? `${r.file}: ${r.title}` : r.file;
  // quiet: the steps that make the file not accepted, without the premises (the full report has them)
  const shown = opts.quiet
    ? r.steps.filter((s) => !(s.status === 'proved' || (s.status === 'numeric' && !opts.strict)))
    : r.steps;
  return [
    p.bold(header),
    ...shown.flatMap((s) => stepLines(r.file, s, opts, p)),
    ...(opts.quiet ? [] : premiseLines(r.premises)),
    verdictLine(r, opts, p),
  ];
}

/** The report of `results` as text lines ending in a newline; a pure function of its arguments. */
export function formatText(results: readonly FileResult[], opts: ReportOptions): string {
  const p = palette(opts.color === true);
  const shown = opts.quiet ? results.filter((r) => !fileAccepted(r, opts.strict)) : results;
  const blocks = shown.map((r) => fileBlock(r, opts, p).join('\n'));
  const steps = results.reduce((n, r) => n + r.steps.length, 0);
  const time = opts.elapsed !== undefined ? `; ${plural(steps, 'step')} in ${opts.elapsed.toFixed(2)} s` : '';
  const summary = summaryLine(tally(results)) + (opts.strict ? ' (--strict: only proved counts)' : '') + time;
  return [...blocks, summary].join('\n\n') + '\n';
}
