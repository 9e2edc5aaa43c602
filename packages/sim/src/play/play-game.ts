import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import { createGame, type GameSetup } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { Strategy } from '../strategies/strategy.js';
import { playStrategyTurns } from './strategy-turn.js';

export interface PlayedGame {
  game: Game;
  /** Every accepted command, in order: the game's log. */
  commands: Command[];
}

/**
 * Lets each team's strategy act on what it sees (playStrategyTurns), then moves time on by one
 * step: an hour in operations, the next round after planning. Accepted commands join `commands`.
 */
export function stepWithStrategies(game: Game, strategies: readonly (Strategy | undefined)[], commands: Command[]): void {
  const apply = (command: Command) => {
    const result = applyCommand(game, command);
    if (result.ok) commands.push(command);
    return result;
  };
  const { phase } = game.state;
  playStrategyTurns(game, strategies, apply);
  if (phase === 'operations') apply({ type: 'tick' });
  else if (phase === 'planning') apply({ type: 'startRound' });
}

/** Plays a whole game with one strategy per team (the last one repeats for extra teams). */
export function playGame(setup: GameSetup, strategies: readonly Strategy[]): PlayedGame {
  const game = createGame(setup);
  const perTeam = game.state.teams.map((_, team) => strategies[Math.min(team, strategies.length - 1)] as Strategy);
  const commands: Command[] = [];
  while (game.state.phase !== 'ended') stepWithStrategies(game, perTeam, commands);
  return { game, commands };
}
