import Phaser from 'phaser';
import type { CardModel } from '../view-model/card-model';
import { setFittedText } from './fit-text';
import { COLOURS, textStyle } from './theme';

/** normal: up to 9 cards, with the request; medium: up to 16; compact: up to 25. */
export type CardSize = 'normal' | 'medium' | 'compact';

const PAD = 10;

/** Where each line of a card sits, per size. Every size keeps the customer's spend and urgency in words. */
const LINES: Record<
  CardSize,
  { name: number; meta: number; category: number; request?: number; cares?: number; bar: number; barHeight: number }
> = {
  normal: { name: 6, meta: 38, category: 62, request: 86, cares: 110, bar: 140, barHeight: 8 },
  medium: { name: 4, meta: 30, category: 54, cares: 78, bar: 103, barHeight: 6 },
  compact: { name: 3, meta: 29, category: 54, bar: 81, barHeight: 5 },
};

/**
 * One demand card. Tiles are pooled and refilled, so a busy round does not create and destroy
 * text objects every tick; texts are measured again only when what they say changes.
 */
export class CardTile extends Phaser.GameObjects.Container {
  private readonly background: Phaser.GameObjects.Rectangle;
  private readonly frame: Phaser.GameObjects.Rectangle;
  private readonly customerText: Phaser.GameObjects.Text;
  private readonly loyaltyText: Phaser.GameObjects.Text | undefined;
  private readonly meta: Phaser.GameObjects.Text;
  private readonly category: Phaser.GameObjects.Text;
  private readonly request: Phaser.GameObjects.Text | undefined;
  private readonly cares: Phaser.GameObjects.Text | undefined;
  private readonly patienceText: Phaser.GameObjects.Text | undefined;
  private readonly patienceBack: Phaser.GameObjects.Rectangle;
  private readonly patienceFill: Phaser.GameObjects.Rectangle;
  /** What each text was last asked to say, so unchanged texts are not measured again. */
  private readonly said = new Map<Phaser.GameObjects.Text, string>();
  demandId = -1;

  constructor(
    scene: Phaser.Scene,
    readonly size: CardSize,
    readonly tileWidth: number,
    readonly tileHeight: number,
    onSelect: (tile: CardTile) => void,
  ) {
    super(scene, 0, 0);
    const at = LINES[size];
    this.background = scene.add
      .rectangle(0, 0, tileWidth, tileHeight, COLOURS.panelRaised)
      .setOrigin(0)
      .setStrokeStyle(2, COLOURS.panelBorder);
    this.frame = scene.add
      .rectangle(-3, -3, tileWidth + 6, tileHeight + 6)
      .setOrigin(0)
      .setStrokeStyle(5, COLOURS.focus)
      .setVisible(false);
    const nameRole = size === 'normal' ? 'body' : size === 'medium' ? 'small' : 'tiny';
    this.customerText = scene.add.text(PAD, at.name, '', textStyle(nameRole, COLOURS.text, { fontStyle: 'bold' }));
    if (size === 'normal')
      this.loyaltyText = scene.add.text(tileWidth - PAD, at.name + 3, '', textStyle('tiny', COLOURS.textMuted)).setOrigin(1, 0);
    this.meta = scene.add.text(PAD, at.meta, '', textStyle('tiny', COLOURS.textMuted));
    this.category = scene.add.text(PAD, at.category, '', textStyle('tiny', COLOURS.infoCss, { fontStyle: 'bold' }));
    if (at.request !== undefined) this.request = scene.add.text(PAD, at.request, '', textStyle('tiny', COLOURS.text));
    if (at.cares !== undefined) this.cares = scene.add.text(PAD, at.cares, '', textStyle('tiny', COLOURS.textMuted));
    if (size === 'normal')
      this.patienceText = scene.add
        .text(tileWidth - PAD, at.cares ?? 0, '', textStyle('tiny', COLOURS.text, { fontStyle: 'bold' }))
        .setOrigin(1, 0);
    this.patienceBack = scene.add.rectangle(PAD, at.bar, tileWidth - 2 * PAD, at.barHeight, COLOURS.background).setOrigin(0, 0.5);
    this.patienceFill = scene.add.rectangle(PAD, at.bar, 0, at.barHeight, COLOURS.good).setOrigin(0, 0.5);
    const parts = [this.frame, this.background, this.customerText, this.meta, this.category, this.patienceBack, this.patienceFill];
    for (const part of [this.loyaltyText, this.request, this.cares, this.patienceText]) if (part) parts.push(part);
    this.add(parts);
    this.setSize(tileWidth, tileHeight);
    this.background.setInteractive({ useHandCursor: true }).on('pointerup', () => onSelect(this));
    scene.add.existing(this);
  }

  private say(text: Phaser.GameObjects.Text, value: string, width = this.tileWidth - 2 * PAD): void {
    if (this.said.get(text) === value) return;
    this.said.set(text, value);
    setFittedText(text, value, width);
  }

  show(model: CardModel, selected: boolean): void {
    this.setVisible(true);
    this.demandId = model.demandId;
    const inner = this.tileWidth - 2 * PAD;
    const name = model.special ? `★ ${model.customer}` : model.customer;
    this.say(this.customerText, name, this.loyaltyText ? inner - 70 : inner);
    this.loyaltyText?.setText(`♥ ${model.loyalty}`);
    const symbol = model.segment.split(' ')[0] ?? '';
    // The spend is the cue for declining whims from low-value customers: it stays at every size.
    const full = this.size === 'normal' ? `${model.segment} · ${model.value}` : `${symbol} ${model.value} · ♥ ${model.loyalty}`;
    this.sayKeeping(this.meta, full, `${symbol} ${model.value}`);
    const patience = model.urgent ? '! last hour' : `${model.ticksLeft} h left`;
    if (this.size === 'compact') {
      this.say(this.category, model.urgent ? `! last hour — ${model.category}` : model.category);
      this.category.setColor(model.urgent ? COLOURS.badCss : COLOURS.infoCss);
    } else this.say(this.category, model.category);
    if (this.request) this.say(this.request, `“${model.request}”`);
    if (this.size === 'medium' && this.cares) {
      // "left" goes: "cares somewhat" must fit beside the hours on a medium card.
      this.say(this.cares, `${model.urgent ? patience : `${model.ticksLeft} h`} · ${model.cares}`);
      this.cares.setColor(model.urgent ? COLOURS.badCss : COLOURS.textMuted);
    } else if (this.cares) this.say(this.cares, model.cares, inner - 120);
    if (this.patienceText) {
      this.patienceText.setText(patience);
      this.patienceText.setColor(model.urgent ? COLOURS.badCss : COLOURS.text);
    }
    this.frame.setVisible(selected);
    this.setPatience(model.patience, model.urgent);
  }

  /** Says `full` when it fits on one line, else `short` (which always fits). */
  private sayKeeping(text: Phaser.GameObjects.Text, full: string, short: string): void {
    const key = `${full}|${short}`;
    if (this.said.get(text) === key) return;
    this.said.set(text, key);
    text.setText(full);
    if (text.width > this.tileWidth - 2 * PAD) setFittedText(text, short, this.tileWidth - 2 * PAD);
  }

  private setPatience(fraction: number, urgent: boolean): void {
    this.patienceFill.width = this.patienceBack.width * fraction;
    // Urgency is told by the words and the bar's length, not by colour alone.
    this.patienceFill.fillColor = urgent ? COLOURS.bad : fraction < 0.5 ? COLOURS.warn : COLOURS.good;
  }

  hide(): void {
    this.setVisible(false);
    this.demandId = -1;
  }
}
