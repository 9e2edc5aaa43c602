import type Phaser from 'phaser';
import { COLOURS, textStyle, WIDTH } from './theme';

const HEIGHT = 52;

/**
 * The strip under the header: the keys in quiet times, and an event's whole text when one
 * starts. The event stays until the player dismisses it (Enter, or a click) or the next one
 * replaces it; the strip sits outside every panel, so it covers none of them.
 */
export class EventBanner {
  private readonly back: Phaser.GameObjects.Rectangle;
  private readonly text: Phaser.GameObjects.Text;
  private readonly dismissHint: Phaser.GameObjects.Text;
  private showing = false;

  constructor(
    scene: Phaser.Scene,
    y: number,
    private readonly quietText: string,
  ) {
    this.back = scene.add.rectangle(0, y, WIDTH, HEIGHT, COLOURS.background).setOrigin(0);
    this.text = scene.add
      .text(20, y + HEIGHT / 2, '', textStyle('tiny', COLOURS.textMuted, { wordWrap: { width: WIDTH - 260 }, maxLines: 2, lineSpacing: 0 }))
      .setOrigin(0, 0.5);
    this.dismissHint = scene.add
      .text(WIDTH - 20, y + HEIGHT / 2, 'Enter: dismiss', textStyle('tiny', COLOURS.textDark, { fontStyle: 'bold' }))
      .setOrigin(1, 0.5)
      .setVisible(false);
    this.back.setInteractive().on('pointerup', () => this.dismiss());
    this.quiet();
  }

  get height(): number {
    return HEIGHT;
  }

  /** The event's words while it shows. */
  eventText(): string | undefined {
    return this.showing ? this.text.text : undefined;
  }

  show(name: string, description: string): void {
    this.showing = true;
    this.back.setFillStyle(COLOURS.warn);
    this.text.setColor(COLOURS.textDark).setFontStyle('bold').setText(`⚠ ${name}: ${description}`);
    this.dismissHint.setVisible(true);
  }

  /** Back to the keys line; returns whether an event was showing. */
  dismiss(): boolean {
    if (!this.showing) return false;
    this.quiet();
    return true;
  }

  private quiet(): void {
    this.showing = false;
    this.back.setFillStyle(COLOURS.background);
    this.text.setColor(COLOURS.textMuted).setFontStyle('normal').setText(this.quietText);
    this.dismissHint.setVisible(false);
  }
}
