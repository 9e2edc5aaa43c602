import { logEntry } from '../../a11y/dom-mirror';
import type { PlayEvent, PlaySession } from '../../session/play-session';
import type { SoloRecord } from '../../session/solo-record';
import type { ClassroomNavigation, ClassScreen } from '../screen-types';
import type { PhoneSeat } from './seat';
import { setSeat } from './seat';
import { runSoloClock } from './solo-phone-clock';

// A solo game on a phone: the class's phone board and planning screens, seated in a game that
// runs in this browser. As learner-flow.ts follows the server, this follows the game itself: the
// board while a round runs, planning between rounds, the summary at the end.

/** The screen for where the game stands. */
export function soloPhoneScreen(phase: 'operations' | 'planning' | 'ended'): ClassScreen {
  return phase === 'ended' ? 'solo-end' : phase;
}

/** The game the end-of-game summary shows; set when the last round ends. */
let finished: SoloRecord | undefined;

export function finishedSoloGame(): SoloRecord | undefined {
  return finished;
}

/** Plays a solo game on the phone screens, from where it stands (a new game, or a kept one resumed). */
export function startSoloPhoneFlow(play: PlaySession, nav: ClassroomNavigation): void {
  const clock = play.clock;
  if (!clock) throw new Error('a solo game holds its clock');
  const listeners = new Set<() => void>();
  let events: PlayEvent[] = [];
  let showing: ClassScreen | undefined;
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };

  const route = () => {
    const screen = soloPhoneScreen(play.view().phase);
    if (screen === showing) return;
    showing = screen;
    if (screen === 'solo-end') {
      setSeat(undefined);
      finished = play.record;
    }
    nav.open(screen);
  };

  const seat: PhoneSeat = {
    play,
    ready: () => true,
    title: () => play.scenario.name,
    subtitle: () => (play.record ? `solo · seed ${play.record.settings.seed}` : 'solo'),
    // Short, as a class's "paused" or "0:42 left": the buttons under it show the speed and the pause too.
    clockText: () => (clock.paused ? 'paused' : `×${clock.speed}`),
    // The solo player holds the clock: nobody else makes decisions wait.
    heldBy: () => undefined,
    takeEvents: () => {
      const taken = events;
      events = [];
      return taken;
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    committed: route,
    run: () =>
      runSoloClock(
        play,
        ({ events: arrived }) => {
          const ended = arrived.find((event) => event.kind === 'round-ended');
          if (ended?.kind === 'round-ended')
            logEntry(ended.gameEnded ? 'The last round is over.' : `Round ${ended.round} is over: planning.`);
          events.push(...arrived.filter((event) => event.kind !== 'round-ended'));
          if (ended) route();
          else changed();
        },
        () => {
          logEntry('Paused while the page was hidden: press Resume to go on.');
          changed();
        },
      ),
  };
  finished = undefined;
  setSeat(seat);
  route();
}
