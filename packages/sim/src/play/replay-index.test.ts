import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import { stateHash } from '../figures/state-hash.js';
import { BUILTIN_SCENARIOS } from '../scenario/builtin-scenarios.js';
import { copyPlain } from '../state/copy-plain.js';
import { createGame, type GameSetup } from '../state/create-game.js';
import { createStrategy } from '../strategies/create-strategy.js';
import { intentArbitrary, playIntents } from '../test-support/random-play.js';
import { playGame } from './play-game.js';
import { createReplayIndex } from './replay-index.js';

const scenario = BUILTIN_SCENARIOS[0];
if (!scenario) throw new Error('no scenario');

/** The reference: a fresh game with the first `position` commands applied. */
function fromScratch(setup: GameSetup, commands: readonly Command[], position: number): string {
  const game = createGame(setup);
  for (const command of commands.slice(0, position)) applyCommand(game, command);
  return stateHash(game.state);
}

// A whole 3-team game on short rounds: long enough for snapshots, marks and round ends.
const setup: GameSetup = { scenario, seed: 21, teams: 3, rounds: 3, ticksPerRound: 8 };
const played = playGame(setup, [createStrategy('strategist'), createStrategy('always-accommodate'), createStrategy('random', 3)]);

describe('the replay index', () => {
  it('seeking to any position, in any order, gives the state a replay from the start gives', () => {
    const index = createReplayIndex(setup, played.commands, { snapshotEvery: 3 });
    expect(index.length).toBe(played.commands.length);
    expect(stateHash(index.gameAt(index.length).state)).toBe(stateHash(played.game.state));
    fc.assert(
      fc.property(fc.array(fc.nat(played.commands.length), { minLength: 1, maxLength: 8 }), (positions) => {
        for (const position of positions)
          expect(stateHash(index.gameAt(position).state)).toBe(fromScratch(setup, played.commands, position));
      }),
      { numRuns: 40 },
    );
  });

  it('holds for random games, random snapshot spacings and random seeks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_SCENARIOS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(intentArbitrary, { maxLength: 200 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (randomScenario, seed, teams, intents, snapshotEvery, fractions) => {
          const randomSetup: GameSetup = { scenario: randomScenario, seed, teams, rounds: 2, ticksPerRound: 6 };
          const commands = playIntents(createGame(randomSetup), intents);
          const index = createReplayIndex(randomSetup, commands, { snapshotEvery });
          for (const fraction of fractions) {
            const position = Math.round(fraction * commands.length);
            expect(stateHash(index.gameAt(position).state)).toBe(fromScratch(randomSetup, commands, position));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands out independent copies: changing one leaves the index and later seeks untouched', () => {
    const index = createReplayIndex(setup, played.commands);
    const position = Math.floor(played.commands.length / 2);
    const first = index.gameAt(position);
    const hash = stateHash(first.state);
    applyCommand(first, { type: 'tick' });
    const team = first.state.teams[0];
    if (team) team.cashCents = -1;
    expect(stateHash(index.gameAt(position).state)).toBe(hash);
  });

  it('finds the start of every tick, and the state there is the one just after that tick command', () => {
    const index = createReplayIndex(setup, played.commands);
    expect(index.lastTick).toBe(played.game.state.globalTick);
    expect(index.positionOfTick(0)).toBe(0);
    for (let tick = 1; tick <= index.lastTick; tick++) {
      const position = index.positionOfTick(tick);
      expect(played.commands[position - 1]?.type).toBe('tick');
      expect(index.tickAt(position)).toBe(tick);
      expect(index.tickAt(position - 1)).toBe(tick - 1);
      expect(index.stateAt(tick).globalTick).toBe(tick);
    }
    expect(index.positionOfTick(index.lastTick + 5)).toBe(index.length);
    expect(index.phaseAt(index.length)).toBe('ended');
    expect(index.phaseAt(-3)).toBe('operations');
  });

  it('marks every decision, every key moment and every round end, in log order', () => {
    const index = createReplayIndex(setup, played.commands);
    const decisions = played.commands.filter((command) => command.type === 'decide');
    expect(index.marks.filter((mark) => mark.kind === 'decision')).toHaveLength(decisions.length);
    const moments = played.game.state.teams.flatMap((team) => team.keyMoments.map((moment) => ({ team: team.index, ...moment })));
    const momentMarks = index.marks.filter((mark) => mark.kind === 'key-moment');
    expect(momentMarks.length).toBe(moments.length);
    for (const mark of momentMarks) {
      // At its position the moment is there; just before, it was not yet.
      const count = (position: number) => index.gameAt(position).state.teams[mark.team]?.keyMoments.length ?? 0;
      expect(count(mark.position)).toBeGreaterThan(count(mark.position - 1));
    }
    expect(index.marks.filter((mark) => mark.kind === 'round-end').map((mark) => mark.kind === 'round-end' && mark.round)).toEqual([
      1, 2, 3,
    ]);
    const positions = index.marks.map((mark) => mark.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('jumps to the next and previous mark, optionally of some kinds only', () => {
    const index = createReplayIndex(setup, played.commands);
    const first = index.marks[0];
    expect(index.nextMark(0)).toBe(first);
    expect(index.previousMark(0)).toBeUndefined();
    expect(index.nextMark(index.length)).toBeUndefined();
    const roundEnds = index.marks.filter((mark) => mark.kind === 'round-end');
    const [end1, end2] = roundEnds;
    if (!end1 || !end2) throw new Error('two rounds ended');
    expect(index.nextMark(end1.position, ['round-end'])).toBe(end2);
    expect(index.previousMark(end2.position, ['round-end'])).toBe(end1);
    // Walking forward visits every mark at a later position than the one before.
    let position = 0;
    let visited = 0;
    for (let mark = index.nextMark(position); mark; mark = index.nextMark(position)) {
      expect(mark.position).toBeGreaterThan(position);
      position = mark.position;
      visited++;
    }
    expect(visited).toBe(new Set(index.marks.map((mark) => mark.position)).size);
  });

  it('refuses a log the game does not accept, naming the command', () => {
    expect(() => createReplayIndex(setup, [{ type: 'tick' }, { type: 'startRound' }])).toThrow(/Command 2 .* does not apply/);
  });

  it('copies plain data exactly, keys in order', () => {
    const state = played.game.state;
    const copy = copyPlain(state);
    expect(copy).not.toBe(state);
    expect(copy.teams[0]).not.toBe(state.teams[0]);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(state));
  });
});
