import type Phaser from 'phaser';
import type { FigurePoint, PlayView } from '../view-model/board-view';
import { money, percent } from '../view-model/format';
import { addPanel, addText } from './panel';
import { drawSparkline } from './sparkline';
import { COLOURS } from './theme';

const ROW = 64;

type Chart = [(record: FigurePoint) => number, number, [number, number] | undefined];

// The last 48 hours of each figure, beside it: profit on its own scale, the others 0..100.
const CHARTS: Chart[] = [
  [(record) => record.profitCents, COLOURS.info, undefined],
  [(record) => record.exhaustion, COLOURS.accent, [0, 100]],
  [(record) => record.loyalty, COLOURS.good, [0, 100]],
];

/** Profit, exhaustion and loyalty side by side, each with a small chart: the trade-off is the lesson. */
export class FiguresPanel {
  private readonly values: Phaser.GameObjects.Text[] = [];
  private readonly subs: Phaser.GameObjects.Text[] = [];
  private readonly charts: Phaser.GameObjects.Graphics[] = [];

  constructor(
    scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    width: number,
    height: number,
  ) {
    addPanel(scene, x, y, width, height, 'The three figures');
    ['Profit', 'Exhaustion', 'Loyalty'].forEach((label, index) => {
      const top = y + 48 + index * ROW;
      addText(scene, x + 16, top, label, 'small', COLOURS.textMuted);
      this.values.push(addText(scene, x + 140, top - 6, '', 'heading'));
      this.subs.push(addText(scene, x + 16, top + 30, '', 'tiny', COLOURS.textMuted));
      this.charts.push(scene.add.graphics());
    });
  }

  show(view: PlayView, currency: string, recent: readonly FigurePoint[]): void {
    const { figures } = view;
    this.values[0]?.setText(money(figures.profitCents, currency, false));
    this.subs[0]?.setText(`cash ${money(figures.cashCents, currency, false)} · reputation ${Math.round(figures.reputation)}`);
    this.values[1]?.setText(`${Math.round(figures.exhaustion.current)} / 100`);
    this.subs[1]?.setText(`peak ${Math.round(figures.exhaustion.peak)} · mistakes ${figures.errors}`);
    this.values[2]?.setText(`${Math.round(figures.loyalty)} / 100`);
    this.subs[2]?.setText(`retention ${percent(figures.retention)} · ${figures.customersActive} customers`);
    CHARTS.forEach(([value, colour, range], index) => {
      const graphics = this.charts[index];
      if (graphics) drawSparkline(graphics, recent.map(value), this.x + 330, this.y + 40 + index * ROW, 160, 44, colour, range);
    });
  }
}
