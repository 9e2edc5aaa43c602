import { replaySessionLog, type SessionLog, type TeamFiguresRow } from '@ttc/protocol';
import { type Game, readAllFigures, type Scenario } from '@ttc/sim';
import type { FeedMessage } from './feed';

// The console's sparklines: each team's profit, exhaustion and loyalty, one point per
// simulated hour, gathered from the dashboard pushes (or rebuilt from the session's log after
// a reload, when the pushes before it are gone).

export interface FigurePoint {
  profitCents: number;
  exhaustion: number;
  loyalty: number;
}

/** Enough for the longest session the server allows (12 rounds of 48 hours) plus its starts. */
/** What a history needs of a dashboard row: the team and its three figures. */
export type FigureRow = Pick<TeamFiguresRow, 'team' | 'profitCents' | 'exhaustion' | 'loyalty'>;

const MAX_POINTS = 12 * 49 + 1;

export class DashboardHistory {
  /** The hour each point belongs to, "round:tick"; a later push for the same hour replaces it. */
  private readonly keys: string[] = [];
  private readonly series = new Map<number, FigurePoint[]>();

  /** Records the figures of one push, made during the given round and hour. */
  record(round: number, tick: number, rows: readonly FigureRow[]): void {
    const key = `${round}:${tick}`;
    const replace = this.keys[this.keys.length - 1] === key;
    if (!replace) this.keys.push(key);
    for (const row of rows) {
      const points = this.series.get(row.team) ?? [];
      const point = { profitCents: row.profitCents, exhaustion: row.exhaustion, loyalty: row.loyalty };
      // A team missing from earlier pushes starts where it is now, so every line has the same length.
      while (points.length < this.keys.length - 1) points.push(point);
      if (replace && points.length === this.keys.length) points[points.length - 1] = point;
      else points.push(point);
      this.series.set(row.team, points);
    }
    if (this.keys.length > MAX_POINTS) {
      this.keys.shift();
      for (const points of this.series.values()) points.shift();
    }
  }

  /** Replaces everything with a rebuilt history, unless pushes have already given a longer one. */
  adopt(rebuilt: DashboardHistory): void {
    if (rebuilt.keys.length <= this.keys.length) return;
    this.keys.splice(0, this.keys.length, ...rebuilt.keys);
    this.series.clear();
    for (const [team, points] of rebuilt.series) this.series.set(team, [...points]);
  }

  clear(): void {
    this.keys.length = 0;
    this.series.clear();
  }

  points(team: number): readonly FigurePoint[] {
    return this.series.get(team) ?? [];
  }

  get length(): number {
    return this.keys.length;
  }

  /**
   * The lowest and highest value of a figure over every team so far: the lines of one figure
   * share a scale, so the rows compare. Profit's range always holds zero (the break-even line).
   */
  range(figure: keyof FigurePoint): [number, number] {
    let low = figure === 'profitCents' ? 0 : Number.POSITIVE_INFINITY;
    let high = figure === 'profitCents' ? 0 : Number.NEGATIVE_INFINITY;
    for (const points of this.series.values())
      for (const point of points) {
        low = Math.min(low, point[figure]);
        high = Math.max(high, point[figure]);
      }
    if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 100];
    // A flat figure still gets a visible box around it.
    return high - low < 1 ? [low - 1, high + 1] : [low, high];
  }
}

/** What a console reloaded mid-class gets back from the session's log. */
export interface RebuiltConsole {
  history: DashboardHistory;
  /** The pushes the feed would have shown, oldest first, as the server sends them. */
  feed: FeedMessage[];
}

/**
 * Replays a session's log: every team's figures after each simulated hour (the sparklines),
 * and the decisions, events and committed plans the feed shows, with who made them.
 */
export function rebuildConsole(log: SessionLog, scenario: Scenario): RebuiltConsole {
  const history = new DashboardHistory();
  const feed: FeedMessage[] = [];
  const names = new Map(log.players.map((player) => [player.id, player.name]));
  const snapshot = (game: Game) =>
    history.record(
      game.state.round,
      game.state.tick,
      readAllFigures(game).map((figures) => ({
        team: figures.team,
        profitCents: figures.profitCents,
        exhaustion: figures.exhaustion.current,
        loyalty: figures.loyalty,
      })),
    );
  replaySessionLog(
    log,
    scenario,
    ({ command, outcomes, game }, entry) => {
      const by = names.get(entry.actor) ?? entry.actor;
      for (const outcome of outcomes) {
        if (outcome.kind === 'decision')
          feed.push({
            type: 'decided',
            team: outcome.team,
            demandId: outcome.demandId,
            decision: outcome.resolution,
            by: outcome.resolution === 'ignored' ? 'clock' : by,
            accepted: outcome.accepted,
            loyaltyChange: outcome.loyaltyAfter - outcome.loyaltyBefore,
            revenueCents: outcome.revenueCents,
          });
        else if (outcome.kind === 'broken-promise') {
          const customer = outcome.customerId === null ? undefined : game.state.teams[outcome.team]?.customers[outcome.customerId];
          feed.push({
            type: 'promiseBroken',
            team: outcome.team,
            demandId: outcome.demandId,
            customerName: customer?.name ?? 'A customer',
            categoryName: scenario.categories[outcome.category]?.name ?? 'a request',
            hours: outcome.hours,
            hoursLeft: outcome.hoursLeft,
            loyaltyChange: outcome.loyaltyAfter - outcome.loyaltyBefore,
            refundCents: outcome.refundCents,
            complaint: outcome.complaint,
          });
        } else if (outcome.kind === 'event-started') {
          const event = scenario.events.find((candidate) => candidate.id === outcome.eventId);
          feed.push({
            type: 'eventStarted',
            team: outcome.team,
            eventId: outcome.eventId,
            name: event?.name ?? outcome.eventId,
            description: event?.description ?? '',
          });
        }
      }
      // The server tells the room when a learner commits a plan (a bot's plan goes unannounced).
      if (command.type === 'commitPlan' && entry.actor !== 'bot') feed.push({ type: 'planCommitted', team: command.team, by });
      if (command.type === 'tick') snapshot(game);
    },
    snapshot,
  );
  return { history, feed };
}

/**
 * The points of an SVG polyline drawing `values` in a width×height box, `low` at the bottom and
 * `high` at the top. A single value draws a flat line across.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number, low: number, high: number): string {
  if (values.length === 0) return '';
  const span = high - low || 1;
  const y = (value: number) => Number((height - ((Math.min(Math.max(value, low), high) - low) / span) * height).toFixed(1));
  if (values.length === 1) return `0,${y(values[0] ?? low)} ${width},${y(values[0] ?? low)}`;
  const step = width / (values.length - 1);
  return values.map((value, index) => `${Number((index * step).toFixed(1))},${y(value)}`).join(' ');
}
