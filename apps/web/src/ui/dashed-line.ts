import type Phaser from 'phaser';

/** A line's dash pattern in pixels: [dash, gap, dash, gap, …]; empty for a solid line. */
export type DashPattern = readonly number[];

/**
 * Strokes a polyline with a dash pattern, so lines of a chart differ by more than colour.
 * The pattern runs on across the points, as a pen would draw it.
 */
export function strokeDashed(
  graphics: Phaser.GameObjects.Graphics,
  points: readonly { x: number; y: number }[],
  pattern: DashPattern,
): void {
  if (points.length < 2) return;
  if (pattern.length === 0) {
    graphics.beginPath();
    points.forEach((point, index) => {
      if (index === 0) graphics.moveTo(point.x, point.y);
      else graphics.lineTo(point.x, point.y);
    });
    graphics.strokePath();
    return;
  }
  let part = 0;
  let left = pattern[0] ?? 1;
  graphics.beginPath();
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1] as { x: number; y: number };
    const to = points[index] as { x: number; y: number };
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    let done = 0;
    while (done < length) {
      const step = Math.min(left, length - done);
      const x1 = from.x + ((to.x - from.x) * done) / length;
      const y1 = from.y + ((to.y - from.y) * done) / length;
      const x2 = from.x + ((to.x - from.x) * (done + step)) / length;
      const y2 = from.y + ((to.y - from.y) * (done + step)) / length;
      // Even parts of the pattern are drawn, odd ones are gaps.
      if (part % 2 === 0) {
        graphics.moveTo(x1, y1);
        graphics.lineTo(x2, y2);
      }
      done += step;
      left -= step;
      if (left <= 0) {
        part = (part + 1) % pattern.length;
        left = pattern[part] ?? 1;
      }
    }
  }
  graphics.strokePath();
}
