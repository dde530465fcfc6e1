/**
 * The few browser interfaces the playground page uses, declared here because
 * the project compiles against Node's types, not the DOM's (adding the DOM
 * library would let browser globals leak into the Node code unnoticed).
 */

interface DomEvent {
  readonly target: unknown;
  readonly key?: string;
  readonly shiftKey?: boolean;
  preventDefault(): void;
}

export interface DomElement {
  innerHTML: string;
  textContent: string | null;
  hidden: boolean;
  className: string;
  readonly dataset: Record<string, string | undefined>;
  addEventListener(type: string, listener: (event: DomEvent) => void): void;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  focus(): void;
  select(): void;
  scrollIntoView(options?: { block: string }): void;
}

export interface DomTextArea extends DomElement {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  setSelectionRange(start: number, end: number): void;
  setRangeText(text: string, start: number, end: number, mode: 'end'): void;
  readonly scrollHeight: number;
  scrollTop: number;
}

export interface DomSelect extends DomElement {
  value: string;
}

export interface DomWorker {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** the browser globals the page uses */
export interface Browser {
  readonly document: {
    getElementById(id: string): DomElement | null;
    readonly documentElement: DomElement;
  };
  readonly location: { hash: string; readonly href: string };
  readonly history: { replaceState(state: unknown, unused: string, url: string): void };
  readonly Worker: new (url: string) => DomWorker;
  readonly navigator: { readonly clipboard?: { writeText(text: string): Promise<void> } };
  addEventListener(type: string, listener: () => void): void;
  /** set by the page's head (page.ts): the worker's Blob URL and the worker, started before the rest loaded */
  readonly derivcheckBoot?: { readonly url: string; readonly worker: DomWorker };
}
