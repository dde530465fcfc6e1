/**
 * The Markdown report, for pull-request comments (GitHub-flavoured: tables,
 * `$...$` math): per file a heading with ✅/❌, a table of the steps with
 * each expression as inline math, the counterexample of each failed step,
 * and the premises the derivation assumes.
 */
import { readerMessage } from './reader-message.js';
import { mistakeSentence } from './diagnosis.js';
import type { FileResult, Premise, StepResult } from '../verdict/result.js';
import { counterexampleRows } from './counterexample-rows.js';
import { evidenceSentence } from './evidence.js';
import { STATUS_MARK } from './status-mark.js';
import { fileAccepted, plural, summaryLine, tally } from './tally.js';
import type { ReportOptions } from './options.js';

/** plain text that Markdown must not interpret (emphasis, links, code, math, HTML, table pipes); line breaks as `<br>` */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~|$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

/** `latex` as inline math in a table cell: one line, `|` escaped for the table (GitHub unescapes it before rendering) */
export function inlineMath(latex: string): string {
  const oneLine = latex.replace(/\s*\r?\n\s*/g, ' ').trim();
  return `$${oneLine.replace(/\|/g, '\\|').replace(/(?<!\\)\$/g, '\\$')}$`;
}

/** `text` as a code span in a table cell: a fence longer than any backtick run inside, `|` escaped for the table */
function codeInCell(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}${pad}${fence}`;
}

function expression(s: StepResult): string {
  if (s.latex !== undefined && s.latex.trim() !== '') return inlineMath(s.latex);
  if (s.expr !== undefined) return codeInCell(s.expr);
  return '';
}

function statusCell(s: StepResult, strict: boolean): string {
  const note = s.status === 'numeric' && strict ? ' (not enough under --strict)' : '';
  const code = s.code !== undefined ? ` ${codeInCell(s.code)}` : '';
  return `${STATUS_MARK[s.status]} ${s.status}${note}${code}`;
}

function reason(s: StepResult, explain: boolean): string {
  const parts: string[] = [];
  if (s.by !== undefined) parts.push(`*by ${escapeMarkdown(s.by)}*`);
  const message = readerMessage(s, explain);
  if (message !== '') parts.push(escapeMarkdown(message));
  if (s.evidence !== undefined) parts.push(escapeMarkdown(`evidence: ${evidenceSentence(s.evidence)}`));
  return parts.join('<br>');
}

function stepTable(steps: readonly StepResult[], strict: boolean, explain: boolean): string[] {
  return [
    '| step | line | status | expression | reason |',
    '| --- | ---: | --- | --- | --- |',
    ...steps.map(
      (s) =>
        `| ${codeInCell(s.location)} | ${s.line} | ${statusCell(s, strict)} | ${expression(s)} | ${reason(s, explain)} |`,
    ),
  ];
}

function counterexampleBlock(s: StepResult): string[] {
  if (s.counterexample === undefined) return [];
  return [
    '',
    `**Counterexample to ${codeInCell(s.location)}** (line ${s.line}):`,
    '',
    '| | value |',
    '| --- | --- |',
    ...counterexampleRows(s.counterexample).map(([name, value]) => `| ${codeInCell(name)} | ${codeInCell(value)} |`),
  ];
}

/** a failed step's diagnosis and any step's warnings, after the tables */
function adviceBlock(s: StepResult): string[] {
  const lines: string[] = [];
  if (s.diagnosis !== undefined) {
    const m = mistakeSentence(s.diagnosis);
    lines.push(`- correct result: ${inlineMath(s.diagnosis.correctLatex)}`);
    if (m) lines.push(`- ${escapeMarkdown(m)}`);
  }
  for (const w of s.warnings ?? []) lines.push(`- ⚠️ warning: ${escapeMarkdown(w)}`);
  if (lines.length === 0) return [];
  return [
    '',
    `**${s.status === 'failed' ? 'Diagnosis of' : 'Warnings on'} ${codeInCell(s.location)}** (line ${s.line}):`,
    '',
    ...lines,
  ];
}

function premiseBlock(premises: readonly Premise[]): string[] {
  if (premises.length === 0) return [];
  return [
    '',
    '**Premises** (assumed, not proved):',
    '',
    ...premises.map((p) => `- line ${p.line}, ${p.kind}: ${codeInCell(p.text)}`),
  ];
}

function fileSection(r: FileResult, strict: boolean, explain: boolean): string[] {
  const mark = fileAccepted(r, strict) ? '✅' : '❌';
  const title = r.title !== '' ? `${escapeMarkdown(r.file)}: ${escapeMarkdown(r.title)}` : escapeMarkdown(r.file);
  const steps = r.steps.length === 0 ? ['*No steps were checked.*'] : stepTable(r.steps, strict, explain);
  return [
    `### ${mark} ${title}`,
    '',
    ...steps,
    ...r.steps.flatMap(counterexampleBlock),
    ...r.steps.flatMap(adviceBlock),
    ...premiseBlock(r.premises),
  ];
}

/** The Markdown report of `results` (ending in a newline); a pure function of its arguments. */
export function formatMarkdown(results: readonly FileResult[], opts: ReportOptions): string {
  const accepted = results.filter((r) => fileAccepted(r, opts.strict)).length;
  const allAccepted = accepted === results.length;
  const headline = `## derivcheck ${allAccepted ? '✅' : '❌'} ${accepted} of ${plural(results.length, 'file')} accepted`;
  const summary = summaryLine(tally(results)) + (opts.strict ? ' (--strict: only proved counts)' : '');
  const sections = results.map((r) => fileSection(r, opts.strict, opts.explain === true).join('\n'));
  return [headline, '', escapeMarkdown(summary), ...sections.flatMap((s) => ['', s])].join('\n') + '\n';
}
