import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addText } from '../ui/panel';
import { COLOURS, HEIGHT, WIDTH } from '../ui/theme';
import { markScreen, SCENES } from './scene-keys';

interface PauseMenuData {
  from: string;
  onClose?: () => void;
  toTitle: () => void;
}

/** Esc in a solo game: the clock stops, and the player may go on, read the keys or leave (the game is kept). */
export class PauseMenuScene extends Phaser.Scene {
  constructor() {
    super(SCENES.pauseMenu);
  }

  create(data: PauseMenuData): void {
    markScreen('pause-menu', this);
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x000000, 0.7).setOrigin(0).setInteractive();
    this.add.rectangle(WIDTH / 2, HEIGHT / 2, 640, 420, COLOURS.panelRaised).setStrokeStyle(4, COLOURS.focus);
    addText(this, WIDTH / 2, HEIGHT / 2 - 170, 'Paused', 'heading').setOrigin(0.5);
    addText(this, WIDTH / 2, HEIGHT / 2 - 128, 'The clock waits until you go back to the game.', 'small', COLOURS.textMuted).setOrigin(0.5);
    const close = () => {
      this.scene.stop();
      if (this.scene.isPaused(data.from)) this.scene.resume(data.from);
      data.onClose?.();
    };
    const left = WIDTH / 2 - 270;
    const resume = new Button(this, left, HEIGHT / 2 - 90, {
      width: 540,
      height: 60,
      label: 'Back to the game',
      hint: 'Esc',
      onPress: close,
      textRole: 'large',
    });
    const keys = new Button(this, left, HEIGHT / 2 - 14, {
      width: 540,
      height: 60,
      label: 'Keyboard shortcuts',
      hint: '?',
      onPress: () => {
        this.scene.stop();
        data.onClose?.();
        this.scene.launch(SCENES.help, { from: data.from });
      },
      textRole: 'large',
    });
    const title = new Button(this, left, HEIGHT / 2 + 62, {
      width: 540,
      height: 60,
      label: 'Back to the title',
      hint: 'T',
      spoken: 'Back to the title; your game is kept and can be resumed there',
      onPress: () => {
        this.scene.stop();
        this.scene.stop(data.from);
        data.toTitle();
      },
      textRole: 'large',
    });
    addText(
      this,
      WIDTH / 2,
      HEIGHT / 2 + 150,
      'Your game is kept: the title screen offers to resume it.',
      'tiny',
      COLOURS.textMuted,
    ).setOrigin(0.5);
    new FocusList(this, { arrows: 'vertical' }).set([resume, keys, title], 0);
    onKey(this, (event) => {
      if (event.key === 'Escape') resume.press();
      else if (event.key === '?') keys.press();
      else if (event.key === 't' || event.key === 'T') title.press();
    });
    announceScreen('Paused. Back to the game: Escape. Keyboard shortcuts: question mark. Back to the title, keeping your game: T.');
    this.scene.bringToTop();
  }
}
