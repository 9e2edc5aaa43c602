import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import { stepWithStrategies } from '../play/play-game.js';
import { BUILTIN_SCENARIOS, findScenario } from '../scenario/builtin-scenarios.js';
import { copyPlain } from '../state/copy-plain.js';
import { createGame } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { createStrategy } from '../strategies/create-strategy.js';
import { STRATEGY_NAMES } from '../strategies/strategy.js';
import { intentArbitrary, playIntents } from '../test-support/random-play.js';
import { CHECKPOINT_HASH_PREFIX, checkpointHash, matchesCheckpointHash } from './checkpoint-hash.js';
import { stateHash } from './state-hash.js';

function scenario(id: string) {
  const found = findScenario(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** A copy has arrays of its own, so nothing carried over from earlier hashes applies to it. */
const hashedAfresh = (game: Game) => checkpointHash(copyPlain(game.state));

describe('checkpointHash', () => {
  // The carried-on hash is only right while no entry of a growing series changes after it was
  // hashed. Hashing the live state after every step, beside a copy hashed from nothing, catches
  // any rule that ever edits one.
  for (const scenarioId of BUILTIN_SCENARIOS.map((candidate) => candidate.id)) {
    it(`${scenarioId}: the live state, hashed after every step, hashes as a fresh copy does`, () => {
      const game = createGame({ scenario: scenario(scenarioId), seed: 41, teams: STRATEGY_NAMES.length, rounds: 4, ticksPerRound: 12 });
      const strategies = STRATEGY_NAMES.map((name) => createStrategy(name));
      const commands: Command[] = [];
      let steps = 0;
      while (game.state.phase !== 'ended') {
        stepWithStrategies(game, strategies, commands);
        steps++;
        expect(checkpointHash(game.state), `after step ${steps}`).toBe(hashedAfresh(game));
      }
      expect(game.state.teams.every((team) => team.history.length > 0 && team.reports.length === 4)).toBe(true);
    });
  }

  it('carried-on and fresh hashes agree under random commands, stale and invalid ones included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_SCENARIOS),
        fc.nat(1000),
        fc.array(intentArbitrary, { maxLength: 200 }),
        (chosen, seed, intents) => {
          const game = createGame({ scenario: chosen, seed, teams: 3 });
          playIntents(game, intents, () => expect(checkpointHash(game.state)).toBe(hashedAfresh(game)));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('gives a state and its JSON round trip the same hash, as stateHash does', () => {
    const game = createGame({ scenario: scenario('office-supplies'), seed: 12, teams: 3, rounds: 2, ticksPerRound: 8 });
    const strategies = [createStrategy('strategist'), createStrategy('always-accommodate'), createStrategy('random', 3)];
    while (game.state.phase !== 'ended') stepWithStrategies(game, strategies, []);
    const roundTrip = JSON.parse(JSON.stringify(game.state));
    expect(checkpointHash(roundTrip)).toBe(checkpointHash(game.state));
    // JSON's own rules: a key set to undefined is not there, -0 is 0.
    const odd = copyPlain(game.state);
    (odd as unknown as Record<string, unknown>).extra = undefined;
    (odd.teams[0] as TeamState).cashCents = -0;
    const even = copyPlain(game.state);
    (even.teams[0] as TeamState).cashCents = 0;
    expect(checkpointHash(odd)).toBe(checkpointHash(even));
  });

  it('tells apart states that differ only in an old entry of a series', () => {
    const game = createGame({ scenario: scenario('office-supplies'), seed: 5, teams: 2, rounds: 2, ticksPerRound: 8 });
    for (let hour = 0; hour < 6; hour++) applyCommand(game, { type: 'tick' });
    const before = checkpointHash(game.state);
    const altered = copyPlain(game.state);
    const first = altered.teams[1]?.history[0];
    if (!first) throw new Error('no history');
    first.loyalty += 0.001;
    expect(checkpointHash(altered)).not.toBe(before);
    expect(checkpointHash(game.state)).toBe(before);
  });

  it('is marked as its kind, and a recorded hash of either kind is checked with its own function', () => {
    const game = createGame({ scenario: scenario('shoe-store'), seed: 9, teams: 2 });
    applyCommand(game, { type: 'tick' });
    const hash = checkpointHash(game.state);
    expect(hash).toMatch(new RegExp(`^${CHECKPOINT_HASH_PREFIX}[0-9a-f]{16}$`));
    expect(matchesCheckpointHash(game.state, hash)).toBe(true);
    expect(matchesCheckpointHash(game.state, stateHash(game.state))).toBe(true);
    const later = copyPlain(game.state);
    applyCommand({ scenario: game.scenario, state: later }, { type: 'tick' });
    expect(matchesCheckpointHash(later, hash)).toBe(false);
    expect(matchesCheckpointHash(later, stateHash(game.state))).toBe(false);
  });
});
