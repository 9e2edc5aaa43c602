/** A timer that can be called off. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * Time as a session sees it: the clock, timers and chance. Handed in, never reached for, so a
 * test drives a session's hours by advancing a clock of its own (test-support/manual-time.ts)
 * instead of waiting for real ones.
 */
export interface SessionTime {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `run` once, `delayMs` from now. */
  after(delayMs: number, run: () => void): TimerHandle;
  /** A number in [0, 1), for spreading clocks apart (never for the game: the simulation has its own seeded streams). */
  random(): number;
}

/** The real clock: the process's time and timers. */
export const realTime: SessionTime = {
  now: () => Date.now(),
  after(delayMs, run) {
    const timer = setTimeout(run, delayMs);
    return { cancel: () => clearTimeout(timer) };
  },
  random: () => Math.random(),
};
