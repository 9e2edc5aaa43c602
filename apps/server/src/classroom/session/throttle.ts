import type { SessionTime, TimerHandle } from './session-time.js';

/**
 * Runs a job at most once per interval: at once when it has not run for an interval, otherwise
 * once at the end of the interval, however often it was asked for meanwhile. The job reads the
 * state when it runs, so the last request always gets the latest state out.
 */
export class Throttle {
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly job: () => void,
    private readonly time: SessionTime,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.lastRun + this.intervalMs - this.time.now();
    if (wait <= 0) {
      this.run();
      return;
    }
    this.timer = this.time.after(wait, () => {
      this.timer = undefined;
      this.run();
    });
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private run(): void {
    this.lastRun = this.time.now();
    this.job();
  }
}
