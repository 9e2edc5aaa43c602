import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../figures/state-hash.js';
import { replayCommands } from '../play/replay-commands.js';
import { GOLDEN_DEFINITIONS, GOLDEN_FORMAT, type GoldenGame, goldenSetup, playGolden } from '../test-support/golden-games.js';

// Games recorded before a refactoring (scripts/record-golden.ts) must come out the same after
// it: the same commands from the same strategies, and the same state at every round's end and at
// the end. Nothing in the game may change by accident.

const recorded = JSON.parse(readFileSync(new URL('./golden-games.json', import.meta.url), 'utf8')) as {
  format: string;
  games: GoldenGame[];
};

describe('golden games', () => {
  it('are the games defined in test-support/golden-games.ts', () => {
    expect(recorded.format).toBe(GOLDEN_FORMAT);
    expect(recorded.games.map((game) => game.name)).toEqual(GOLDEN_DEFINITIONS.map((game) => game.name));
  });

  for (const game of recorded.games) {
    describe(game.name, () => {
      it('replays to the recorded state hashes', () => {
        const hashes = new Map<number, string>();
        const wanted = new Set(game.checkpoints.map((checkpoint) => checkpoint.position));
        replayCommands(goldenSetup(game), game.commands, (step) => {
          if (wanted.has(step.position)) hashes.set(step.position, stateHash(step.game.state));
        });
        for (const checkpoint of game.checkpoints) expect(hashes.get(checkpoint.position), checkpoint.reason).toBe(checkpoint.hash);
      });

      it('is played again, command for command, by the same strategies and plans', () => {
        const again = playGolden(game);
        expect(again.commands).toEqual(game.commands);
        expect(again.checkpoints).toEqual(game.checkpoints);
      });
    });
  }
});
