import type Phaser from 'phaser';
import type { PlayView } from '../view-model/board-view';
import { percent } from '../view-model/format';
import { setFittedText } from './fit-text';
import { Meter } from './panel';
import { COLOURS, textStyle } from './theme';

const ROW = 30;

/**
 * The staff, one row and one exhaustion bar per person (never a bar for nobody). Up to
 * `rows` people fit in one column; more are laid out in two, with shorter words.
 */
export class StaffList {
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly meters: Meter[] = [];
  private readonly said: string[] = [];

  constructor(
    scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly width: number,
    private readonly rows: number,
    capacity: number,
  ) {
    for (let index = 0; index < capacity; index++) {
      this.texts.push(scene.add.text(0, 0, '', textStyle('tiny', COLOURS.text)));
      this.meters.push(new Meter(scene, 0, 0, 100, 12, COLOURS.accent));
      this.said.push('');
    }
  }

  show(staff: PlayView['staff']): void {
    const twoColumns = staff.length > this.rows;
    const columnWidth = twoColumns ? (this.width - 16) / 2 : this.width;
    const barWidth = twoColumns ? 70 : 150;
    this.texts.forEach((text, index) => {
      const member = staff[index];
      const meter = this.meters[index];
      if (!member || !meter) {
        text.setVisible(false);
        meter?.setVisible(false);
        return;
      }
      const column = twoColumns ? Math.floor(index / this.rows) : 0;
      const row = twoColumns ? index % this.rows : index;
      const left = this.x + column * (columnWidth + 16);
      const top = this.y + row * ROW;
      const atRisk = member.resignChance > 0.05;
      // The risk is said in words (and a ⚠), not by the bar's colour alone.
      const words = twoColumns
        ? `${member.name}${member.newHire ? '*' : ''} ${Math.round(member.exhaustion)}${atRisk ? ' ⚠' : ''}`
        : `${member.name}${member.newHire ? ' (new)' : ''}: ${Math.round(member.exhaustion)}${atRisk ? ` ⚠ may quit ${percent(member.resignChance)}` : ''}`;
      text.setVisible(true).setPosition(left, top);
      if (this.said[index] !== words) {
        this.said[index] = words;
        setFittedText(text, words, columnWidth - barWidth - 10);
      }
      meter.setVisible(true);
      meter.moveTo(left + columnWidth - barWidth, top + 6, barWidth);
      meter.set(member.exhaustion / 100, atRisk ? COLOURS.bad : COLOURS.accent);
    });
  }
}
