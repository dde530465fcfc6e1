/**
 * The HTML report: one self-contained page that works offline. Each step's
 * LaTeX is rendered with KaTeX at report time (HTML plus MathML), KaTeX's CSS
 * and woff2 fonts are inlined, and a Content-Security-Policy forbids every
 * request, so the page shows the same thing from a CI artifact, an e-mail or
 * a laptop on a plane. All text from the checker is escaped.
 *
 * It is written for a person: at the top the summary and a list of the steps
 * that were not accepted, each a link to the step; the checker's workings
 * (rule ids, normal forms) only with `explain`; with `quiet` only what was
 * not accepted.
 */
import type { FileResult, StepResult } from '../verdict/result.js';
import { katexStyleSheet } from './katex-css.js';
import { claimBlock, premiseBlock, stepItem } from './html-step.js';
import { readerMessage } from './reader-message.js';
import { PAGE_CSS } from './html-style.js';
import { escapeAttribute, escapeText } from './markup-escape.js';
import { fileAccepted, plural, summaryLine, tally } from './tally.js';
import type { ReportOptions } from './options.js';

/** the page may load nothing: styles are inline and fonts are data: URLs */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** a step that keeps its file from being accepted */
const notAccepted = (s: StepResult, strict: boolean): boolean =>
  !(s.status === 'proved' || (s.status === 'numeric' && !strict));

/** the id of file `f`'s step `k` (both from 0), the jump list's link target */
const stepId = (f: number, k: number): string => `file-${f + 1}-step-${k + 1}`;

function fileSection(r: FileResult, index: number, opts: ReportOptions): string {
  const accepted = fileAccepted(r, opts.strict);
  const heading = r.title !== '' ? r.title : r.file;
  const verdict = accepted
    ? '<span class="verdict-accepted">✓ accepted</span>'
    : '<span class="verdict-rejected">✗ not accepted</span>';
  const steps = r.steps
    .map((s, k) => (opts.quiet && !notAccepted(s, opts.strict) ? '' : stepItem(s, opts, stepId(index, k))))
    .filter((li) => li !== '')
    .join('\n');
  return [
    `<section class="file ${accepted ? 'file-accepted' : 'file-rejected'}" id="file-${index + 1}">`,
    `<h2>${escapeText(heading)}</h2>`,
    `<p class="file-meta"><code>${escapeText(r.file)}</code> · seed ${r.seed} · ${verdict}</p>`,
    claimBlock(r),
    opts.quiet ? '' : premiseBlock(r.premises),
    `<ol class="steps">\n${steps}\n</ol>`,
    '</section>',
  ].join('\n');
}

/** the first line of a message, shortened for the jump list */
function gist(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/** the list of every step not accepted, each a link to it, or nothing when all were */
function jumpList(results: readonly FileResult[], opts: ReportOptions): string {
  const items: string[] = [];
  results.forEach((r, f) =>
    r.steps.forEach((s, k) => {
      if (!notAccepted(s, opts.strict)) return;
      const name = r.title !== '' ? r.title : r.file;
      const what = readerMessage(s, opts.explain === true);
      items.push(
        `<li class="jump-${s.status}"><a href="#${escapeAttribute(stepId(f, k))}">${escapeText(name)}: ${escapeText(s.location)}</a> <span class="where">${escapeText(`${r.file}:${s.line}:${s.column}`)} · ${escapeText(s.status)}</span>${what !== '' ? ` · ${escapeText(gist(what))}` : ''}</li>`,
      );
    }),
  );
  if (items.length === 0) return '';
  const files = results.filter((r) => !fileAccepted(r, opts.strict)).length;
  return `<nav class="jump" aria-label="steps not accepted"><h2>${plural(items.length, 'step')} not accepted, in ${plural(files, 'file')}</h2><ol>${items.join('')}</ol></nav>`;
}

/** One self-contained HTML page reporting `results`; a pure function of its arguments (and the installed KaTeX). */
export function formatHtml(results: readonly FileResult[], opts: ReportOptions): string {
  const title = opts.title ?? 'derivcheck report';
  const accepted = results.filter((r) => fileAccepted(r, opts.strict)).length;
  const summary = `${summaryLine(tally(results))}; ${accepted} of ${plural(results.length, 'file')} accepted${opts.strict ? ' (--strict: only proved counts)' : ''}`;
  const shown = opts.quiet
    ? results.map((r, i) => [r, i] as const).filter(([r]) => !fileAccepted(r, opts.strict))
    : results.map((r, i) => [r, i] as const);
  return (
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(CSP)}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeText(title)}</title>`,
      `<style>${katexStyleSheet()}</style>`,
      `<style>${PAGE_CSS}</style>`,
      '</head>',
      '<body>',
      `<header><h1>${escapeText(title)}</h1><p class="summary">${escapeText(summary)}</p></header>`,
      jumpList(results, opts),
      '<main>',
      ...shown.map(([r, i]) => fileSection(r, i, opts)),
      '</main>',
      '</body>',
      '</html>',
    ].join('\n') + '\n'
  );
}
