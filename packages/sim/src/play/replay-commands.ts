import { applyCommand } from '../commands/apply-command.js';
import type { Outcome } from '../commands/command-result.js';
import type { Command } from '../commands/command-schema.js';
import { createGame, type GameSetup } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { Phase } from '../state/game-state.js';

/** One command as a replay applied it: what it did, and where the game was just before. */
export interface ReplayStep {
  /** 1-based: the game after the first `position` commands. */
  position: number;
  command: Command;
  outcomes: Outcome[];
  /** The game right after the command (the same object at every step: read, do not keep). */
  game: Game;
  before: { round: number; tick: number; globalTick: number; phase: Phase };
}

/** A logged command the game refuses: the log was not written by this game, or was altered. */
export class ReplayRejection extends Error {
  constructor(
    /** 0-based index of the refused command. */
    readonly index: number,
    readonly reason: string,
  ) {
    super(`Command ${index + 1} of the log does not apply (${reason}).`);
  }
}

/**
 * Plays logged commands on a new game, showing each step to `observe`: the one replay loop
 * that indexes, debriefs and decision lists read from, so a log is walked once per use.
 * `start` sees the new game before the first command. Throws a ReplayRejection at the first
 * command the game refuses.
 */
export function replayCommands(
  setup: GameSetup,
  commands: readonly Command[],
  observe?: (step: ReplayStep) => void,
  start?: (game: Game) => void,
): Game {
  const game = createGame(setup);
  start?.(game);
  commands.forEach((command, index) => {
    const { round, tick, globalTick, phase } = game.state;
    const result = applyCommand(game, command);
    if (!result.ok) throw new ReplayRejection(index, result.rejection.reason);
    observe?.({ position: index + 1, command, outcomes: result.outcomes, game, before: { round, tick, globalTick, phase } });
  });
  return game;
}
