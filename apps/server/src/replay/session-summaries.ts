import { replaySessionLog, type SessionLog, type SessionSummary } from '@ttc/protocol';
import { findScenario, type Game, readAllFigures } from '@ttc/sim';
import type { StoredSession } from '../storage/session-store.js';

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Where a session's game stands and each team's figures: one row of the facilitator's past sessions. */
export function summaryOf(session: StoredSession, game: Game, scenarioName: string): SessionSummary {
  const { state } = game;
  return {
    sessionId: session.id,
    joinCode: session.joinCode,
    createdAt: session.createdAt,
    scenarioId: session.settings.scenarioId,
    scenarioName,
    status: session.status,
    teamCount: session.settings.teamCount,
    rounds: state.config.rounds,
    ticksPerRound: state.config.ticksPerRound,
    round: state.round,
    phase: state.phase,
    teams: readAllFigures(game).map((figures) => ({
      team: figures.team,
      name: state.teams[figures.team]?.name ?? `Team ${figures.team + 1}`,
      profitCents: figures.profitCents,
      exhaustion: round1(figures.exhaustion.mean),
      loyalty: round1(figures.loyalty),
      reputation: round1(figures.reputation),
      balancedScore: figures.balancedScore,
    })),
  };
}

/**
 * A session in memory is summarised from its live game; one no longer in memory is rebuilt by
 * replaying its record (a few milliseconds). An ended session's record never changes, so its summary is kept and
 * its record is not read again.
 */
export class SummaryCache {
  private readonly ended = new Map<string, SessionSummary>();

  constructor(private readonly capacity = 500) {}

  async summarise(
    session: StoredSession,
    record: () => Promise<SessionLog>,
    /** Reads the session's live game in its queue, when it is in memory. */
    readLive: (<T>(reader: (game: Game) => T) => Promise<T>) | undefined,
  ): Promise<SessionSummary | undefined> {
    const scenario = findScenario(session.settings.scenarioId);
    if (!scenario) return undefined;
    const kept = session.status === 'ended' ? this.ended.get(session.id) : undefined;
    if (kept) return kept;
    const summary = readLive
      ? await readLive((game) => summaryOf(session, game, scenario.name))
      : summaryOf(session, replaySessionLog(await record(), scenario), scenario.name);
    if (session.status === 'ended') {
      if (this.ended.size >= this.capacity) {
        const oldest = this.ended.keys().next().value;
        if (oldest !== undefined) this.ended.delete(oldest);
      }
      this.ended.set(session.id, summary);
    }
    return summary;
  }
}
