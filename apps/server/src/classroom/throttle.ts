/**
 * Runs a job at most once per interval: at once when it has not run for an interval, otherwise
 * once at the end of the interval, however often it was asked for meanwhile. The job reads the
 * state when it runs, so the last request always gets the latest state out.
 */
export class Throttle {
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly job: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.lastRun + this.intervalMs - this.now();
    if (wait <= 0) {
      this.run();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    this.lastRun = this.now();
    this.job();
  }
}
