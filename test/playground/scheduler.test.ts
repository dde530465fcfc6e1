/**
 * The playground's scheduler (src/playground/scheduler.ts) with a fake
 * worker and a fake clock: the newest text always wins, an answer to an
 * older request is dropped, a worker stuck on an old text is restarted, and
 * a worker that dies is replaced. No real time passes.
 */
import { describe, expect, it } from 'vitest';
import type { CheckReply, CheckRequest } from '../../src/playground/protocol.js';
import { Scheduler } from '../../src/playground/scheduler.js';

const ABANDON = 400;

function setup() {
  const posted: CheckRequest[] = [];
  let restarts = 0;
  let t = 0;
  const timers: { at: number; f: () => void }[] = [];
  const scheduler = new Scheduler(
    {
      post: (r) => posted.push(r),
      restart: () => {
        restarts++;
      },
    },
    { now: () => t, later: (f, ms) => timers.push({ at: t + ms, f }) },
    ABANDON,
  );
  /** moves the clock to `to`, running the timers due */
  const advance = (to: number) => {
    t = to;
    const all = timers.splice(0);
    for (const timer of all) {
      if (timer.at <= to) timer.f();
      else timers.push(timer);
    }
  };
  const reply = (id: number): CheckReply => ({
    id,
    html: '',
    summary: '',
    ok: true,
    counts: { proved: 0, numeric: 0, failed: 0, error: 0 },
    ms: 1,
  });
  return { scheduler, posted, restarts: () => restarts, advance, reply };
}

describe('the playground scheduler', () => {
  it('sends a text at once when the worker is free, and is idle once it is answered', () => {
    const s = setup();
    expect(s.scheduler.idle).toBe(true);
    s.scheduler.submit('a');
    expect(s.posted).toEqual([{ id: 1, text: 'a' }]);
    expect(s.scheduler.idle).toBe(false);
    expect(s.scheduler.receive(s.reply(1))?.id).toBe(1);
    expect(s.scheduler.idle).toBe(true);
  });

  it('keeps only the newest of the texts typed while the worker is busy, and sends it after the answer', () => {
    const s = setup();
    s.scheduler.submit('a');
    s.advance(50);
    s.scheduler.submit('ab');
    s.scheduler.submit('abc');
    expect(s.posted.map((r) => r.text)).toEqual(['a']);
    expect(s.scheduler.receive(s.reply(1))?.id).toBe(1);
    expect(s.posted).toEqual([
      { id: 1, text: 'a' },
      { id: 2, text: 'abc' },
    ]);
    expect(s.scheduler.idle).toBe(false);
    // the timer set for the stuck check finds nothing waiting any more
    s.advance(1000);
    expect(s.restarts()).toBe(0);
    expect(s.posted).toHaveLength(2);
  });

  it('restarts a worker stuck on an old text and drops the old answer when it comes', () => {
    const s = setup();
    s.scheduler.submit('slow');
    s.advance(100);
    s.scheduler.submit('new');
    expect(s.posted).toHaveLength(1);
    s.advance(100 + ABANDON); // the old request has now been out longer than ABANDON
    expect(s.restarts()).toBe(1);
    expect(s.posted.at(-1)).toEqual({ id: 2, text: 'new' });
    expect(s.scheduler.receive(s.reply(1))).toBeUndefined();
    expect(s.scheduler.receive(s.reply(2))?.id).toBe(2);
    expect(s.scheduler.idle).toBe(true);
  });

  it('sends a text typed long after a request went out at once, on a fresh worker', () => {
    const s = setup();
    s.scheduler.submit('slow');
    s.advance(ABANDON + 1);
    s.scheduler.submit('new');
    expect(s.restarts()).toBe(1);
    expect(s.posted.map((r) => r.text)).toEqual(['slow', 'new']);
  });

  it('replaces a worker that died, sending the newest text again', () => {
    const s = setup();
    s.scheduler.submit('a');
    s.scheduler.submit('b');
    s.scheduler.failed();
    expect(s.restarts()).toBe(1);
    expect(s.posted.at(-1)).toEqual({ id: 2, text: 'b' });
    s.scheduler.receive(s.reply(2));
    s.scheduler.failed(); // nothing waits: only a fresh worker
    expect(s.restarts()).toBe(2);
    expect(s.posted).toHaveLength(2);
    expect(s.scheduler.idle).toBe(true);
  });
});
