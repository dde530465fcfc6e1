/**
 * Which text the playground's worker checks, and which answer is shown: the
 * newest text always wins. One request is out at a time; a newer text waits
 * for it, but a request out for longer than `abandonMs` counts as stuck on an
 * old text (a slow step), so the worker is restarted and the newest text
 * sent at once. An answer to anything but the newest request is dropped.
 * Pure logic: the page (app.ts) gives it the worker, the clock and a timer,
 * so test/playground/scheduler.test.ts drives it without a browser or time.
 */
import type { CheckReply, CheckRequest } from './protocol.js';

/** the worker, as the scheduler uses it */
interface CheckerPort {
  post(request: CheckRequest): void;
  /** stop the worker (whatever it is doing) and start a fresh one */
  restart(): void;
}

interface SchedulerClock {
  now(): number;
  /** calls `f` once after `ms` milliseconds */
  later(f: () => void, ms: number): void;
}

export class Scheduler {
  private out: { readonly id: number; readonly since: number } | undefined;
  private waiting: string | undefined;
  private nextId = 1;

  constructor(
    private readonly port: CheckerPort,
    private readonly clock: SchedulerClock,
    private readonly abandonMs: number,
  ) {}

  /** nothing out and nothing waiting: the answer shown is the newest text's */
  get idle(): boolean {
    return this.out === undefined && this.waiting === undefined;
  }

  /** check `text`: now, after the request out is answered, or once that one counts as stuck */
  submit(text: string): void {
    const elapsed = this.out !== undefined ? this.clock.now() - this.out.since : 0;
    if (this.out !== undefined && elapsed < this.abandonMs) {
      if (this.waiting === undefined) this.clock.later(() => this.retry(), this.abandonMs - elapsed + 1);
      this.waiting = text;
      return;
    }
    if (this.out !== undefined) this.port.restart();
    this.send(text);
  }

  /** the worker answered: `reply` when it answers the newest request (then the waiting text goes out), else undefined */
  receive(reply: CheckReply): CheckReply | undefined {
    if (this.out === undefined || reply.id !== this.out.id) return undefined;
    this.out = undefined;
    this.sendWaiting();
    return reply;
  }

  /** the worker died without answering: start a fresh one and send the newest text again, if one waits */
  failed(): void {
    this.out = undefined;
    this.port.restart();
    this.sendWaiting();
  }

  private retry(): void {
    if (this.waiting !== undefined) this.submit(this.waiting);
  }

  private sendWaiting(): void {
    const text = this.waiting;
    if (text !== undefined) this.send(text);
  }

  private send(text: string): void {
    this.waiting = undefined;
    this.out = { id: this.nextId++, since: this.clock.now() };
    this.port.post({ id: this.out.id, text });
  }
}
