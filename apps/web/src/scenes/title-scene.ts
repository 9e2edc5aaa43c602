import Phaser from 'phaser';
import { announceScreen, announceStatus, logEntry } from '../a11y/dom-mirror';
import { phoneLayout } from '../classroom/learner/phone-layout';
import { resumeSoloGame } from '../session/solo-session';
import { loadSavedGame, type SavedGame, setAsideSavedGame } from '../storage/saved-game';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addText } from '../ui/panel';
import { COLOURS, HEIGHT, WIDTH } from '../ui/theme';
import { markScreen, SCENES } from './scene-keys';

/** Whether the page's address and stored seats have been looked at (once per page load). */
let resumeChecked = false;

/** The classroom code is loaded only when a class is hosted or joined: solo play never needs it. */
const classroomEntry = () => import('../classroom/entry');

/** The title screen: only entries for features that exist. */
export class TitleScene extends Phaser.Scene {
  constructor() {
    super(SCENES.title);
  }

  create(): void {
    markScreen('title', this);
    const saved = loadSavedGame();
    if (!resumeChecked) {
      resumeChecked = true;
      // A join link, a console link, or a classroom seat this browser held before a reload.
      const { search } = window.location;
      if (/[?&](join|session|replay)=/.test(search) || /ttc:classroom:/.test(Object.keys(localStorage).join(' ')))
        void classroomEntry().then((entry) => entry.resumeFromPage());
      // On a phone the canvas title is too small to tap, and a phone's visitor is a learner: open
      // the join form, whose "Back to title" still leads here.
      else if (phoneLayout()) void classroomEntry().then((entry) => entry.openJoinScreen());
    }
    addText(this, WIDTH / 2, 110, 'Tame the Chaos', 'title').setOrigin(0.5);
    addText(
      this,
      WIDTH / 2,
      180,
      'A customer-management game: keep staff rested, customers loyal and the business profitable.',
      'large',
      COLOURS.textMuted,
    ).setOrigin(0.5);
    const focus = new FocusList(this, { arrows: 'vertical' });
    // The solo screens are this canvas, unreadable on a phone: there, the phone's own set-up, board
    // and planning screens play the game (the guided round is the canvas's, so a phone starts at the set-up).
    const solo = (start: () => void, onPhone: () => void) => () => (phoneLayout() ? onPhone() : start());
    const phoneSetup = () => void classroomEntry().then((entry) => entry.openSoloPhoneSetup());
    const resume: [string, string, () => void][] = saved
      ? [
          [
            `Resume your game: ${saved.log.scenario.name}, round ${saved.round} of ${saved.log.rounds}`,
            'Enter',
            solo(
              () => this.resume(saved),
              () => void classroomEntry().then((entry) => entry.resumeSoloOnPhone(saved) || this.setAside()),
            ),
          ],
        ]
      : [];
    const entries: [string, string, () => void][] = [
      ...resume,
      ['Solo practice', saved ? 'S' : 'Enter', solo(() => this.scene.start(SCENES.setup, { tutorial: undefined }), phoneSetup)],
      ['Guided tutorial game', 'T', solo(() => this.scene.start(SCENES.setup, { tutorial: true }), phoneSetup)],
      ['Host a class (trainer)', 'H', () => void classroomEntry().then((entry) => entry.openHostScreen())],
      ['Join a class', 'J', () => void classroomEntry().then((entry) => entry.openJoinScreen())],
      ['Past games and personal bests', 'P', () => this.scene.start(SCENES.pastGames)],
      ['Past classes and replays', 'R', () => void classroomEntry().then((entry) => entry.openPastClasses())],
      ['Keyboard shortcuts', '?', () => this.scene.launch(SCENES.help, { from: SCENES.title })],
    ];
    const width = saved ? 760 : 560;
    const buttons = entries.map(
      ([label, hint, onPress], index) =>
        new Button(this, WIDTH / 2 - width / 2, 226 + index * 70, { width, height: 58, label, hint, onPress, textRole: 'large' }),
    );
    focus.set(buttons, 0);
    const byHint = new Map(entries.map(([, hint], index) => [hint.toLowerCase(), buttons[index]]));
    onKey(this, (event) => {
      const key = event.key.toLowerCase();
      if (key !== 'enter') byHint.get(key)?.press();
    });
    const names = entries.map(([label, hint]) => `${label} (${hint})`).join(', ');
    announceScreen(`Title screen. ${names}.`);
    announceStatus(
      saved
        ? `Tame the Chaos. Your solo game in ${saved.log.scenario.name} is kept at round ${saved.round}, hour ${saved.hour}: Enter resumes it.`
        : 'Tame the Chaos. Enter starts solo practice; question mark lists every key.',
    );
    addText(
      this,
      WIDTH / 2,
      HEIGHT - 50,
      'Arrow keys or Tab to move · Enter to choose · ? for every shortcut',
      'small',
      COLOURS.textMuted,
    ).setOrigin(0.5);
  }

  /** Rebuilds the kept game from its log and goes back to where it stood. */
  private resume(saved: SavedGame): void {
    const session = resumeSoloGame(saved);
    if (!session) {
      this.setAside();
      return;
    }
    const { phase, round } = session.view();
    if (phase === 'planning') {
      logEntry(`Game resumed: planning after round ${round}.`);
      this.scene.start(SCENES.planning, { session });
    } else this.scene.start(SCENES.operations, { session, resumed: true });
  }

  /** A kept game that no longer replays (played with other rules): forgotten, and said. */
  private setAside(): void {
    logEntry(setAsideSavedGame());
    this.scene.restart();
  }
}
