/**
 * The HTML report: one self-contained page that works offline. Each step's
 * LaTeX is rendered with KaTeX at report time (HTML plus MathML), KaTeX's CSS
 * and woff2 fonts are inlined, and a Content-Security-Policy forbids every
 * request, so the page shows the same thing from a CI artifact, an e-mail or
 * a laptop on a plane. All text from the checker is escaped.
 */
import { mistakeSentence } from './diagnosis.js';
import katex from 'katex';
import type { FileResult, Premise, StepResult } from '../verdict/result.js';
import { counterexampleRows } from './counterexample-rows.js';
import { evidenceSentence } from './evidence.js';
import { katexStyleSheet } from './katex-css.js';
import { escapeAttribute, escapeText } from './markup-escape.js';
import { STATUS_MARK } from './status-mark.js';
import { fileAccepted, summaryLine, tally } from './tally.js';

export interface HtmlOptions {
  /** only `proved` counts: numeric steps are flagged and their files not accepted */
  readonly strict: boolean;
  /** the page's heading and `<title>` (default `derivcheck report`) */
  readonly title?: string;
}

/** the page may load nothing: styles are inline and fonts are data: URLs */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

const PAGE_CSS = `
:root { --proved: #1a7f37; --numeric: #0969da; --failed: #cf222e; --error: #8250df; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
.summary { color: var(--muted); margin: 0 0 1.5rem; }
.file { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.file-accepted { border-left: 6px solid var(--proved); }
.file-rejected { border-left: 6px solid var(--failed); }
.file-meta { color: var(--muted); margin: 0 0 .75rem; font-size: .9rem; }
.verdict-accepted { color: var(--proved); font-weight: 600; }
.verdict-rejected { color: var(--failed); font-weight: 600; }
.claim { background: #f6f8fa; border-radius: 6px; padding: .5rem .75rem; margin: 0 0 .75rem; }
.premises { margin: 0 0 .75rem; font-size: .95rem; }
.premises ul { margin: .25rem 0 0; padding-left: 1.25rem; }
ol.steps { list-style: none; margin: 0; padding: 0; }
.step { border-top: 1px solid var(--line); padding: .6rem 0 .6rem 2.4rem; position: relative; }
.mark { position: absolute; left: 0; top: .55rem; width: 1.8rem; height: 1.8rem; border-radius: 50%; color: #fff; font-weight: 700; text-align: center; line-height: 1.8rem; font-size: 1.05rem; }
.status-proved .mark { background: var(--proved); }
.status-numeric .mark { background: var(--numeric); }
.status-failed .mark { background: var(--failed); }
.status-error .mark { background: var(--error); }
.status-failed { background: #ffebe9; }
.status-error { background: #fbefff; }
.step-head { font-size: .9rem; color: var(--muted); }
.status-word { font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.status-proved .status-word { color: var(--proved); }
.status-numeric .status-word { color: var(--numeric); }
.status-failed .status-word { color: var(--failed); }
.status-error .status-word { color: var(--error); }
.math { font-size: 1.1rem; margin: .35rem 0; overflow-x: auto; overflow-y: hidden; }
.math .katex-display { margin: .25rem 0; text-align: left; }
.math .katex-display > .katex { text-align: left; }
.by { font-style: italic; margin: .15rem 0; }
.message, .evidence, .rules { margin: .15rem 0; }
.message { white-space: pre-wrap; }
.evidence, .rules { color: var(--muted); font-size: .9rem; }
p.warning { color: #8a5a00; }
p.diagnosis, p.mistake { margin: .3rem 0; }
p.mistake { font-weight: 600; }
table.counterexample { border-collapse: collapse; margin: .4rem 0; font-size: .9rem; background: #fff; }
table.counterexample caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
table.counterexample th, table.counterexample td { border: 1px solid var(--line); padding: .15rem .5rem; text-align: left; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
`;

/**
 * `latex` rendered by KaTeX (errors shown in place, never thrown), or the
 * ASCII expression, or nothing; `display` typesets fractions and sums at full
 * size, as a derivation's lines are on paper.
 */
function math(latex: string | undefined, ascii: string | undefined, display: boolean): string {
  if (latex !== undefined && latex.trim() !== '') {
    return katex.renderToString(latex, { throwOnError: false, output: 'htmlAndMathml', displayMode: display });
  }
  return ascii !== undefined ? `<code>${escapeText(ascii)}</code>` : '';
}

function counterexampleTable(s: StepResult): string {
  if (s.counterexample === undefined) return '';
  const rows = counterexampleRows(s.counterexample)
    .map(
      ([name, value]) =>
        `<tr><th scope="row"><code>${escapeText(name)}</code></th><td><code>${escapeText(value)}</code></td></tr>`,
    )
    .join('');
  return `<table class="counterexample"><caption>Counterexample</caption><tbody>${rows}</tbody></table>`;
}

