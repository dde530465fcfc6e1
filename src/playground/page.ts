/**
 * The playground as one self-contained HTML page: the text area, the menu,
 * the result pane, KaTeX's style sheet with its fonts inlined, the page's
 * script and the worker's script (both bundled by scripts/playground.mjs;
 * the worker started from the head, so it compiles while the rest loads),
 * and the examples as JSON. A Content-Security-Policy forbids every request
 * but the worker's Blob URL, so the page works offline and sends nothing.
 */
import { PAGE_CSS } from '../report/html-style.js';
import { escapeAttribute } from '../report/markup-escape.js';
import type { Example } from './examples.js';

interface PlaygroundParts {
  /** KaTeX's CSS with its fonts as data: URLs (report/katex-css.ts) */
  readonly katexCss: string;
  /** the page's script, bundled (app.ts) */
  readonly appJs: string;
  /** the worker's script, bundled (worker.ts) */
  readonly workerJs: string;
  readonly examples: readonly Example[];
  /** shown under the heading, e.g. the version */
  readonly version?: string;
}

/** nothing from the network: inline scripts and styles, data: fonts, the worker from a Blob URL */
export const PLAYGROUND_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; font-src data:; img-src data:";

const LAYOUT_CSS = `
body { max-width: none; padding: 1rem 1.5rem; }
header p { margin: .2rem 0 .6rem; color: var(--muted); }
.bar { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; margin: 0 0 .75rem; }
.bar select, .bar button { font: inherit; padding: .2rem .5rem; max-width: 36rem; }
.status { font-size: .95rem; }
.status-ok { color: var(--proved); } .status-not-ok { color: var(--failed); } .status-error { color: var(--error); }
.status-checking { color: var(--muted); }
.panes { display: grid; grid-template-columns: minmax(20rem, 1fr) minmax(24rem, 1.3fr); gap: 1.25rem; align-items: start; }
@media (max-width: 60rem) { .panes { grid-template-columns: 1fr; } }
textarea#text { width: 100%; min-height: 32rem; font: .92rem/1.45 ui-monospace, "DejaVu Sans Mono", monospace; padding: .6rem; border: 1px solid var(--line); border-radius: 6px; resize: vertical; tab-size: 2; white-space: pre; overflow-wrap: normal; overflow-x: auto; }
#results { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-height: 8rem; }
#results li[data-line] { cursor: pointer; }
.verdict { margin: .25rem 0 .6rem; }
p.internal { color: var(--error); font-weight: 600; }
`;

const HELP =
  'Write a derivation in YAML: a <code>title</code>, then <code>steps</code>, each <code>- expr: …</code> (ASCII, as <code>diff(x^2 * sin(x), x)</code>) or <code>- latex: …</code>. Each step is checked against the one before, in your browser: nothing is sent anywhere. A link to this page carries the text, so it can be shared.';

/**
 * Starts the checker's worker from the page's head, before the style sheets
 * and the body are read: compiling the checker then overlaps loading the
 * page (app.ts takes the worker over; if this fails, app.ts starts one).
 */
export const BOOT_JS =
  "try{var u=URL.createObjectURL(new Blob([document.getElementById('worker-source').textContent],{type:'text/javascript'}));" +
  'window.derivcheckBoot={url:u,worker:new Worker(u)}}catch(e){}';

/**
 * `code` made safe inside a `<script>` element: `</script` (which would end
 * it) written `<\/script`, the same in a JS string, template or regular
 * expression; a `<!--` (which changes how the element is read) is refused.
 */
export function scriptSafe(code: string): string {
  if (code.includes('<!--')) throw new Error('a script for the playground page contains `<!--`');
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** `value` as JSON that can sit inside a `<script>` element: every `<` escaped as \u003c */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** the page, from its bundled parts */
export function playgroundPage(parts: PlaygroundParts): string {
  const examples = jsonForScript(parts.examples);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(PLAYGROUND_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>derivcheck playground</title>',
    `<script type="text/plain" id="worker-source">${scriptSafe(parts.workerJs)}</script>`,
    `<script>${BOOT_JS}</script>`,
    `<style>${parts.katexCss}</style>`,
    `<style>${PAGE_CSS}${LAYOUT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>derivcheck playground${parts.version ? ` <small>${escapeAttribute(parts.version)}</small>` : ''}</h1><p>${HELP}</p></header>`,
    '<div class="bar"><label>Load: <select id="menu"></select></label><button type="button" id="share" title="copy a link that opens this text">Copy link</button><span id="status" class="status" role="status" aria-live="polite">loading the checker…</span></div>',
    '<div class="panes">',
    '<textarea id="text" wrap="off" spellcheck="false" autocapitalize="off" autocomplete="off" aria-label="the derivation, in YAML"></textarea>',
    '<div id="results" aria-live="polite"></div>',
    '</div>',
    `<script type="application/json" id="examples">${examples}</script>`,
    `<script>${scriptSafe(parts.appJs)}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
