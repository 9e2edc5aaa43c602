import type Phaser from 'phaser';
import { COLOURS, type TextRole, textStyle } from './theme';

export function addPanel(
  scene: Phaser.Scene,
  x: number,
  y: number,
  width: number,
  height: number,
  title?: string,
): Phaser.GameObjects.Rectangle {
  const panel = scene.add.rectangle(x, y, width, height, COLOURS.panel).setOrigin(0).setStrokeStyle(2, COLOURS.panelBorder);
  if (title) scene.add.text(x + 16, y + 12, title.toUpperCase(), textStyle('small', COLOURS.textMuted, { fontStyle: 'bold' }));
  return panel;
}

export function addText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  role: TextRole = 'body',
  colour: string = COLOURS.text,
  extra: Record<string, unknown> = {},
) {
  return scene.add.text(x, y, text, textStyle(role, colour, extra));
}

/** A horizontal meter with a label drawn by the caller; value 0..1. */
export class Meter {
  private readonly back: Phaser.GameObjects.Rectangle;
  private readonly fill: Phaser.GameObjects.Rectangle;
  private value = 0;
  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private width: number,
    height: number,
    colour: number,
  ) {
    this.back = scene.add.rectangle(x, y, width, height, COLOURS.background).setOrigin(0).setStrokeStyle(1, COLOURS.panelBorder);
    this.fill = scene.add.rectangle(x + 1, y + 1, 0, height - 2, colour).setOrigin(0);
  }

  set(value: number, colour?: number): void {
    this.value = Math.max(0, Math.min(1, value));
    this.fill.width = this.value * (this.width - 2);
    if (colour !== undefined) this.fill.fillColor = colour;
  }

  setVisible(visible: boolean): this {
    this.back.setVisible(visible);
    this.fill.setVisible(visible);
    return this;
  }

  moveTo(x: number, y: number, width = this.width): void {
    this.width = width;
    this.back.setPosition(x, y).setSize(width, this.back.height);
    this.fill.setPosition(x + 1, y + 1);
    this.set(this.value);
  }
}
