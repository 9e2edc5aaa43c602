import { logEntry } from '../../a11y/dom-mirror';
import type { LocalClock } from '../../session/play-session';
import { h } from '../dom';
import './solo-phone.css';

export interface SoloClockControls {
  element: HTMLElement;
  /** Shows the clock as it stands (paused, the speed). */
  draw(): void;
  /** Handles P (pause) and S (speed) from the keyboard; true when the key was one of them. */
  key(event: KeyboardEvent): boolean;
}

/**
 * A solo game's clock on a phone: pause or resume, the speed (×1, ×2, ×4), and while paused the
 * way back to the title — the pause menu's choices on a laptop, as buttons a thumb can hit. The
 * game is kept in this browser as it goes, so leaving loses nothing.
 */
export function soloClockControls(clock: LocalClock, redraw: () => void, toTitle: () => void): SoloClockControls {
  const pause = h('button', {
    type: 'button',
    class: 'primary',
    'aria-keyshortcuts': 'P',
    onclick: () => {
      clock.paused = !clock.paused;
      logEntry(clock.paused ? 'Paused.' : 'Resumed.');
      redraw();
    },
  });
  const speed = h('button', {
    type: 'button',
    'aria-keyshortcuts': 'S',
    onclick: () => {
      logEntry(`Speed ×${clock.cycleSpeed()}.`);
      redraw();
    },
  });
  const leave = h(
    'button',
    {
      type: 'button',
      onclick: () => {
        logEntry('Your game is kept in this browser: Resume on the title screen goes on.');
        toTitle();
      },
    },
    'Back to title',
  );
  const element = h('div', { class: 'phone-clock-controls', role: 'group', 'aria-label': 'Clock' }, pause, speed, leave);
  return {
    element,
    draw: () => {
      // The label says what a press does now, so a screen reader hears the state in the name.
      pause.textContent = clock.paused ? '▶ Resume' : '❚❚ Pause';
      speed.textContent = `Speed ×${clock.speed}`;
      leave.hidden = !clock.paused;
    },
    key: (event) => {
      const key = event.key.toLowerCase();
      if (key === 'p') pause.click();
      else if (key === 's') speed.click();
      else return false;
      return true;
    },
  };
}
