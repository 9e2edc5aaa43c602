import type { TeamFiguresRow } from '@ttc/protocol';
import { money } from '../../view-model/format';
import { h, svg } from '../dom';
import { type DashboardHistory, type FigurePoint, sparklinePoints } from './dashboard-history';

// The console's live dashboard: one row per team, drawn from the latest "dashboard" push and
// the history of earlier ones. Made to fit eight teams on a 1280×720 screen without scrolling.

const SPARK_WIDTH = 96;
const SPARK_HEIGHT = 24;

function sparkline(history: DashboardHistory, team: number, figure: keyof FigurePoint, label: string): SVGSVGElement {
  const values = history.points(team).map((point) => point[figure]);
  const [low, high] = history.range(figure);
  const chart = svg('svg', {
    class: `spark spark-${figure}`,
    viewBox: `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`,
    preserveAspectRatio: 'none',
    'aria-hidden': 'true',
  });
  chart.append(svg('title', {}, label));
  // Profit's zero line: above it the team is making money.
  if (figure === 'profitCents' && low < 0 && high > 0) {
    const zero = sparklinePoints([0], SPARK_WIDTH, SPARK_HEIGHT, low, high);
    chart.append(svg('polyline', { points: zero, class: 'spark-zero' }));
  }
  if (values.length > 0)
    chart.append(svg('polyline', { points: sparklinePoints(values, SPARK_WIDTH, SPARK_HEIGHT, low, high), class: 'spark-line' }));
  return chart;
}

function figureCell(text: string, chart: SVGSVGElement, className = ''): HTMLTableCellElement {
  return h('td', { class: `number figure ${className}` }, h('span', { class: 'figure-value' }, text), chart);
}

export function dashboardTable(
  rows: readonly TeamFiguresRow[],
  history: DashboardHistory,
  currency: string,
  planning: boolean,
): HTMLTableElement {
  return h(
    'table',
    { class: 'data dashboard', id: 'dashboard', 'aria-label': 'Teams dashboard' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Team'),
        h('th', { scope: 'col' }, 'Online'),
        h('th', { scope: 'col', class: 'number' }, 'Profit'),
        h('th', { scope: 'col', class: 'number' }, 'Exhaustion'),
        h('th', { scope: 'col', class: 'number' }, 'Loyalty'),
        h('th', { scope: 'col', class: 'number', title: 'Reputation' }, 'Reput.'),
        h('th', { scope: 'col', class: 'number', title: 'Balanced score: profit, rest and loyalty together' }, 'Score'),
        h('th', { scope: 'col', class: 'number', title: 'Demands waiting for a decision' }, 'Waiting'),
        h('th', { scope: 'col' }, 'Plan'),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { 'data-team': row.team },
          h('th', { scope: 'row', class: 'team-name' }, row.name, row.bot && h('span', { class: 'pill bot-pill' }, 'bot')),
          h(
            'td',
            { class: row.players > 0 && row.connectedPlayers < row.players ? 'warn' : '' },
            row.bot ? h('span', { class: 'muted' }, '—') : `${row.connectedPlayers}/${row.players}`,
          ),
          figureCell(
            money(row.profitCents, currency, false),
            sparkline(history, row.team, 'profitCents', `${row.name} profit over time`),
            row.profitCents < 0 ? 'bad' : '',
          ),
          figureCell(String(Math.round(row.exhaustion)), sparkline(history, row.team, 'exhaustion', `${row.name} exhaustion over time`)),
          figureCell(String(Math.round(row.loyalty)), sparkline(history, row.team, 'loyalty', `${row.name} loyalty over time`)),
          h('td', { class: 'number' }, String(Math.round(row.reputation))),
          h('td', { class: 'number' }, String(Math.round(row.balancedScore))),
          h('td', { class: `number ${row.waitingDemands >= 5 ? 'warn' : ''}` }, String(row.waitingDemands)),
          h('td', { class: row.planCommitted ? 'good' : 'muted' }, row.planCommitted ? '✓ committed' : planning ? 'planning…' : '—'),
        ),
      ),
    ),
  );
}
