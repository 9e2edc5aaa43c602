import { logEntry } from '../../a11y/dom-mirror';
import { resumeSoloGame } from '../../session/solo-session';
import { loadSavedGame, type SavedGame, setAsideSavedGame } from '../../storage/saved-game';
import { h } from '../dom';
import type { ClassroomNavigation, ClassScreen } from '../screen-types';
import { phoneLayout } from './phone-layout';
import { startSoloPhoneFlow } from './solo-phone-flow';

// The ways into a solo game on a phone that are not the set-up: resuming a kept game, and the
// join form's buttons (a phone's first visit opens the join form, and the canvas title's solo
// entries are a few pixels high there).

/** A kept solo game, on the phone screens; false when it no longer replays (the caller says so). */
export function resumeSoloOnPhone(saved: SavedGame, nav: ClassroomNavigation): boolean {
  const play = resumeSoloGame(saved);
  if (!play) return false;
  const { phase, round } = play.view();
  logEntry(phase === 'planning' ? `Game resumed: planning after round ${round}.` : `Game resumed in round ${round}, paused.`);
  startSoloPhoneFlow(play, nav);
  return true;
}

/** On a phone, under the join form: solo practice, and the kept solo game if there is one. */
export function soloOnPhoneSection(nav: ClassroomNavigation, go: (screen: ClassScreen) => void): HTMLElement | undefined {
  if (!phoneLayout()) return undefined;
  const saved = loadSavedGame();
  const resume = (kept: SavedGame) => {
    if (resumeSoloOnPhone(kept, nav)) return;
    logEntry(setAsideSavedGame());
    go('solo-setup');
  };
  return h(
    'section',
    { class: 'continue', 'aria-label': 'Solo practice' },
    h('p', { class: 'muted' }, 'No class now? Practise on your own: the game runs on this phone.'),
    h(
      'div',
      { class: 'actions' },
      saved && h('button', { type: 'button', onclick: () => resume(saved) }, `Resume your game (round ${saved.round})`),
      h('button', { type: 'button', onclick: () => go('solo-setup') }, 'Solo practice'),
    ),
  );
}
