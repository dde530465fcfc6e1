/**
 * The parts of the HTML report a step is made of: its mathematics typeset by
 * KaTeX (HTML plus MathML), its verdict, the counterexample, the diagnosis,
 * warnings, and the claim and premises of a file. Shared by the report page
 * (html.ts) and the playground (src/playground/), which renders the same
 * markup in a browser. Needs no Node; all text from the checker is escaped.
 */
import katex from 'katex';
import type { FileResult, Premise, StepResult } from '../verdict/result.js';
import { counterexampleRows } from './counterexample-rows.js';
import { mistakeSentence } from './diagnosis.js';
import { evidenceSentence } from './evidence.js';
import { escapeAttribute, escapeText } from './markup-escape.js';
import { readerMessage } from './reader-message.js';
import type { ReportOptions } from './options.js';
import { STATUS_MARK } from './status-mark.js';

/** what a step's markup reads of the report's options */
type StepHtmlOptions = Pick<ReportOptions, 'strict' | 'explain'>;

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

/** --explain: the rules, both normal forms of a proved step, where a failed one first differs */
function explainBlock(s: StepResult): string[] {
  const out: string[] = [];
  if (s.rules !== undefined && s.rules.length > 0)
    out.push(`<p class="rules">rules: ${s.rules.map((r) => `<code>${escapeText(r)}</code>`).join(', ')}</p>`);
  const x = s.explanation;
  if (x?.normalForms)
    out.push(
      `<p class="rules">normal form of the previous side: <code>${escapeText(x.normalForms.lhs)}</code></p>`,
      `<p class="rules">normal form of this side: <code>${escapeText(x.normalForms.rhs)}</code></p>`,
    );
  if (x?.difference)
    out.push(
      `<p class="rules">first difference: <code>${escapeText(x.difference.lhs)}</code> vs <code>${escapeText(x.difference.rhs)}</code></p>`,
    );
  return out;
}

/** one step as an `<li class="step status-…">`, its `id` when given (the jump list's target) */
export function stepItem(s: StepResult, opts: StepHtmlOptions, id?: string): string {
  const word = s.status === 'numeric' && opts.strict ? 'numeric (not enough under --strict)' : s.status;
  const code = s.code !== undefined ? ` <code class="code">[${escapeText(s.code)}]</code>` : '';
  const anchor = id !== undefined ? `<a class="anchor" id="${escapeAttribute(id)}"></a>` : '';
  const parts = [
    `<li class="step status-${s.status}">${anchor}`,
    `<span class="mark" role="img" aria-label="${escapeAttribute(s.status)}" title="${escapeAttribute(s.status)}">${STATUS_MARK[s.status]}</span>`,
    `<div class="step-head"><span class="status-word">${escapeText(word)}</span> · <span class="location">${escapeText(s.location)}</span> · line ${s.line}, column ${s.column}${code}</div>`,
  ];
  const rendered = math(s.latex, s.expr, true);
  if (rendered !== '') parts.push(`<div class="math">${rendered}</div>`);
  if (s.by !== undefined) parts.push(`<p class="by">by ${escapeText(s.by)}</p>`);
  const message = readerMessage(s, opts.explain === true);
  if (message !== '') parts.push(`<p class="message">${escapeText(message)}</p>`);
  if (s.evidence !== undefined)
    parts.push(`<p class="evidence">numeric evidence: ${escapeText(evidenceSentence(s.evidence))}</p>`);
  if (opts.explain) parts.push(...explainBlock(s));
  parts.push(counterexampleTable(s), diagnosisBlock(s));
  for (const w of s.warnings ?? []) parts.push(`<p class="warning">warning: ${escapeText(w)}</p>`);
  parts.push('</li>');
  return parts.join('');
}

/**
 * The claim, as far as the results show it: the step results at `claim.lhs`
 * and `claim.rhs` (or a case's `claim.rhs`) carry its two sides.
 */
export function claimBlock(r: FileResult): string {
  const lhs = r.steps.find((s) => s.location === 'claim.lhs');
  const rhs = r.steps.find((s) => /(^|\.)claim\.rhs$/.test(s.location));
  if (lhs === undefined && rhs === undefined) return '';
  const side = (s: StepResult) => math(s.latex, s.expr, false);
  if (lhs === undefined) return `<div class="claim"><strong>Claimed result:</strong> ${side(rhs!)}</div>`;
  if (rhs === undefined) return `<div class="claim"><strong>Claim, left side:</strong> ${side(lhs)}</div>`;
  return `<div class="claim"><strong>Claim:</strong> ${side(lhs)} <span class="equals">=</span> ${side(rhs)}</div>`;
}

/** the premises a file rests on (definitions, declarations, assumptions), or nothing */
export function premiseBlock(premises: readonly Premise[]): string {
  if (premises.length === 0) return '';
  const items = premises
    .map((p) => `<li>line ${p.line}, ${escapeText(p.kind)}: <code>${escapeText(p.text)}</code></li>`)
    .join('');
  return `<div class="premises"><strong>Premises</strong> (assumed, not proved):<ul>${items}</ul></div>`;
}
