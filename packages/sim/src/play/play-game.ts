import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import { teamView } from '../figures/team-view.js';
import { createGame, type GameSetup } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { Strategy } from '../strategies/strategy.js';

export interface PlayedGame {
  game: Game;
  /** Every accepted command, in order: the game's log. */
  commands: Command[];
}

function record(game: Game, command: Command, commands: Command[]): void {
  if (applyCommand(game, command).ok) commands.push(command);
}

/** Lets each team's strategy act on what it sees, then moves time on by one step. */
export function stepWithStrategies(game: Game, strategies: readonly Strategy[], commands: Command[]): void {
  const { state, scenario } = game;
  if (state.phase === 'operations') {
    state.teams.forEach((teamState, team) => {
      const strategy = strategies[team];
      // Nothing to decide, nothing to look at: most ticks of a calm team.
      if (!strategy || teamState.demands.length === 0) return;
      const view = teamView(game, team);
      if (view) for (const command of strategy.operate(view, scenario)) record(game, command, commands);
    });
    record(game, { type: 'tick' }, commands);
  } else if (state.phase === 'planning') {
    state.teams.forEach((_, team) => {
      const strategy = strategies[team];
      const view = strategy && teamView(game, team);
      if (strategy && view) for (const command of strategy.plan(view, scenario)) record(game, command, commands);
      record(game, { type: 'commitPlan', team }, commands);
    });
    record(game, { type: 'startRound' }, commands);
  }
}

/** Plays a whole game with one strategy per team (the last one repeats for extra teams). */
export function playGame(setup: GameSetup, strategies: readonly Strategy[]): PlayedGame {
  const game = createGame(setup);
  const perTeam = game.state.teams.map((_, team) => strategies[Math.min(team, strategies.length - 1)] as Strategy);
  const commands: Command[] = [];
  while (game.state.phase !== 'ended') stepWithStrategies(game, perTeam, commands);
  return { game, commands };
}
