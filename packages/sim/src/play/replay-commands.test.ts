import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenario/builtin-scenarios.js';
import { ReplayRejection, replayCommands } from './replay-commands.js';

const scenario = findScenario('office-supplies');
if (!scenario) throw new Error('office supplies ships with the game');
const setup = { scenario, seed: 3, teams: 2, rounds: 2, ticksPerRound: 4 };

describe('replayCommands', () => {
  it('shows every step with where the game was before it, after showing the new game', () => {
    const seen: string[] = [];
    replayCommands(
      setup,
      [{ type: 'tick' }, { type: 'tick' }],
      (step) => seen.push(`${step.position}:${step.command.type}:${step.before.globalTick}->${step.game.state.globalTick}`),
      (game) => seen.push(`start:${game.state.globalTick}`),
    );
    expect(seen).toEqual(['start:0', '1:tick:0->1', '2:tick:1->2']);
  });

  it('stops at the first refused command, naming it', () => {
    const replay = () => replayCommands(setup, [{ type: 'tick' }, { type: 'startRound' }]);
    expect(replay).toThrow(ReplayRejection);
    expect(replay).toThrow(/^Command 2 of the log does not apply/);
  });
});
