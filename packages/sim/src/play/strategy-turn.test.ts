import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import { createGame } from '../state/create-game.js';
import { createStrategy } from '../strategies/create-strategy.js';
import { OFFICE } from '../test-support/card-on-table.js';
import { playStrategyTurns } from './strategy-turn.js';

describe('playStrategyTurns', () => {
  it('lets only the teams a strategy plays act: they decide their cards, and in planning plan and commit once', () => {
    const game = createGame({ scenario: OFFICE, seed: 4, teams: 3, rounds: 2, ticksPerRound: 6 });
    const bot = createStrategy('strategist');
    const strategies = [undefined, bot, undefined];
    const applied: Command[] = [];
    const apply = (command: Command) => {
      const result = applyCommand(game, command);
      if (result.ok) applied.push(command);
      return result;
    };
    while (game.state.phase === 'operations') {
      playStrategyTurns(game, strategies, apply);
      apply({ type: 'tick' });
    }
    const decided = new Set(applied.flatMap((command) => (command.type === 'decide' ? [command.team] : [])));
    expect([...decided]).toEqual([1]);
    playStrategyTurns(game, strategies, apply);
    expect(applied.filter((command) => command.type === 'commitPlan')).toEqual([{ type: 'commitPlan', team: 1 }]);
    expect(game.state.teams.map((team) => team.planCommitted)).toEqual([false, true, false]);
    // A second turn in the same planning phase does nothing for a team whose plan is in.
    const count = applied.length;
    playStrategyTurns(game, strategies, apply);
    expect(applied.length).toBe(count);
  });
});