/** a failed step's correct result (as math) and the likely mistake */
function diagnosisBlock(s: StepResult): string {
  const d = s.diagnosis;
  if (d === undefined) return '';
  const m = mistakeSentence(d);
  const correct = `<p class="diagnosis">correct result: ${math(d.correctLatex, d.correct, false)}</p>`;
  return m ? `${correct}<p class="mistake">${escapeText(m)}</p>` : correct;
}

function stepItem(s: StepResult, strict: boolean): string {
  const word = s.status === 'numeric' && strict ? 'numeric (not enough under --strict)' : s.status;
  const code = s.code !== undefined ? ` <code class="code">[${escapeText(s.code)}]</code>` : '';
  const parts = [
    `<li class="step status-${s.status}">`,
    `<span class="mark" role="img" aria-label="${escapeAttribute(s.status)}" title="${escapeAttribute(s.status)}">${STATUS_MARK[s.status]}</span>`,
    `<div class="step-head"><span class="status-word">${escapeText(word)}</span> · <span class="location">${escapeText(s.location)}</span> · line ${s.line}, column ${s.column}${code}</div>`,
  ];
  const rendered = math(s.latex, s.expr, true);
  if (rendered !== '') parts.push(`<div class="math">${rendered}</div>`);
  if (s.by !== undefined) parts.push(`<p class="by">by ${escapeText(s.by)}</p>`);
  if (s.message !== '') parts.push(`<p class="message">${escapeText(s.message)}</p>`);
  if (s.evidence !== undefined)
    parts.push(`<p class="evidence">numeric evidence: ${escapeText(evidenceSentence(s.evidence))}</p>`);
  if (s.rules !== undefined && s.rules.length > 0)
    parts.push(`<p class="rules">rules: ${s.rules.map((r) => `<code>${escapeText(r)}</code>`).join(', ')}</p>`);
  parts.push(counterexampleTable(s), diagnosisBlock(s));
  for (const w of s.warnings ?? []) parts.push(`<p class="warning">warning: ${escapeText(w)}</p>`);
  parts.push('</li>');
  return parts.join('');
}

/**
 * The claim, as far as the results show it: the step results at `claim.lhs`
 * and `claim.rhs` (or a case's `claim.rhs`) carry its two sides.
 */
function claimBlock(r: FileResult): string {
  const lhs = r.steps.find((s) => s.location === 'claim.lhs');
  const rhs = r.steps.find((s) => /(^|\.)claim\.rhs$/.test(s.location));
  if (lhs === undefined && rhs === undefined) return '';
  const side = (s: StepResult) => math(s.latex, s.expr, false);
  if (lhs === undefined) return `<div class="claim"><strong>Claimed result:</strong> ${side(rhs!)}</div>`;
  if (rhs === undefined) return `<div class="claim"><strong>Claim, left side:</strong> ${side(lhs)}</div>`;
  return `<div class="claim"><strong>Claim:</strong> ${side(lhs)} <span class="equals">=</span> ${side(rhs)}</div>`;
}

function premiseBlock(premises: readonly Premise[]): string {
  if (premises.length === 0) return '';
  const items = premises
    .map((p) => `<li>line ${p.line}, ${escapeText(p.kind)}: <code>${escapeText(p.text)}</code></li>`)
    .join('');
  return `<div class="premises"><strong>Premises</strong> (assumed, not proved):<ul>${items}</ul></div>`;
}

function fileSection(r: FileResult, index: number, strict: boolean): string {
  const accepted = fileAccepted(r, strict);
  const heading = r.title !== '' ? r.title : r.file;
  const verdict = accepted
    ? '<span class="verdict-accepted">✓ accepted</span>'
    : '<span class="verdict-rejected">✗ not accepted</span>';
  const steps = r.steps.map((s) => stepItem(s, strict)).join('\n');
  return [
    `<section class="file ${accepted ? 'file-accepted' : 'file-rejected'}" id="file-${index + 1}">`,
    `<h2>${escapeText(heading)}</h2>`,
    `<p class="file-meta"><code>${escapeText(r.file)}</code> · seed ${r.seed} · ${verdict}</p>`,
    claimBlock(r),
    premiseBlock(r.premises),
    `<ol class="steps">\n${steps}\n</ol>`,
    '</section>',
  ].join('\n');
}

/** One self-contained HTML page reporting `results`; a pure function of its arguments (and the installed KaTeX). */
export function formatHtml(results: readonly FileResult[], opts: HtmlOptions): string {
  const title = opts.title ?? 'derivcheck report';
  const summary = summaryLine(tally(results)) + (opts.strict ? ' (--strict: only proved counts)' : '');
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
      '<main>',
      ...results.map((r, i) => fileSection(r, i, opts.strict)),
      '</main>',
      '</body>',
      '</html>',
    ].join('\n') + '\n'
  );
}
