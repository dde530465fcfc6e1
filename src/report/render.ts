/**
 * Choosing a report by name: the formats `verify --format` offers and the
 * one function that turns results into the chosen one. The text report is
 * loaded with this module; every other format only when asked for (the
 * HTML report brings KaTeX, a third of the bundled command), so a cold
 * `verify` does not load what it does not print.
 */
import type { FileResult } from '../verdict/result.js';
import type { ReportOptions } from './options.js';
import { formatText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'github', 'markdown', 'html'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The report of `results` in `format`, every format given the same options
 * (`started` is JUnit's timestamp); a pure function of its arguments (async
 * only to load the format's module).
 */
export async function renderReport(
  format: ReportFormat,
  results: readonly FileResult[],
  opts: ReportOptions & { readonly started: Date },
): Promise<string> {
  switch (format) {
    case 'text':
      return formatText(results, opts);
    case 'json':
      return (await import('./json.js')).formatJson(results);
    case 'junit':
      return (await import('./junit.js')).formatJunit(results, opts);
    case 'github':
      return (await import('./github.js')).formatGithub(results, opts);
    case 'markdown':
      return (await import('./markdown.js')).formatMarkdown(results, opts);
    case 'html':
      return (await import('./html.js')).formatHtml(results, opts);
  }
}
