import type { SessionTime, TimerHandle } from '../classroom/session/session-time.js';

interface Pending {
  at: number;
  order: number;
  run: () => void;
}

/**
 * Time that moves only when a test says so: sessions on a server built with it tick, retry,
 * throttle and expire when the test advances it, not when the wall clock does. `random` is fixed
 * (the first hour after a start comes at 0.75 of an hour).
 */
export class ManualTime implements SessionTime {
  private current: number;
  private readonly pending: Pending[] = [];
  private order = 0;

  constructor(start = Date.parse('2026-11-22T09:00:00.000Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  random(): number {
    return 0.25;
  }

  after(delayMs: number, run: () => void): TimerHandle {
    const timer: Pending = { at: this.current + Math.max(0, delayMs), order: this.order++, run };
    this.pending.push(timer);
    return {
      cancel: () => {
        const index = this.pending.indexOf(timer);
        if (index >= 0) this.pending.splice(index, 1);
      },
    };
  }

  /**
   * Moves time on by `ms`, running every timer that falls due on the way, in order, each at its
   * own time. After each one the event loop gets to run until `settled` (by default: a few turns,
   * enough for an in-memory step; pass a wait for what the timer sets off, such as a message).
   */
  async advance(ms: number, settled: () => Promise<unknown> = flush): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      const next = this.pending.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.pending.splice(this.pending.indexOf(next), 1);
      this.current = next.at;
      next.run();
      await settled();
    }
    this.current = end;
  }

  /** Milliseconds until the next timer, or undefined when none is set. */
  nextDueIn(): number | undefined {
    const next = Math.min(...this.pending.map((timer) => timer.at));
    return Number.isFinite(next) ? next - this.current : undefined;
  }
}

/** Lets promises and I/O callbacks already under way run (a real store's write, a socket's send). */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What a session says, as a facilitator's client keeps it. */
interface SessionWatcher {
  readonly updates: readonly { type: string }[];
  latest(type: 'session'): { tick: number; phase: string; round: number; status: string } | undefined;
  next(type: 'session', match: (message: { tick: number; phase: string; round: number; status: string }) => boolean): Promise<unknown>;
}

/**
 * Plays a running session's hours on manual time, one at a time, until the facilitator's latest
 * session message matches: each hour is advanced and its session message awaited.
 */
export async function playHoursUntil(
  time: ManualTime,
  tickMs: number,
  facilitator: SessionWatcher,
  match: (session: { tick: number; phase: string; round: number; status: string }) => boolean,
): Promise<void> {
  for (let hour = 0; hour < 1000; hour++) {
    const latest = facilitator.latest('session');
    if (latest && match(latest)) return;
    const seen = facilitator.updates.length;
    await time.advance(tickMs);
    await facilitator.next('session', (message) => facilitator.updates.indexOf(message as never) >= seen);
  }
  throw new Error('the session never reached the state the test waits for');
}
