/**
 * The playground's Web Worker: checks the text the page sends with the same
 * checker as the `verify` command (the browser entry, src/browser.ts) and
 * answers with the result rendered (render.ts). Bundled for the browser by
 * scripts/playground.mjs and inlined into the page as a Blob URL.
 */
import { verifyDerivation } from '../browser.js';
import { escapeText } from '../report/markup-escape.js';
import type { CheckReply, CheckRequest } from './protocol.js';
import { renderResult } from './render.js';

/** why: a step the checker cannot settle in this time is an error, so the worker never hangs on one keystroke's text */
const STEP_TIMEOUT_MS = 10_000;

/** the part of a worker's global scope used here (the project compiles without the DOM's types) */
interface WorkerScope {
  onmessage: ((event: { readonly data: CheckRequest }) => void) | null;
  postMessage(reply: CheckReply): void;
}

/** the reply to `request` */
export function check(request: CheckRequest): CheckReply {
  const started = performance.now();
  try {
    const result = verifyDerivation(request.text, { file: 'derivation.yaml', stepTimeoutMs: STEP_TIMEOUT_MS });
    return { id: request.id, ...renderResult(result), ms: performance.now() - started };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      id: request.id,
      html: `<p class="internal">internal error of the checker (please report it): ${escapeText(why)}</p>`,
      summary: 'internal error',
      ok: false,
      counts: { proved: 0, numeric: 0, failed: 0, error: 1 },
      ms: performance.now() - started,
    };
  }
}

const scope = globalThis as unknown as WorkerScope;
if (typeof (globalThis as { document?: unknown }).document === 'undefined' && 'postMessage' in scope)
  scope.onmessage = (event) => scope.postMessage(check(event.data));
