import { svg } from '../dom';

// Line charts for the class debrief, drawn as SVG so they stay sharp on a projector and scale
// with the page. Every line is told apart without colour too: teams by a marker shape at each
// round's end, benchmarks by a dash pattern, and every line by its name at its end.

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross' | 'plus' | 'bar';

export interface ChartSeries {
  label: string;
  /** One value per hour played. */
  values: number[];
  colour: string;
  /** SVG dash pattern for a benchmark; teams are solid. */
  dash?: string;
  marker?: Marker;
  /** Benchmarks are drawn thinner and paler than the teams. */
  faint?: boolean;
}

export interface LineChartSpec {
  /** Read by screen readers; the visible title is the section's heading. */
  label: string;
  series: ChartSeries[];
  rounds: number;
  ticksPerRound: number;
  format: (value: number) => string;
  /** Values the axis must reach (zero, say); otherwise it spans the data. */
  min?: number;
  max?: number;
  /** Draw a vertical cursor (the replay's current hour), moved with `placeChartCursor`. */
  cursor?: boolean;
}

const WIDTH = 640;
const HEIGHT = 340;
const FONT = 15;
const PLOT = { left: 62, right: WIDTH - 168, top: 26, bottom: HEIGHT - 40 };

/** About five round steps (1, 2, 2.5 or 5 times a power of ten) covering the range. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let value = Math.floor(low / step) * step; value <= high + step * 1e-9; value += step) ticks.push(Number(value.toFixed(10)));
  if ((ticks[ticks.length - 1] ?? low) < high) ticks.push((ticks[ticks.length - 1] ?? low) + step);
  return ticks;
}

/**
 * Spreads the end labels so none overlaps another: sorted by height, each pushed below the one
 * above it by at least `gap`, then the whole column pulled back up if it runs off the bottom.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y);
  let previous = top - gap;
  for (const label of order) {
    label.y = Math.max(label.y, previous + gap);
    previous = label.y;
  }
  let next = bottom + gap;
  for (const label of [...order].reverse()) {
    label.y = Math.min(label.y, next - gap);
    next = label.y;
  }
  const placed = new Array<number>(wanted.length);
  for (const label of order) placed[label.index] = label.y;
  return placed;
}

function markerShape(marker: Marker, x: number, y: number, colour: string): SVGElement {
  const r = 5.5;
  const common = { fill: colour, stroke: '#0f1b2d', 'stroke-width': 1.5 };
  const poly = (points: [number, number][]) =>
    svg('polygon', { ...common, points: points.map(([px, py]) => `${(x + px).toFixed(1)},${(y + py).toFixed(1)}`).join(' ') });
  switch (marker) {
    case 'circle':
      return svg('circle', { ...common, cx: x, cy: y, r });
    case 'square':
      return svg('rect', { ...common, x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    case 'triangle':
      return poly([
        [0, -r - 1],
        [r + 1, r],
        [-r - 1, r],
      ]);
    case 'triangle-down':
      return poly([
        [0, r + 1],
        [r + 1, -r],
        [-r - 1, -r],
      ]);
    case 'diamond':
      return poly([
        [0, -r - 1.5],
        [r + 1.5, 0],
        [0, r + 1.5],
        [-r - 1.5, 0],
      ]);
    case 'cross':
      return svg('path', {
        d: `M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`,
        stroke: colour,
        'stroke-width': 3.5,
      });
    case 'plus':
      return svg('path', { d: `M${x - r - 1} ${y}H${x + r + 1}M${x} ${y - r - 1}V${y + r + 1}`, stroke: colour, 'stroke-width': 3.5 });
    case 'bar':
      return svg('rect', { ...common, x: x - r - 1, y: y - 2.5, width: 2 * r + 2, height: 5 });
  }
}

/** A small picture of a series' line and marker, for a legend. */
export function legendSwatch(series: Pick<ChartSeries, 'colour' | 'dash' | 'marker' | 'faint'>): SVGSVGElement {
  const line = svg('line', {
    x1: 2,
    y1: 10,
    x2: 42,
    y2: 10,
    stroke: series.colour,
    'stroke-width': series.faint ? 2 : 3.5,
    'stroke-dasharray': series.dash ?? 'none',
  });
  const picture = svg('svg', { viewBox: '0 0 44 20', width: '2.6em', height: '1.2em', 'aria-hidden': 'true' }, line);
  if (series.marker) picture.append(markerShape(series.marker, 22, 10, series.colour));
  return picture;
}

