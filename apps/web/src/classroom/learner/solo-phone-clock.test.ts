import { findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { SoloSession, TICK_MS } from '../../session/solo-session';
import { type ClockFrame, type FrameSource, MAX_FRAME_MS, runSoloClock } from './solo-phone-clock';

const scenario = findScenario('office-supplies') as Scenario;

/** Frames and visibility the test drives: `frame(now)` runs the callback the loop asked for. */
function fakeFrames() {
  let next: ((now: number) => void) | undefined;
  let hidden = false;
  const listeners = new Set<() => void>();
  let cancelled = 0;
  const source: FrameSource = {
    request: (callback) => {
      next = callback;
      return 1;
    },
    cancel: () => {
      next = undefined;
      cancelled++;
    },
    hidden: () => hidden,
    onVisibilityChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    frame: (now: number) => next?.(now),
    setHidden: (value: boolean) => {
      hidden = value;
      for (const listener of listeners) listener();
    },
    waiting: () => next !== undefined,
    cancelled: () => cancelled,
  };
}

/** Runs the clock on the driven frames; `onFrame` and `onHidden` hear it when given. */
function run(
  session: SoloSession,
  driver: ReturnType<typeof fakeFrames>,
  onFrame: (frame: ClockFrame) => void = () => {},
  onHidden: () => void = () => {},
): () => void {
  return runSoloClock(session, onFrame, onHidden, driver.source);
}

function game(): SoloSession {
  // Not kept in a browser's storage: a test has none.
  return new SoloSession({ scenario, seed: 3, length: 'short', feedback: true, tutorial: false }, false);
}

/** Frames every `step` ms from `from` to `to`. */
function frames(driver: ReturnType<typeof fakeFrames>, from: number, to: number, step = 16): void {
  for (let now = from; now <= to; now += step) driver.frame(now);
}

describe('a solo game’s clock on a phone', () => {
  it('moves the game one hour for every TICK_MS of frames at ×1, and says when an hour passed', () => {
    const session = game();
    const driver = fakeFrames();
    const heard: ClockFrame[] = [];
    run(session, driver, (frame) => heard.push(frame));
    frames(driver, 0, TICK_MS * 2 + 8);
    expect(session.state.tick).toBe(2);
    expect(heard.filter((frame) => frame.hourPassed)).toHaveLength(2);
  });

  it('runs at the chosen speed', () => {
    const session = game();
    session.cycleSpeed();
    session.cycleSpeed();
    const driver = fakeFrames();
    run(session, driver);
    frames(driver, 0, TICK_MS + 8);
    expect(session.speed).toBe(4);
    expect(session.state.tick).toBe(4);
  });

  it('lets a late frame move the game a quarter second at most', () => {
    const session = game();
    const driver = fakeFrames();
    run(session, driver);
    driver.frame(0);
    driver.frame(10 * TICK_MS);
    expect(session.state.tick).toBe(0);
    expect(session.tickProgress()).toBeCloseTo(MAX_FRAME_MS / TICK_MS);
  });

  it('stands still while paused', () => {
    const session = game();
    session.paused = true;
    const driver = fakeFrames();
    const heard: ClockFrame[] = [];
    run(session, driver, (frame) => heard.push(frame));
    frames(driver, 0, TICK_MS * 3);
    expect(session.state.tick).toBe(0);
    expect(heard).toEqual([]);
  });

  it('pauses the game when the page is hidden, and says so once', () => {
    const session = game();
    const driver = fakeFrames();
    let hiddenTimes = 0;
    run(
      session,
      driver,
      () => {},
      () => hiddenTimes++,
    );
    frames(driver, 0, 1000);
    driver.setHidden(true);
    expect(session.paused).toBe(true);
    expect(hiddenTimes).toBe(1);
    // Back on the page: still paused until the player resumes, and no time lost or gained meanwhile.
    driver.setHidden(false);
    const progress = session.tickProgress();
    frames(driver, 60_000, 70_000);
    expect(session.tickProgress()).toBe(progress);
    expect(hiddenTimes).toBe(1);
    session.paused = false;
    driver.frame(70_016);
    driver.frame(70_032);
    expect(session.tickProgress()).toBeCloseTo(progress + 16 / TICK_MS);
  });

  it('reports the round’s end as an event, and stops asking for frames once stopped', () => {
    const session = game();
    const driver = fakeFrames();
    const heard: ClockFrame[] = [];
    const stop = run(session, driver, (frame) => heard.push(frame));
    frames(driver, 0, TICK_MS * 12 + 200, 200);
    expect(session.state.phase).toBe('planning');
    expect(heard.flatMap((frame) => frame.events).some((event) => event.kind === 'round-ended')).toBe(true);
    stop();
    expect(driver.waiting()).toBe(false);
    expect(driver.cancelled()).toBe(1);
  });
});
