/**
 * Choosing a report by name: the formats `verify --format` offers and the
 * one function that turns results into the chosen one. The text report is
 * loaded with this module; every other format only when asked for (the
 * HTML report brings KaTeX, a third of the bundled command), so a cold
 * `verify` does not load what it does not print.
 */
import type { FileResult } from '../verdict/result.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'github', 'markdown', 'html'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  readonly color: boolean;
  readonly strict: boolean;
  /** when the run started (JUnit's timestamp) */
  readonly started: Date;
  /** seconds spent on each file, by position (JUnit's times) */
  readonly seconds?: readonly number[];
  /** text and HTML: only what is not accepted, and the summary */
  readonly quiet?: boolean;
  /** text, Markdown, HTML: the checker's workings too (normal forms; HTML: rule ids), as --explain asks */
  readonly explain?: boolean;
  /** text: the run's wall-clock seconds, shown in the summary */
  readonly elapsed?: number;
}

/** The report of `results` in `format`; a pure function of its arguments (async only to load the format's module). */
export async function renderReport(
  format: ReportFormat,
  results: readonly FileResult[],
  opts: RenderOptions,
): Promise<string> {
  switch (format) {
    case 'text':
      return formatText(results, {
        color: opts.color,
        strict: opts.strict,
        ...(opts.quiet ? { quiet: true } : {}),
        ...(opts.elapsed !== undefined ? { seconds: opts.elapsed } : {}),
        ...(opts.explain ? { explain: true } : {}),
      });
    case 'json':
      return (await import('./json.js')).formatJson(results);
    case 'junit':
      return (await import('./junit.js')).formatJunit(results, {
        timestamp: opts.started,
        strict: opts.strict,
        ...(opts.seconds !== undefined ? { seconds: opts.seconds } : {}),
      });
    case 'github':
      return (await import('./github.js')).formatGithub(results, { strict: opts.strict });
    case 'markdown':
      return (await import('./markdown.js')).formatMarkdown(results, {
        strict: opts.strict,
        ...(opts.explain ? { explain: true } : {}),
      });
    case 'html':
      return (await import('./html.js')).formatHtml(results, {
        strict: opts.strict,
        ...(opts.quiet ? { quiet: true } : {}),
        ...(opts.explain ? { explain: true } : {}),
      });
  }
}
