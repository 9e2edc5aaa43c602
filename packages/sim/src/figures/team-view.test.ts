import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../scenario/builtin-scenarios.js';
import { createGame } from '../state/create-game.js';
import { intentArbitrary, playIntents } from '../test-support/random-play.js';
import { teamBoard, teamView } from './team-view.js';

describe('teamBoard', () => {
  it('is the team view with its figures and without card previews', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_SCENARIOS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(intentArbitrary, { maxLength: 150 }),
        (scenario, seed, teams, intents) => {
          const game = createGame({ scenario, seed, teams });
          playIntents(game, intents);
          for (let team = 0; team < teams; team++) {
            const view = teamView(game, team);
            if (!view) throw new Error(`no view of team ${team}`);
            const { cards, figures, ...rest } = view;
            expect(teamBoard(game, team)).toEqual({
              ...rest,
              figures,
              cards: cards.map(({ previews, ...card }) => card),
            });
          }
          expect(teamBoard(game, teams)).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
  });
});
