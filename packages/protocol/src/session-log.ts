import { commandSchema, type Game, type GameSetup, ReplayRejection, type ReplayStep, replayCommands, type Scenario } from '@ttc/sim';
import { z } from 'zod';
import { hostSettingsSchema } from './client-messages.js';

/**
 * A session's whole record: its settings, seed, seats and every accepted command in order.
 * Replaying the entries on a new game with these settings rebuilds the session exactly, which
 * is how debriefs and replays are drawn. Served by `GET /api/sessions/:id/log`.
 */
export const sessionLogSchema = z.strictObject({
  sessionId: z.string(),
  joinCode: z.string(),
  scenarioId: z.string(),
  seed: z.int(),
  settings: hostSettingsSchema,
  status: z.enum(['lobby', 'running', 'ended']),
  createdAt: z.string(),
  teamNames: z.array(z.string()),
  players: z.array(z.strictObject({ id: z.string(), name: z.string(), team: z.int(), removed: z.boolean() })),
  entries: z.array(
    z.strictObject({
      seq: z.int(),
      tick: z.int(),
      /** A player id, "facilitator", "bot" or "clock". */
      actor: z.string(),
      command: commandSchema,
    }),
  ),
});
export type SessionLog = z.infer<typeof sessionLogSchema>;

/** Classroom teams are called Team 1, Team 2, …: the same names live, in logs and in replays. */
export function classroomTeamNames(teamCount: number): string[] {
  return Array.from({ length: teamCount }, (_, index) => `Team ${index + 1}`);
}

/**
 * The new game a session's record is replayed on: its scenario, seed, teams, rounds and round
 * length. Refuses a scenario other than the one the session was played on.
 */
export function gameSetupOfSessionLog(log: SessionLog, scenario: Scenario): GameSetup {
  if (scenario.id !== log.scenarioId) throw new Error(`The session was played on "${log.scenarioId}", not on "${scenario.id}".`);
  return {
    scenario,
    seed: log.seed,
    teams: log.settings.teamCount,
    rounds: log.settings.rounds,
    ticksPerRound: log.settings.ticksPerRound,
    teamNames: log.teamNames,
  };
}

/** An entry of a session record that no longer applies: the record was altered or damaged. */
export class SessionRecordError extends Error {
  constructor(
    readonly entry: SessionLog['entries'][number],
    readonly reason: string,
  ) {
    super(`Entry ${entry.seq} of the session record does not apply (${reason}).`);
  }
}

/**
 * Rebuilds a session's game from its record, showing each entry and what it did to `observe`
 * (a debrief, a console's feed); `start` sees the new game first. Every entry was accepted once and must apply again; one that
 * does not means the record was altered, and the replay stops with a SessionRecordError.
 */
export function replaySessionLog(
  log: SessionLog,
  scenario: Scenario,
  observe?: (step: ReplayStep, entry: SessionLog['entries'][number]) => void,
  start?: (game: Game) => void,
): Game {
  const entryAt = (step: ReplayStep) => log.entries[step.position - 1] as SessionLog['entries'][number];
  try {
    return replayCommands(
      gameSetupOfSessionLog(log, scenario),
      log.entries.map((entry) => entry.command),
      observe && ((step) => observe(step, entryAt(step))),
      start,
    );
  } catch (error) {
    if (error instanceof ReplayRejection)
      throw new SessionRecordError(log.entries[error.index] as SessionLog['entries'][number], error.reason);
    throw error;
  }
}

/**
 * The file name of a class's exported results, the same for both formats so they sort together:
 * tame-the-chaos-class-K7PXQ3-results.csv and …-results.json.
 */
export function classResultsFileName(joinCode: string, format: 'csv' | 'json'): string {
  return `tame-the-chaos-class-${joinCode.replace(/[^A-Za-z0-9]+/g, '')}-results.${format}`;
}

/**
 * The rounds a class reached: all of them once it is over; else the round under way, unless its
 * first hour has not passed yet (then the round before). A debrief's and an export's
 * benchmarks play this many rounds, so they compare over the same stretch.
 */
export function roundsReachedIn(game: Game): number {
  const { phase, round, tick, config } = game.state;
  if (phase === 'ended') return config.rounds;
  return phase === 'operations' && tick === 0 ? Math.max(1, round - 1) : round;
}
