import type { SessionTime, TimerHandle } from './session-time.js';

/** A tick whose log write failed is tried again after this, doubling up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 5000;

/** What the clock asks of its session. */
export interface ClockHooks {
  /** One simulated hour, run through the session's queue; it rejects when the hour could not be logged. */
  tick(): Promise<void>;
  /** Whether the clock may run at all (the session runs and is not paused). */
  mayRun(): boolean;
  /** The hour could not be logged, for the `failures`-th time in a row: it will be tried again. */
  failed(error: unknown, failures: number): void;
  /** An hour was logged after `failures` failed attempts. */
  recovered(failures: number): void;
}

/**
 * A session's clock: it runs the next simulated hour after a delay, on injected time. A tick
 * whose write fails (a locked, full or read-only database) is tried again, sooner at first and
 * then every RETRY_MAX_MS, never given up: the clock waits, and nothing is acknowledged that is
 * not in the log.
 */
export class SessionClock {
  private timer: TimerHandle | undefined;
  private failures = 0;
  /** When the next hour is due (time.now() scale); meaningful while `scheduled`. */
  private dueAt = 0;

  constructor(
    private readonly time: SessionTime,
    private readonly hooks: ClockHooks,
  ) {}

  /** The next hour in `delayMs`, in place of any hour already due. */
  runIn(delayMs: number): void {
    this.stop();
    this.dueAt = this.time.now() + delayMs;
    this.timer = this.time.after(delayMs, () => {
      this.timer = undefined;
      this.hooks.tick().then(
        () => this.recovered(),
        (error: unknown) => this.failed(error),
      );
    });
  }

  /**
   * The first hour after a (re)start comes after a random part of an hour, so that sessions
   * started or restored together do not all tick in the same instant and stall each other.
   */
  runAfterStart(tickMs: number): void {
    this.runIn(tickMs * (0.5 + this.time.random()));
  }

  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Milliseconds until the next hour, or undefined when none is scheduled. */
  dueIn(): number | undefined {
    return this.timer ? this.dueAt - this.time.now() : undefined;
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private failed(error: unknown): void {
    this.failures++;
    this.hooks.failed(error, this.failures);
    this.stop();
    if (this.hooks.mayRun()) this.runIn(Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (this.failures - 1)));
  }

  private recovered(): void {
    if (this.failures === 0) return;
    const failures = this.failures;
    this.failures = 0;
    this.hooks.recovered(failures);
  }
}
