/**
 * A derivation's result as the playground shows it: the claim, then each
 * step with its verdict, counterexample and diagnosis, in the HTML report's
 * markup (src/report/html-step.ts) so both look alike. Each step carries its
 * line (`data-line`) so a click can take the student to it.
 */
import { claimBlock, premiseBlock, stepItem } from '../report/html-step.js';
import { escapeText } from '../report/markup-escape.js';
import type { FileResult, StepStatus } from '../verdict/result.js';

/** `n status` for each status that occurs, in the order proved, numeric, failed, error */
function countsLine(counts: Readonly<Record<StepStatus, number>>): string {
  const parts = (['proved', 'numeric', 'failed', 'error'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'error' ? (counts[s] === 1 ? 'error' : 'errors') : s}`);
  return parts.length > 0 ? parts.join(', ') : 'no steps';
}

/** the result rendered: the HTML of the result pane, its summary line and counts */
export function renderResult(r: FileResult): {
  html: string;
  summary: string;
  ok: boolean;
  counts: Record<StepStatus, number>;
} {
  const counts: Record<StepStatus, number> = { proved: 0, numeric: 0, failed: 0, error: 0 };
  for (const s of r.steps) counts[s.status] += 1;
  const ok = r.ok && counts.failed === 0 && counts.error === 0;
  const verdict = ok
    ? '<p class="verdict verdict-accepted">✓ every step holds</p>'
    : '<p class="verdict verdict-rejected">✗ not accepted</p>';
  const items = r.steps.map((s) =>
    stepItem(s, { strict: false }).replace('<li class="step', `<li data-line="${s.line}" class="step`),
  );
  const html = [
    r.title !== '' ? `<h2>${escapeText(r.title)}</h2>` : '',
    verdict,
    claimBlock(r),
    `<ol class="steps">${items.join('\n')}</ol>`,
    premiseBlock(r.premises),
  ].join('\n');
  return { html, summary: countsLine(counts), ok, counts };
}