export function lineChart(spec: LineChartSpec): SVGSVGElement {
  const total = spec.rounds * spec.ticksPerRound;
  const values = spec.series.flatMap((series) => series.values);
  const ticks = niceTicks(
    Math.min(spec.min ?? Number.POSITIVE_INFINITY, ...values),
    Math.max(spec.max ?? Number.NEGATIVE_INFINITY, ...values),
  );
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const x = (hour: number) => PLOT.left + (hour / Math.max(1, total)) * (PLOT.right - PLOT.left);
  const y = (value: number) => PLOT.bottom - ((value - low) / (high - low || 1)) * (PLOT.bottom - PLOT.top);

  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': spec.label,
    class: 'line-chart',
    'font-size': FONT,
  });
  // Value grid and axis labels.
  for (const tick of ticks) {
    chart.append(
      svg('line', { x1: PLOT.left, x2: PLOT.right, y1: y(tick), y2: y(tick), stroke: '#3a5378', 'stroke-width': tick === 0 ? 1.5 : 0.75 }),
      svg('text', { x: PLOT.left - 6, y: y(tick) + FONT / 3, 'text-anchor': 'end', fill: '#b7c4d6' }, spec.format(tick)),
    );
  }
  // Rounds: a boundary line between them, the round's name above it, hours along the bottom.
  for (let round = 1; round <= spec.rounds; round++) {
    const start = (round - 1) * spec.ticksPerRound;
    if (round > 1) {
      chart.append(
        svg('line', { x1: x(start), x2: x(start), y1: PLOT.top - 4, y2: PLOT.bottom, stroke: '#7d93b3', 'stroke-dasharray': '4 4' }),
      );
    }
    chart.append(
      svg(
        'text',
        { x: (x(start) + x(start + spec.ticksPerRound)) / 2, y: PLOT.top - 9, 'text-anchor': 'middle', fill: '#b7c4d6' },
        `Round ${round}`,
      ),
    );
  }
  for (let round = 0; round <= spec.rounds; round++) {
    const hour = round * spec.ticksPerRound;
    chart.append(svg('text', { x: x(hour), y: PLOT.bottom + FONT + 3, 'text-anchor': 'middle', fill: '#b7c4d6' }, String(hour)));
  }
  chart.append(
    svg('text', { x: (PLOT.left + PLOT.right) / 2, y: HEIGHT - 4, 'text-anchor': 'middle', fill: '#b7c4d6' }, 'Hours played'),
    svg('line', { x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.bottom, stroke: '#7d93b3' }),
  );
  // Benchmarks first, so the teams' lines are drawn over them.
  const ordered = [...spec.series].sort((a, b) => Number(!!b.faint) - Number(!!a.faint));
  for (const series of ordered) {
    if (series.values.length === 0) continue;
    const points = [`${x(0).toFixed(1)},${y(series.values[0] ?? 0).toFixed(1)}`];
    series.values.forEach((value, index) => {
      points.push(`${x(index + 1).toFixed(1)},${y(value).toFixed(1)}`);
    });
    chart.append(
      svg('polyline', {
        points: points.slice(1).join(' '),
        fill: 'none',
        stroke: series.colour,
        'stroke-width': series.faint ? 1.75 : 3.5,
        'stroke-dasharray': series.dash ?? 'none',
        'stroke-linejoin': 'round',
        opacity: series.faint ? 0.85 : 1,
      }),
    );
    if (series.marker) {
      for (let round = 1; round <= spec.rounds; round++) {
        const index = round * spec.ticksPerRound - 1;
        const value = series.values[index];
        if (value !== undefined) chart.append(markerShape(series.marker, x(index + 1), y(value), series.colour));
      }
    }
  }
  // Names at the lines' ends, spread so they never overlap.
  const drawn = spec.series.filter((series) => series.values.length > 0);
  const ends = drawn.map((series) => y(series.values[series.values.length - 1] ?? 0));
  const placed = spreadLabels(ends, FONT + 1, PLOT.top, PLOT.bottom + 12);
  drawn.forEach((series, index) => {
    const endX = x(series.values.length);
    const labelY = placed[index] ?? 0;
    chart.append(
      svg('line', {
        x1: endX + 2,
        y1: ends[index] ?? 0,
        x2: PLOT.right + 8,
        y2: labelY,
        stroke: series.colour,
        'stroke-width': 1,
        opacity: 0.7,
      }),
      svg(
        'text',
        {
          x: PLOT.right + 11,
          y: labelY + FONT / 3,
          fill: series.colour,
          'font-weight': series.faint ? 400 : 700,
          'font-size': series.faint ? FONT - 2 : FONT,
          'font-style': series.faint ? 'italic' : 'normal',
        },
        series.label,
      ),
    );
  });
  if (spec.cursor) {
    chart.dataset.hours = String(Math.max(1, total));
    chart.append(
      svg('line', {
        class: 'chart-cursor',
        x1: PLOT.left,
        x2: PLOT.left,
        y1: PLOT.top - 4,
        y2: PLOT.bottom,
        stroke: '#f0e442',
        'stroke-width': 2.5,
      }),
    );
  }
  return chart;
}

/** Moves a chart's cursor to an hour (a chart drawn with `cursor: true`). */
export function placeChartCursor(chart: SVGSVGElement, hour: number): void {
  const cursor = chart.querySelector('.chart-cursor');
  if (!cursor) return;
  const hours = Number(chart.dataset.hours ?? 1);
  const x = PLOT.left + (Math.max(0, Math.min(hours, hour)) / hours) * (PLOT.right - PLOT.left);
  cursor.setAttribute('x1', x.toFixed(1));
  cursor.setAttribute('x2', x.toFixed(1));
}
