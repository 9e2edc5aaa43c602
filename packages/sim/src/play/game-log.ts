import { z } from 'zod';
import { applyCommand } from '../commands/apply-command.js';
import type { CommandResult, Rejection } from '../commands/command-result.js';
import { type Command, commandSchema } from '../commands/command-schema.js';
import { type Scenario, scenarioSchema } from '../scenario/scenario-schema.js';
import { createGame, type GameSetup } from '../state/create-game.js';
import type { Game } from '../state/game.js';

export const GAME_LOG_FORMAT = 'tame-the-chaos/game-log';

/**
 * A whole game as data: the scenario, the set-up and every accepted command in order.
 * Re-simulating it reproduces the game bit for bit; it carries the scenario so that a log
 * stays playable even if the scenario file changes or was the trainer's own.
 */
export const gameLogSchema = z.strictObject({
  format: z.literal(GAME_LOG_FORMAT),
  version: z.literal(1),
  scenario: scenarioSchema,
  seed: z.int(),
  teams: z.int().min(1).max(12),
  rounds: z.int().min(1).max(20),
  ticksPerRound: z.int().min(4).max(48),
  teamNames: z.array(z.string().max(60)).max(12).optional(),
  commands: z.array(commandSchema),
  /** The state hash at the end, when the writer recorded it. */
  finalHash: z.string().optional(),
});

export type GameLog = z.infer<typeof gameLogSchema>;

export function gameLogOf(game: Game, commands: Command[], finalHash?: string): GameLog {
  const { config } = game.state;
  return {
    format: GAME_LOG_FORMAT,
    version: 1,
    scenario: game.scenario as Scenario,
    seed: config.seed,
    teams: config.teams,
    rounds: config.rounds,
    ticksPerRound: config.ticksPerRound,
    teamNames: game.state.teams.map((team) => team.name),
    commands,
    ...(finalHash === undefined ? {} : { finalHash }),
  };
}

export type ReplayResult = { ok: true; game: Game } | { ok: false; index: number; rejection: Rejection };

/** The new game a log is replayed on. */
export function gameSetupOfLog(log: GameLog): GameSetup {
  return {
    scenario: log.scenario,
    seed: log.seed,
    teams: log.teams,
    rounds: log.rounds,
    ticksPerRound: log.ticksPerRound,
    ...(log.teamNames ? { teamNames: log.teamNames } : {}),
  };
}

/** Re-simulates a log; a command the game rejects means the log was not written by this game. */
export function replayLog(log: GameLog, upTo = log.commands.length): ReplayResult {
  const game = createGame(gameSetupOfLog(log));
  const end = Math.min(upTo, log.commands.length);
  for (let index = 0; index < end; index++) {
    const result: CommandResult = applyCommand(game, log.commands[index] as Command);
    if (!result.ok) return { ok: false, index, rejection: result.rejection };
  }
  return { ok: true, game };
}
