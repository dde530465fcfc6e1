/**
 * The playground page's script: the text area, the menu of examples, the
 * URL fragment, and the Web Worker that checks the text as the student types
 * (worker.ts, inlined in the page and started from a Blob URL). Only the
 * newest text's answer is shown; a worker busy on an older text for long is
 * stopped and a fresh one started, so a slow step never holds up typing.
 */
import type { Browser, DomElement, DomSelect, DomTextArea, DomWorker } from './dom.js';
import type { Example } from './examples.js';
import { readFragment, textFragment } from './fragment.js';
import type { CheckReply } from './protocol.js';
import { Scheduler } from './scheduler.js';

/** why: one check per pause in typing, not per keystroke */
const DEBOUNCE_MS = 200;
/** why: an older text checked longer than this is abandoned for the newer one (the worker restarted) */
const ABANDON_MS = 400;
/** the example shown when the fragment names none */
const DEFAULT_EXAMPLE = 'teaching/chain-rule-inner-missing';

const web = globalThis as unknown as Browser;

function element<T extends DomElement = DomElement>(id: string): T {
  const e = web.document.getElementById(id);
  if (e === null) throw new Error(`the playground page has no #${id}`);
  return e as T;
}

const text = element<DomTextArea>('text');
const menu = element<DomSelect>('menu');
const results = element('results');
const status = element('status');
const share = element('share');
const examples = JSON.parse(element('examples').textContent ?? '[]') as Example[];
/** the worker the page's head started while the rest loaded (page.ts, BOOT_JS), if it could */
const early = web.derivcheckBoot;
const workerUrl =
  early?.url ??
  URL.createObjectURL(new Blob([element('worker-source').textContent ?? ''], { type: 'text/javascript' }));

let worker: DomWorker = startWorker(early?.worker);
const scheduler = new Scheduler(
  {
    post: (request) => worker.postMessage(request),
    restart: () => {
      worker.terminate();
      worker = startWorker();
    },
  },
  { now: () => performance.now(), later: (f, ms) => setTimeout(f, ms) },
  ABANDON_MS,
);
let timer: ReturnType<typeof setTimeout> | undefined;
let firstVerdict: number | undefined;

/** a fresh worker (or `started`, the one already running) with the page's handlers */
function startWorker(started?: DomWorker): DomWorker {
  const w = started ?? new web.Worker(workerUrl);
  w.onmessage = (event) => received(event.data as CheckReply);
  w.onerror = (event) => {
    status.textContent = `the checker stopped: ${event.message ?? 'unknown error'}; starting it again`;
    status.className = 'status status-error';
    scheduler.failed();
    settled();
  };
  return w;
}

/** checks `source` as soon as the worker can (scheduler.ts) */
function check(source: string): void {
  scheduler.submit(source);
  status.textContent = 'checking…';
  status.className = 'status status-checking';
  settled();
}

function received(message: CheckReply): void {
  const reply = scheduler.receive(message);
  if (reply === undefined) return;
  results.innerHTML = reply.html;
  status.textContent = `${reply.summary} · checked in ${Math.round(reply.ms)} ms`;
  status.className = `status ${reply.ok ? 'status-ok' : 'status-not-ok'}`;
  if (firstVerdict === undefined) {
    // performance.now() counts from the start of navigation: the time from opening the page, loading included
    firstVerdict = performance.now();
    web.document.documentElement.dataset.firstVerdictMs = firstVerdict.toFixed(0);
  }
  web.document.documentElement.dataset.checked = String(reply.id);
  settled();
}

/** `data-state` on the page: `idle` once the text on screen is the text checked (tests and people can wait for it) */
function settled(): void {
  const idle = scheduler.idle && timer === undefined;
  web.document.documentElement.dataset.state = idle ? 'idle' : 'checking';
}

/** the text changed: keep it in the fragment, check it after a pause */
function edited(): void {
  web.history.replaceState(null, '', textFragment(text.value));
  // the menu names what is on screen: once edited, it is the student's own text
  if (examples.find((e) => e.name === menu.value)?.text !== text.value) menu.value = '';
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    check(text.value);
  }, DEBOUNCE_MS);
  settled();
}

/** shows `source` and checks it at once */
function show(source: string): void {
  text.value = source;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  check(source);
}

function fillMenu(): void {
  const option = (e: Example) =>
    `<option value="${escapeHtml(e.name)}">${escapeHtml(e.title)} (${escapeHtml(e.name)})</option>`;
  const group = (label: string, which: Example['group']) =>
    `<optgroup label="${label}">${examples
      .filter((e) => e.group === which)
      .map(option)
      .join('')}</optgroup>`;
  menu.innerHTML = `<option value="">choose a derivation…</option>${group('Exercises with a planted mistake', 'exercises')}${group('Shipped derivations', 'derivations')}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** the text the fragment asks for (or the default exercise), shown and checked */
function fromFragment(): void {
  const asked = readFragment(web.location.hash);
  if (asked.kind === 'text') {
    if (asked.text !== text.value) show(asked.text);
    return;
  }
  const name = asked.kind === 'example' ? asked.name : DEFAULT_EXAMPLE;
  const example = examples.find((e) => e.name === name) ?? examples[0];
  menu.value = example?.name ?? '';
  show(example?.text ?? '');
}

/** a click on a step selects its line in the text */
function goToLine(line: number): void {
  const lines = text.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  text.focus();
  text.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function wire(): void {
  text.addEventListener('input', edited);
  text.addEventListener('keydown', (event) => {
    // YAML is indented with spaces: Tab inserts two instead of leaving the text area
    if (event.key !== 'Tab' || event.shiftKey) return;
    event.preventDefault();
    text.setRangeText('  ', text.selectionStart, text.selectionEnd, 'end');
    edited();
  });
  menu.addEventListener('change', () => {
    const example = examples.find((e) => e.name === menu.value);
    if (example === undefined) return;
    web.history.replaceState(null, '', `#example=${encodeURIComponent(example.name)}`);
    show(example.text);
  });
  share.addEventListener('click', () => {
    // the fragment already holds the text: the page's address is the link
    const href = web.location.href;
    const shown = () => {
      status.textContent = `link: ${href}`;
    };
    const clipboard = web.navigator.clipboard;
    if (clipboard === undefined) return shown();
    clipboard.writeText(href).then(() => {
      status.textContent = 'link copied: it opens this text';
    }, shown);
  });
  results.addEventListener('click', (event) => {
    const step = (event.target as DomElement).closest('li[data-line]');
    const line = Number(step?.dataset.line);
    if (Number.isInteger(line) && line > 0) goToLine(line);
  });
  web.addEventListener('hashchange', fromFragment);
}

fillMenu();
wire();
fromFragment();
