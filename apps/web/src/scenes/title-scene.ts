import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addText } from '../ui/panel';
import { COLOURS, HEIGHT, WIDTH } from '../ui/theme';
import { markScreen, SCENES } from './scene-keys';

/** The title screen: only entries for features that exist. */
export class TitleScene extends Phaser.Scene {
  constructor() {
    super(SCENES.title);
  }

  create(): void {
    markScreen('title');
    announceScreen('Title screen. Solo practice, Guided tutorial game, Past games and personal bests, Keyboard shortcuts.');
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
      ['Past games and personal bests', 'P', () => this.scene.start(SCENES.pastGames)],
      ['Keyboard shortcuts', '?', () => this.scene.launch(SCENES.help, { from: SCENES.title })],
    ];
    const buttons = entries.map(
      ([label, hint, onPress], index) =>
        new Button(this, WIDTH / 2 - 260, 330 + index * 84, { width: 520, height: 64, label, hint, onPress, textRole: 'large' }),
    );
    focus.set(buttons, 0);
    onKey(this, (event) => {
      if (event.key === 't' || event.key === 'T') buttons[1]?.press();
      else if (event.key === 'p' || event.key === 'P') buttons[2]?.press();
      else if (event.key === '?') buttons[3]?.press();
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
