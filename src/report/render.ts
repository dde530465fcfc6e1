/**
 * Choosing a report by name: the formats `verify --format` offers and the
 * one function that turns results into the chosen one.
 */
import type { FileResult } from '../verdict/result.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
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

/** The report of `results` in `format`; a pure function of its arguments. */
export function renderReport(format: ReportFormat, results: readonly FileResult[], opts: RenderOptions): string {
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
      return formatJson(results);
    case 'junit':
      return formatJunit(results, {
        timestamp: opts.started,
        strict: opts.strict,
        ...(opts.seconds !== undefined ? { seconds: opts.seconds } : {}),
      });
    case 'github':
      return formatGithub(results, { strict: opts.strict });
    case 'markdown':
      return formatMarkdown(results, { strict: opts.strict, ...(opts.explain ? { explain: true } : {}) });
    case 'html':
      return formatHtml(results, {
        strict: opts.strict,
        ...(opts.quiet ? { quiet: true } : {}),
        ...(opts.explain ? { explain: true } : {}),
      });
  }
}
