import Phaser from 'phaser';
import type { CardModel } from '../view-model/card-model';
import { COLOURS, textStyle } from './theme';

/** normal: with the request text (up to 9 cards); medium: without it (up to 16); compact: up to 30. */
export type CardSize = 'normal' | 'medium' | 'compact';

/**
 * One demand card. Tiles are pooled and refilled, so a busy round does not create and
 * destroy text objects every tick; the patience bar is the only part redrawn every frame.
 */
export class CardTile extends Phaser.GameObjects.Container {
  private readonly background: Phaser.GameObjects.Rectangle;
  private readonly frame: Phaser.GameObjects.Rectangle;
  private readonly customerText: Phaser.GameObjects.Text;
  private readonly meta: Phaser.GameObjects.Text;
  private readonly category: Phaser.GameObjects.Text;
  private readonly request: Phaser.GameObjects.Text | undefined;
  private readonly patienceBack: Phaser.GameObjects.Rectangle;
  private readonly patienceFill: Phaser.GameObjects.Rectangle;
  private readonly patienceText: Phaser.GameObjects.Text;
  private readonly loyaltyText: Phaser.GameObjects.Text;
  demandId = -1;

  constructor(
    scene: Phaser.Scene,
    readonly size: CardSize,
    readonly tileWidth: number,
    readonly tileHeight: number,
    onSelect: (tile: CardTile) => void,
  ) {
    super(scene, 0, 0);
    const compact = size === 'compact';
    // A medium card is laid out like a compact one with larger type and a patience label.
    const short = size !== 'normal';
    this.background = scene.add
      .rectangle(0, 0, tileWidth, tileHeight, COLOURS.panelRaised)
      .setOrigin(0)
      .setStrokeStyle(2, COLOURS.panelBorder);
    this.frame = scene.add
      .rectangle(-3, -3, tileWidth + 6, tileHeight + 6)
      .setOrigin(0)
      .setStrokeStyle(5, COLOURS.focus)
      .setVisible(false);
    this.loyaltyText = scene.add.text(tileWidth - 8, 8, '', textStyle(compact ? 'tiny' : 'small', COLOURS.textMuted)).setOrigin(1, 0);
    this.customerText = scene.add.text(
      10,
      compact ? 5 : 8,
      '',
      textStyle(compact ? 'small' : 'body', COLOURS.text, { fontStyle: 'bold', fixedWidth: tileWidth - (short ? 70 : 120) }),
    );
    this.meta = scene.add.text(
      10,
      compact ? 26 : short ? 30 : 34,
      '',
      textStyle('tiny', COLOURS.textMuted, { fixedWidth: tileWidth - 20 }),
    );
    this.category = scene.add.text(
      10,
      compact ? 44 : short ? 52 : 56,
      '',
      textStyle(short ? 'tiny' : 'small', COLOURS.infoCss, {
        fontStyle: 'bold',
        ...(size === 'medium' ? { wordWrap: { width: tileWidth - 20 }, maxLines: 2 } : { fixedWidth: tileWidth - 20 }),
      }),
    );
    if (!short)
      this.request = scene.add.text(
        10,
        80,
        '',
        textStyle('tiny', COLOURS.text, { wordWrap: { width: tileWidth - 20 }, maxLines: 2, fixedWidth: tileWidth - 20 }),
      );
    const barY = tileHeight - (compact ? 6 : short ? 9 : 18);
    this.patienceBack = scene.add
      .rectangle(10, barY, tileWidth - (compact ? 20 : 110), compact ? 5 : 10, COLOURS.background)
      .setOrigin(0, 0.5);
    this.patienceFill = scene.add.rectangle(10, barY, 0, compact ? 5 : 10, COLOURS.good).setOrigin(0, 0.5);
    this.patienceText = scene.add
      .text(tileWidth - 10, barY, '', textStyle('tiny', COLOURS.textMuted))
      .setOrigin(1, 0.5)
      .setVisible(!compact);
    this.add([
      this.frame,
      this.background,
      this.customerText,
      this.meta,
      this.category,
      this.patienceBack,
      this.patienceFill,
      this.patienceText,
      this.loyaltyText,
    ]);
    if (this.request) this.add(this.request);
    this.setSize(tileWidth, tileHeight);
    this.background.setInteractive({ useHandCursor: true }).on('pointerup', () => onSelect(this));
    scene.add.existing(this);
  }

  show(model: CardModel, selected: boolean): void {
    this.setVisible(true);
    if (this.demandId !== model.demandId) {
      this.demandId = model.demandId;
      this.customerText.setText(model.special ? `★ ${model.customer}` : model.customer);
      // Medium cards have no room for the request text; how much the customer cares goes here.
      this.category.setText(this.size === 'medium' ? `${model.category} — ${model.cares}` : model.category);
      this.request?.setText(`“${model.request}”`);
    }
    this.meta.setText(this.size === 'normal' ? `${model.segment} · ${model.value} · ${model.cares}` : model.segment);
    this.loyaltyText.setText(this.size === 'normal' ? `loyalty ${model.loyalty}` : `♥ ${model.loyalty}`);
    this.frame.setVisible(selected);
    this.setPatience(model.patience, model.ticksLeft, model.urgent);
  }

  setPatience(fraction: number, ticksLeft: number, urgent: boolean): void {
    this.patienceFill.width = this.patienceBack.width * fraction;
    // Urgency is told by the words and the bar's length, not by colour alone.
    this.patienceFill.fillColor = urgent ? COLOURS.bad : fraction < 0.5 ? COLOURS.warn : COLOURS.good;
    this.patienceText.setText(urgent ? '! last hour' : `${ticksLeft} h left`);
  }

  hide(): void {
    this.setVisible(false);
    this.demandId = -1;
  }
}
