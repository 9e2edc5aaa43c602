import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands/apply-command.js';
import { stateHash } from './figures/state-hash.js';
import { gameLogOf, replayLog } from './play/game-log.js';
import { playGame } from './play/play-game.js';
import { BUILTIN_SCENARIOS, findScenario } from './scenario/builtin-scenarios.js';
import { createGame } from './state/create-game.js';
import { createStrategy } from './strategies/create-strategy.js';
import { intentArbitrary, playIntents } from './test-support/random-play.js';

const scenarioArbitrary = fc.constantFrom(...BUILTIN_SCENARIOS);
const seedArbitrary = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('determinism', () => {
  it('same scenario, seed and command log give the same state hash', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        seedArbitrary,
        fc.integer({ min: 1, max: 3 }),
        fc.array(intentArbitrary, { maxLength: 250 }),
        (scenario, seed, teams, intents) => {
          const first = createGame({ scenario, seed, teams });
          const log = playIntents(first, intents);
          const second = createGame({ scenario, seed, teams });
          for (const command of log) expect(applyCommand(second, command).ok).toBe(true);
          expect(stateHash(second.state)).toBe(stateHash(first.state));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('replaying a written log reproduces the hash of the game that wrote it', () => {
    fc.assert(
      fc.property(scenarioArbitrary, seedArbitrary, fc.array(intentArbitrary, { maxLength: 250 }), (scenario, seed, intents) => {
        const game = createGame({ scenario, seed, teams: 2 });
        const commands = playIntents(game, intents);
        const written = JSON.parse(JSON.stringify(gameLogOf(game, commands, stateHash(game.state))));
        const replayed = replayLog(written);
        expect(replayed.ok).toBe(true);
        if (replayed.ok) expect(stateHash(replayed.game.state)).toBe(written.finalHash);
      }),
      { numRuns: 40 },
    );
  });

  it('a whole strategist game replays to the same hash', () => {
    const scenario = BUILTIN_SCENARIOS[0];
    if (!scenario) throw new Error('no scenario');
    const { game, commands } = playGame({ scenario, seed: 99, teams: 3 }, [
      createStrategy('strategist'),
      createStrategy('always-no'),
      createStrategy('random', 5),
    ]);
    const replayed = replayLog(gameLogOf(game, commands));
    expect(replayed.ok && stateHash(replayed.game.state)).toBe(stateHash(game.state));
  });

  it('different seeds give different games', () => {
    const scenario = findScenario('office-supplies');
    if (!scenario) throw new Error('no scenario');
    const hashes = new Set([1, 2, 3].map((seed) => stateHash(playGame({ scenario, seed }, [createStrategy('strategist')]).game.state)));
    expect(hashes.size).toBe(3);
  });

  it('teams on the same seed face the same requests, whatever the other teams decide', () => {
    const scenario = findScenario('office-supplies');
    if (!scenario) throw new Error('no scenario');
    const { game } = playGame({ scenario, seed: 11, teams: 2, rounds: 1 }, [
      createStrategy('always-no'),
      createStrategy('always-accommodate'),
    ]);
    const solo = playGame({ scenario, seed: 11, teams: 1, rounds: 1 }, [createStrategy('strategist')]).game;
    const requests = (report: { categories: { requests: number }[] } | undefined) =>
      report?.categories.map((category) => category.requests);
    // Nobody can leave before the first round ends, so the first round's requests are identical.
    expect(requests(game.state.teams[0]?.reports[0])).toEqual(requests(game.state.teams[1]?.reports[0]));
    expect(requests(solo.state.teams[0]?.reports[0])).toEqual(requests(game.state.teams[0]?.reports[0]));
  });
});
