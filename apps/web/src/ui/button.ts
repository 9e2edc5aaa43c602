import Phaser from 'phaser';
import { COLOURS, textStyle } from './theme';

export interface ButtonOptions {
  width: number;
  height: number;
  label: string;
  /** Shortcut shown on the button, e.g. "1" or "Enter". */
  hint?: string;
  colour?: number;
  onPress: () => void;
  textRole?: 'large' | 'body' | 'small' | 'tiny';
  /** Names the button when its label alone is not enough ("+" → "Raise the premium for Gift wrap"). */
  spoken?: string;
  /** Stays the same across redraws, so focus can come back to the same control. */
  id?: string;
}

/**
 * A clickable, focusable button. Focus is drawn as a thick yellow frame and a chevron, so it
 * is visible without relying on colour alone.
 */
export class Button extends Phaser.GameObjects.Container {
  private readonly background: Phaser.GameObjects.Rectangle;
  private readonly frame: Phaser.GameObjects.Rectangle;
  private readonly labelText: Phaser.GameObjects.Text;
  private readonly hintText: Phaser.GameObjects.Text | undefined;
  private enabled = true;
  readonly options: ButtonOptions;

  constructor(scene: Phaser.Scene, x: number, y: number, options: ButtonOptions) {
    super(scene, x, y);
    this.options = options;
    const { width, height } = options;
    this.background = scene.add.rectangle(0, 0, width, height, options.colour ?? COLOURS.panelRaised).setOrigin(0);
    this.background.setStrokeStyle(2, COLOURS.panelBorder);
    this.frame = scene.add
      .rectangle(-4, -4, width + 8, height + 8)
      .setOrigin(0)
      .setStrokeStyle(4, COLOURS.focus)
      .setVisible(false);
    const dark = options.colour !== undefined && options.colour !== COLOURS.panelRaised;
    this.labelText = scene.add
      .text(
        options.hint ? 14 : width / 2,
        height / 2,
        options.label,
        textStyle(options.textRole ?? 'body', dark ? COLOURS.textDark : COLOURS.text, { fontStyle: 'bold' }),
      )
      .setOrigin(options.hint ? 0 : 0.5, 0.5);
    this.add([this.frame, this.background, this.labelText]);
    if (options.hint) {
      this.hintText = scene.add
        .text(width - 10, height / 2, options.hint, textStyle('small', dark ? COLOURS.textDark : COLOURS.textMuted, { fontStyle: 'bold' }))
        .setOrigin(1, 0.5);
      this.add(this.hintText);
    }
    this.setSize(width, height);
    this.background.setInteractive({ useHandCursor: true }).on('pointerup', () => this.press());
    scene.add.existing(this);
  }

  press(): void {
    if (this.enabled) this.options.onPress();
  }

  setFocused(focused: boolean): this {
    this.frame.setVisible(focused);
    return this;
  }

  setLabel(label: string): this {
    this.labelText.setText(label);
    return this;
  }

  label(): string {
    return this.labelText.text;
  }

  /** What a screen reader hears when the button takes the focus. */
  spokenName(): string {
    const name = this.options.spoken ?? this.labelText.text;
    const key = this.options.hint ? `, key ${this.options.hint}` : '';
    return `${name}${key}, button${this.enabled ? '' : ', unavailable'}`;
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.setAlpha(enabled ? 1 : 0.45);
    return this;
  }

  isEnabled(): boolean {
    return this.enabled;
  }
}
