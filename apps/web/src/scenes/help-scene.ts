import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { onKey } from '../ui/on-key';
import { COLOURS, HEIGHT, textStyle, WIDTH } from '../ui/theme';
import { SCENES } from './scene-keys';

export const SHORTCUTS: [string, string][] = [
  ['1  2  3  4', 'Accommodate · Premium · Offer option · Gentle no (on the selected card)'],
  ['← → ↑ ↓', 'Move between cards; in menus, move between controls'],
  ['Tab / Shift+Tab', 'Move between controls'],
  ['Enter', 'Press the focused control'],
  ['Space', 'Pause or resume the clock'],
  ['S', 'Speed ×1, ×2, ×4 (in set-up: start the game)'],
  ['F', 'Feedback after each decision on or off'],
  ['C', 'Planning: commit the plan and start the next round'],
  ['N', 'Debrief: new game with a new seed'],
  ['H  ·  J', 'Title: host a class (trainer) · join a class'],
  ['Esc', 'Back, or close this help'],
  ['?', 'Show or hide this help'],
];

interface HelpData {
  from: string;
  onClose?: () => void;
}

/** The keyboard shortcuts, over whatever screen asked for them. */
export class HelpScene extends Phaser.Scene {
  constructor() {
    super(SCENES.help);
  }

  create(data: HelpData): void {
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x000000, 0.7).setOrigin(0).setInteractive();
    this.add.rectangle(WIDTH / 2, HEIGHT / 2, 1240, 680, COLOURS.panelRaised).setStrokeStyle(4, COLOURS.focus);
    this.add.text(WIDTH / 2, 150, 'Keyboard shortcuts', textStyle('heading')).setOrigin(0.5);
    SHORTCUTS.forEach(([keys, action], index) => {
      const y = 205 + index * 42;
      this.add.text(230, y, keys, textStyle('body', COLOURS.focusCss, { fontStyle: 'bold' }));
      this.add.text(480, y, action, textStyle('body'));
    });
    this.add.text(WIDTH / 2, 752, 'Press Esc, Enter or ? to close', textStyle('small', COLOURS.textMuted)).setOrigin(0.5);
    announceScreen(`Keyboard shortcuts. ${SHORTCUTS.map(([keys, action]) => `${keys}: ${action}`).join('. ')}. Press Escape to close.`);
    const close = () => {
      this.scene.stop();
      if (this.scene.isPaused(data.from)) this.scene.resume(data.from);
      data.onClose?.();
    };
    onKey(this, (event) => {
      if (event.key === 'Escape' || event.key === 'Enter' || event.key === '?') {
        event.preventDefault();
        close();
      }
    });
    // Keys pressed here must not reach the screen underneath.
    this.scene.bringToTop();
    if (!this.scene.isPaused(data.from) && data.from !== SCENES.operations) this.scene.pause(data.from);
  }
}
