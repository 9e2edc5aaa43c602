import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { onKey } from '../ui/on-key';
import { COLOURS, HEIGHT, textStyle, WIDTH } from '../ui/theme';
import { SCENES } from './scene-keys';

export const SHORTCUTS: [string, string][] = [
  ['1  2  3  4', 'Accommodate · Premium · Offer option · Gentle no (on the selected card)'],
  ['← → ↑ ↓', 'Move between cards; in menus, move between controls'],
  ['Tab / Shift+Tab', 'Move between controls'],
  ['Enter', 'Press the focused control · in operations: dismiss an event banner'],
  ['Space', 'Pause or resume the clock (nothing on the debrief)'],
  ['S', 'Speed ×1, ×2, ×4 (in set-up: start the game)'],
  ['F', 'Feedback after each decision on or off'],
  ['C', 'Planning: commit the plan and start the next round (in a class: commit the team plan)'],
  ['P', 'Planning in a class: propose your draft to your team · Title: past games'],
  ['N', 'Debrief: new game with a new seed'],
  ['H  ·  J  ·  R', 'Title: host a class · join a class · past classes and replays'],
  ['E', 'Debrief: export a replay file'],
  ['Esc', 'Operations: the pause menu (back to the title, your game kept) · elsewhere: back · closes this help'],
  ['?', 'Show or hide this help'],
];

interface HelpData {
  from: string;
  onClose?: () => void;
  /** In a class the trainer runs the clock: the clock keys do nothing for a learner. */
  inClass?: boolean;
}

const CLASS_CLOCK_KEYS = new Set(['Space', 'S']);
const CLASS_ESC = 'Nothing in operations (your trainer runs the session) · elsewhere: back · closes this help';

function shortcutsFor(inClass: boolean): [string, string][] {
  if (!inClass) return SHORTCUTS;
  return SHORTCUTS.map(([keys, action]): [string, string] =>
    CLASS_CLOCK_KEYS.has(keys)
      ? [keys, 'Nothing in a class: your trainer runs the clock']
      : keys === 'Esc'
        ? [keys, CLASS_ESC]
        : [keys, action],
  );
}

/** The keyboard shortcuts, over whatever screen asked for them. */
export class HelpScene extends Phaser.Scene {
  constructor() {
    super(SCENES.help);
  }

  create(data: HelpData): void {
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x000000, 0.7).setOrigin(0).setInteractive();
    this.add.rectangle(WIDTH / 2, HEIGHT / 2, 1400, 860, COLOURS.panelRaised).setStrokeStyle(4, COLOURS.focus);
    this.add.text(WIDTH / 2, 52, 'Keyboard shortcuts', textStyle('heading')).setOrigin(0.5);
    const shortcuts = shortcutsFor(data.inClass ?? false);
    let y = 92;
    for (const [keys, action] of shortcuts) {
      this.add.text(140, y, keys, textStyle('small', COLOURS.focusCss, { fontStyle: 'bold' }));
      const text = this.add.text(380, y, action, textStyle('small', COLOURS.text, { wordWrap: { width: 1080 } }));
      y += text.height + 10;
    }
    this.add.text(WIDTH / 2, 850, 'Press Esc, Enter or ? to close', textStyle('small', COLOURS.textMuted)).setOrigin(0.5);
    announceScreen(`Keyboard shortcuts. ${shortcuts.map(([keys, action]) => `${keys}: ${action}`).join('. ')}. Press Escape to close.`);
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
