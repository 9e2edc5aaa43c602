import type { CommandResult } from '../commands/command-result.js';
import type { Command } from '../commands/command-schema.js';
import { teamView } from '../figures/team-view.js';
import type { Game } from '../state/game.js';
import type { Strategy } from '../strategies/strategy.js';

/** Applies one command for whoever keeps the log (it records the accepted ones). */
export type ApplyCommand = (command: Command) => CommandResult;

/**
 * The turn of every team a strategy plays (a benchmark, or a class's bot for a team without
 * players), on what the team sees now: in operations each decides its waiting cards; in
 * planning each team that has not committed a plan plans and commits. `strategies[team]` is
 * undefined for a team people play. A command the game refuses (a plan step without the cash
 * for it) is simply not taken. Time does not move: the caller ticks or starts the round.
 */
export function playStrategyTurns(game: Game, strategies: readonly (Strategy | undefined)[], apply: ApplyCommand): void {
  const { state, scenario } = game;
  if (state.phase === 'operations') {
    state.teams.forEach((teamState, team) => {
      const strategy = strategies[team];
      // Nothing to decide, nothing to look at: most ticks of a calm team.
      if (!strategy || teamState.demands.length === 0) return;
      const view = teamView(game, team);
      if (view) for (const command of strategy.operate(view, scenario)) apply(command);
    });
  } else if (state.phase === 'planning') {
    state.teams.forEach((teamState, team) => {
      const strategy = strategies[team];
      if (!strategy || teamState.planCommitted) return;
      const view = teamView(game, team);
      if (view) for (const command of strategy.plan(view, scenario)) apply(command);
      apply({ type: 'commitPlan', team });
    });
  }
}
