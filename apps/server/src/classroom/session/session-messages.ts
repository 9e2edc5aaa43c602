import { boardOf, type HostSettings, type ServerMessage, type TeamFeedEntry, type TeamFiguresRow } from '@ttc/protocol';
import { type BrokenPromiseOutcome, type DecisionOutcome, type Game, readAllFigures, type Scenario } from '@ttc/sim';
import type { StoredPlayer } from '../../storage/session-store.js';

// What a session says, as protocol messages: pure functions of the game and the session's
// settings, so each message has one builder and a test can build the same thing.

export type MessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** The session's state as its controls left it, besides the game. */
export interface SessionControls {
  id: string;
  status: 'lobby' | 'running' | 'ended';
  paused: boolean;
  tickMs: number;
  joiningLocked: boolean;
  settings: HostSettings;
}

export function sessionMessage(controls: SessionControls, game: Game): MessageOf<'session'> {
  const { state } = game;
  return {
    type: 'session',
    sessionId: controls.id,
    scenarioId: game.scenario.id,
    status: controls.status,
    paused: controls.paused,
    tickMs: controls.tickMs,
    round: state.round,
    rounds: state.config.rounds,
    tick: state.tick,
    ticksPerRound: state.config.ticksPerRound,
    phase: state.phase,
    teamCount: controls.settings.teamCount,
    joiningLocked: controls.joiningLocked,
  };
}

/** The roster: seated players (with whether they are connected) and the teams bots play. */
export function lobbyMessage(seated: readonly StoredPlayer[], connected: ReadonlySet<string>, botTeams: number[]): MessageOf<'lobby'> {
  return {
    type: 'lobby',
    players: seated.map((player) => ({ id: player.id, name: player.name, team: player.team, connected: connected.has(player.id) })),
    botTeams,
  };
}

/** A team's board, with fractions cut short; undefined for a team the game lacks. */
export function boardMessage(game: Game, team: number): MessageOf<'board'> | undefined {
  const board = boardOf(game, team);
  return board && { type: 'board', board: trimNumbers(board) };
}

/** Every team's figures for the facilitator. */
export function dashboardMessage(
  game: Game,
  seated: readonly StoredPlayer[],
  connected: ReadonlySet<string>,
  botTeams: number[],
): MessageOf<'dashboard'> {
  const bots = new Set(botTeams);
  const teams: TeamFiguresRow[] = readAllFigures(game).map((figures) => {
    const members = seated.filter((player) => player.team === figures.team);
    return {
      team: figures.team,
      name: game.state.teams[figures.team]?.name ?? `Team ${figures.team + 1}`,
      bot: bots.has(figures.team),
      profitCents: figures.profitCents,
      exhaustion: figures.exhaustion.current,
      loyalty: figures.loyalty,
      reputation: figures.reputation,
      balancedScore: figures.balancedScore,
      waitingDemands: figures.waitingDemands,
      connectedPlayers: members.filter((player) => connected.has(player.id)).length,
      players: members.length,
      planCommitted: game.state.teams[figures.team]?.planCommitted ?? false,
    };
  });
  return { type: 'dashboard', teams };
}

/** A decision, and who made it (a player's name, `bot`, or `clock` for a card nobody answered). */
export function decidedMessage(outcome: DecisionOutcome, by: string): MessageOf<'decided'> {
  return {
    type: 'decided',
    team: outcome.team,
    demandId: outcome.demandId,
    decision: outcome.resolution,
    by,
    accepted: outcome.accepted,
    loyaltyChange: outcome.loyaltyAfter - outcome.loyaltyBefore,
    revenueCents: outcome.revenueCents,
  };
}

/** Promised work not done by its due hour, with the names a screen shows. */
export function promiseBrokenMessage(game: Game, outcome: BrokenPromiseOutcome): MessageOf<'promiseBroken'> {
  const customer = outcome.customerId === null ? undefined : game.state.teams[outcome.team]?.customers[outcome.customerId];
  return {
    type: 'promiseBroken',
    team: outcome.team,
    demandId: outcome.demandId,
    customerName: customer?.name ?? 'A customer',
    categoryName: game.scenario.categories[outcome.category]?.name ?? 'a request',
    hours: outcome.hours,
    hoursLeft: outcome.hoursLeft,
    loyaltyChange: outcome.loyaltyAfter - outcome.loyaltyBefore,
    refundCents: outcome.refundCents,
    complaint: outcome.complaint,
  };
}

export function eventStartedMessage(scenario: Scenario, team: number, eventId: string): MessageOf<'eventStarted'> {
  const event = scenario.events.find((candidate) => candidate.id === eventId);
  return { type: 'eventStarted', team, eventId, name: event?.name ?? eventId, description: event?.description ?? '' };
}

export function teamFeedMessage(team: number, decisions: TeamFeedEntry[]): MessageOf<'teamFeed'> {
  return { type: 'teamFeed', team, decisions };
}

/**
 * Copies plain data with fractions cut to 3 decimals: what a screen shows, at about half
 * the bytes of full doubles. Boards go to every member every tick, so their size is the
 * server's main cost under load (docs/performance.md).
 */
export function trimNumbers<T>(value: T): T {
  return trimmed(value) as T;
}

function trimmed(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) return value.map(trimmed);
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key in value) copy[key] = trimmed((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}
