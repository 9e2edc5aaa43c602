import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
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
    announceScreen(
      'Title screen. Solo practice, Guided tutorial game, Host a class, Join a class, Past games and personal bests, Past classes and replays, Keyboard shortcuts.',
    );
    if (!resumeChecked) {
      resumeChecked = true;
      // A join link, a console link, or a classroom seat this browser held before a reload.
      const { search } = window.location;
      if (/[?&](join|session|replay)=/.test(search) || /ttc:classroom:/.test(Object.keys(localStorage).join(' ')))
        void classroomEntry().then((entry) => entry.resumeFromPage());
    }
    addText(this, WIDTH / 2, 150, 'Tame the Chaos', 'title').setOrigin(0.5);
    addText(
      this,
      WIDTH / 2,
      225,
      'A customer-management game: keep staff rested, customers loyal and the business profitable.',
      'large',
      COLOURS.textMuted,
    ).setOrigin(0.5);
    const focus = new FocusList(this, { arrows: 'vertical' });
    const entries: [string, string, () => void][] = [
      ['Solo practice', 'Enter', () => this.scene.start(SCENES.setup, { tutorial: undefined })],
      ['Guided tutorial game', 'T', () => this.scene.start(SCENES.setup, { tutorial: true })],
      ['Host a class (trainer)', 'H', () => void classroomEntry().then((entry) => entry.openHostScreen())],
      ['Join a class', 'J', () => void classroomEntry().then((entry) => entry.openJoinScreen())],
      ['Past games and personal bests', 'P', () => this.scene.start(SCENES.pastGames)],
      ['Past classes and replays', 'R', () => void classroomEntry().then((entry) => entry.openPastClasses())],
      ['Keyboard shortcuts', '?', () => this.scene.launch(SCENES.help, { from: SCENES.title })],
    ];
    const buttons = entries.map(
      ([label, hint, onPress], index) =>
        new Button(this, WIDTH / 2 - 260, 280 + index * 74, { width: 520, height: 60, label, hint, onPress, textRole: 'large' }),
    );
    focus.set(buttons, 0);
    onKey(this, (event) => {
      const key = event.key.toLowerCase();
      if (key === 't') buttons[1]?.press();
      else if (key === 'h') buttons[2]?.press();
      else if (key === 'j') buttons[3]?.press();
      else if (key === 'p') buttons[4]?.press();
      else if (key === 'r') buttons[5]?.press();
      else if (key === '?') buttons[6]?.press();
    });
    addText(
      this,
      WIDTH / 2,
      HEIGHT - 70,
      'Arrow keys or Tab to move · Enter to choose · ? for every shortcut',
      'small',
      COLOURS.textMuted,
    ).setOrigin(0.5);
  }
}
