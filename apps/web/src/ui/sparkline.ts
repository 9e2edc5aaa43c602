import type Phaser from 'phaser';

/** A small line chart of recent values, drawn into one Graphics object. */
export function drawSparkline(
  graphics: Phaser.GameObjects.Graphics,
  values: readonly number[],
  x: number,
  y: number,
  width: number,
  height: number,
  colour: number,
  range?: [number, number],
): void {
  graphics.clear();
  if (values.length < 2) return;
  const min = range?.[0] ?? Math.min(...values);
  const max = range?.[1] ?? Math.max(...values);
  const span = max - min || 1;
  graphics.lineStyle(3, colour, 1);
  graphics.beginPath();
  values.forEach((value, index) => {
    const px = x + (index / (values.length - 1)) * width;
    const py = y + height - ((value - min) / span) * height;
    if (index === 0) graphics.moveTo(px, py);
    else graphics.lineTo(px, py);
  });
  graphics.strokePath();
}
