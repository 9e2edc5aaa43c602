import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import { findScenario } from '../scenario/builtin-scenarios.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { createGame } from '../state/create-game.js';
import { stateHash, stateJsonPieces, TextHash } from './state-hash.js';

const scenario = findScenario('office-supplies') as Scenario;

describe('the state hash, a piece at a time', () => {
  it('gives the same text and the same hash as the whole state at once, at every round end of a game', () => {
    const game = createGame({ scenario, seed: 12, teams: 3, rounds: 3, ticksPerRound: 8 });
    let checked = 0;
    while (game.state.phase !== 'ended') {
      if (game.state.phase === 'planning') applyCommand(game, { type: 'startRound' });
      const card = game.state.teams[1]?.demands[0];
      if (card) applyCommand(game, { type: 'decide', team: 1, demandId: card.id, decision: 'premium' });
      applyCommand(game, { type: 'tick' });
      if (game.state.phase === 'operations') continue;
      const pieces = [...stateJsonPieces(game.state)];
      expect(pieces.length).toBeGreaterThan(game.state.teams.length);
      expect(pieces.join('')).toBe(JSON.stringify(game.state));
      const hash = new TextHash();
      for (const piece of pieces) hash.update(piece);
      expect(hash.digest()).toBe(stateHash(game.state));
      checked++;
    }
    expect(checked).toBe(3);
  });
});
