/**
 * What the playground page and its Web Worker say to each other: the page
 * sends the text to check, the worker answers with the result rendered as
 * HTML (KaTeX runs in the worker, so the page itself stays light).
 */
import type { StepStatus } from '../verdict/result.js';

/** the page asks: check this text (`id` grows with every request; only the newest answer is shown) */
export interface CheckRequest {
  readonly id: number;
  readonly text: string;
}

/** the worker answers */
export interface CheckReply {
  readonly id: number;
  /** the steps as the HTML report shows them, each `<li>` with `data-line` (its line in the text) */
  readonly html: string;
  /** one line: `3 proved, 1 failed` or `the text cannot be checked: 2 errors` */
  readonly summary: string;
  /** every step proved or numeric */
  readonly ok: boolean;
  readonly counts: Readonly<Record<StepStatus, number>>;
  /** milliseconds the worker spent checking and rendering */
  readonly ms: number;
}
