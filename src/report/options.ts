/**
 * What a report is rendered with: one record, built once by the command line
 * (or a caller of renderReport) and read by every format, each taking the
 * fields it uses. Plain data, so it is a leaf every format imports.
 */

/** The options of every report format. */
export interface ReportOptions {
  /** only `proved` counts: numeric steps are flagged (text, HTML), failures (JUnit), errors (GitHub), ❌ (Markdown) */
  readonly strict: boolean;
  /** text: wrap marks and verdicts in ANSI colour codes */
  readonly color?: boolean;
  /** text and HTML: only the files not accepted, with only their steps that are not (--quiet) */
  readonly quiet?: boolean;
  /** text, Markdown, HTML: the checker's workings too (normal forms; HTML: rule ids, where a failed step first differs), as --explain asks */
  readonly explain?: boolean;
  /** JUnit: when the run started, written as the suites' `timestamp` (UTC, ISO 8601 without zone, as junit.xsd wants) */
  readonly started?: Date;
  /** JUnit: seconds spent on each file, by position in the results; 0 when not given */
  readonly seconds?: readonly number[];
  /** text: the run's wall-clock seconds, added to the summary with the number of steps */
  readonly elapsed?: number;
  /** HTML: the page's heading and `<title>` (default `derivcheck report`) */
  readonly title?: string;
}
