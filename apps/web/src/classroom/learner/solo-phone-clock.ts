import type { PlayEvent, PlaySession } from '../../session/play-session';

// What moves a solo game on while its phone board shows: on a laptop the operations scene calls
// `session.advance(delta)` from Phaser's update on every animation frame; here an animation-frame
// loop does the same. The simulation's time waits whenever the page is hidden (another app, the
// screen off): the game is paused then, so the player comes back to where they were.

/** The browser's frames and visibility, handed in so that tests can drive them. */
export interface FrameSource {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
  hidden(): boolean;
  onVisibilityChange(listener: () => void): () => void;
}

/**
 * The most real time one frame may pass to the game. A frame that comes late (a busy phone, a
 * tab woken up) moves the clock a quarter second at most, as Phaser caps its own frame delta,
 * rather than several hours at once.
 */
export const MAX_FRAME_MS = 250;

export function browserFrames(): FrameSource {
  return {
    request: (callback) => window.requestAnimationFrame(callback),
    cancel: (handle) => window.cancelAnimationFrame(handle),
    hidden: () => document.hidden,
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

export interface ClockFrame {
  events: PlayEvent[];
  /** An hour passed on this frame: the board's cards and figures changed. */
  hourPassed: boolean;
}

/**
 * Runs a solo session's clock on animation frames until stopped; `onFrame` hears what each frame
 * did, `onHidden` that the page was hidden and the game paused. Returns the stop.
 */
export function runSoloClock(
  play: PlaySession,
  onFrame: (frame: ClockFrame) => void,
  onHidden: () => void,
  frames: FrameSource = browserFrames(),
): () => void {
  const clock = play.clock;
  if (!clock) throw new Error('only a solo game has a clock of its own');
  let last: number | undefined;
  let handle: number | undefined;
  const frame = (now: number) => {
    handle = frames.request(frame);
    const delta = last === undefined ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, now - last));
    last = now;
    const before = play.tickProgress();
    const events = play.advance(delta);
    // The share of the hour only goes down when an hour ended (a frame passes well under an hour).
    const hourPassed = play.tickProgress() < before;
    if (events.length > 0 || hourPassed) onFrame({ events, hourPassed });
  };
  const visibility = () => {
    if (!frames.hidden()) return;
    last = undefined;
    if (!clock.paused) {
      clock.paused = true;
      onHidden();
    }
  };
  const stopVisibility = frames.onVisibilityChange(visibility);
  visibility();
  handle = frames.request(frame);
  return () => {
    stopVisibility();
    if (handle !== undefined) frames.cancel(handle);
    handle = undefined;
  };
}
