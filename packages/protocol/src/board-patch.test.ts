import { applyCommand, createGame, findScenario, type Game, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import {
  applyBoardPatch,
  type Board,
  BoardHolder,
  type BoardMessage,
  boardOf,
  boardPatch,
  boardPatchMessageSchema,
  boardPatchSchema,
  parseServerPush,
} from './index.js';

const scenario = findScenario('office-supplies') as Scenario;
/** Through JSON, as a board crosses the wire. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function newGame(): Game {
  return createGame({ scenario, seed: 5, teams: 2, rounds: 3, ticksPerRound: 6, teamNames: ['A', 'B'] });
}

/** Every board team 0 would be sent over a game: after each hour, and after each decision (its first card, answered). */
function boardsOfAGame(): Board[] {
  const game = newGame();
  const boards: Board[] = [];
  const board = () => boards.push(wire(boardOf(game, 0) as Board));
  board();
  while (game.state.phase !== 'ended') {
    if (game.state.phase === 'planning') applyCommand(game, { type: 'startRound' });
    const card = game.state.teams[0]?.demands[0];
    if (card) {
      applyCommand(game, { type: 'decide', team: 0, demandId: card.id, decision: 'accommodate' });
      board();
    }
    applyCommand(game, { type: 'tick' });
    board();
  }
  return boards;
}

describe('board patches', () => {
  const boards = boardsOfAGame();

  it('give back the next board exactly, through JSON and the schema, at a fraction of its size', () => {
    let patched = 0;
    let patchBytes = 0;
    let wholeBytes = 0;
    for (let index = 1; index < boards.length; index++) {
      const [base, next] = [boards[index - 1] as Board, boards[index] as Board];
      const patch = boardPatch(base, next);
      if (!patch) continue;
      patched++;
      const sent = boardPatchSchema.parse(wire(patch));
      expect(applyBoardPatch(base, sent)).toEqual(next);
      patchBytes += JSON.stringify(patch).length;
      wholeBytes += JSON.stringify(next).length;
    }
    expect(patched).toBeGreaterThan(boards.length / 2);
    expect(patchBytes).toBeLessThan(wholeBytes / 2);
  });

  it('keep every waiting card’s id where a whole board has it, in order', () => {
    for (let index = 1; index < boards.length; index++) {
      const patch = boardPatch(boards[index - 1] as Board, boards[index] as Board);
      if (patch) expect(patch.cards.map((card) => card.demand.id)).toEqual(boards[index]?.cards.map((card) => card.demand.id));
    }
  });

  it('are not made across a round or a phase: those boards go whole', () => {
    const changes = boards.filter((board, index) => index > 0 && board.phase !== boards[index - 1]?.phase);
    expect(changes.length).toBeGreaterThan(0);
    for (let index = 1; index < boards.length; index++) {
      const [base, next] = [boards[index - 1] as Board, boards[index] as Board];
      if (base.phase !== next.phase || base.round !== next.round) expect(boardPatch(base, next)).toBeUndefined();
    }
  });

  it('do not apply to a board without a card they name', () => {
    const index = boards.findIndex((board, at) => at > 0 && (boards[at - 1]?.cards.length ?? 0) > 0 && board.cards.length > 0);
    const [base, next] = [boards[index - 1] as Board, boards[index] as Board];
    const patch = boardPatch(base, next);
    if (!patch) throw new Error('expected a patch');
    expect(applyBoardPatch({ ...base, cards: [] }, patch)).toBeUndefined();
  });

  it('do not give a board from a new card that is not whole', () => {
    const index = boards.findIndex(
      (board, at) => at > 0 && board.cards.some((card) => !boards[at - 1]?.cards.some((held) => held.demand.id === card.demand.id)),
    );
    const [base, next] = [boards[index - 1] as Board, boards[index] as Board];
    const patch = boardPatch(base, next);
    if (!patch) throw new Error('expected a patch with a new card');
    const cards = patch.cards.map((card) => ('customerId' in card.demand ? { demand: card.demand, ticksLeft: 1 } : card));
    expect(boardPatchSchema.safeParse({ ...patch, cards }).success).toBe(true);
    expect(applyBoardPatch(base, { ...patch, cards })).toBeUndefined();
  });
});

describe('a client’s board holder', () => {
  const boards = boardsOfAGame();
  const [first, second, third] = boards as [Board, Board, Board];
  const whole = (version: number, board: Board): BoardMessage => ({ type: 'board', version, board });
  const patch = (version: number, base: Board, next: Board) =>
    boardPatchMessageSchema.parse(wire({ type: 'board', version, base: version - 1, board: boardPatch(base, next) }));

  it('follows whole boards and patches in order, and asks once for the whole board when a version is missed', () => {
    const holder = new BoardHolder();
    expect(holder.receive(whole(1, first))).toEqual({ kind: 'board', message: whole(1, first) });
    expect(holder.receive(patch(2, first, second))).toEqual({ kind: 'board', message: whole(2, second) });
    // Version 3 never arrives: 4 does not follow.
    const missed = patch(4, third, third);
    expect(holder.receive(missed)).toEqual({ kind: 'resync', team: 0 });
    expect(holder.receive({ ...missed, version: 5, base: 4 })).toEqual({ kind: 'stale' });
    expect(holder.latest(0)?.version).toBe(2);
    // The whole board the resync brings, and the patches after it.
    expect(holder.receive(whole(5, third)).kind).toBe('board');
    expect(holder.receive(patch(6, third, third))).toEqual({ kind: 'board', message: whole(6, third) });
  });

  it('parses a patch off the wire as a patch and a whole board as a message', () => {
    expect(parseServerPush(wire(patch(2, first, second)))).toMatchObject({ type: 'board', base: 1 });
    expect(parseServerPush(wire(whole(1, first)))).toEqual(whole(1, first));
    expect(parseServerPush({ type: 'board', version: 2, base: 1, board: { team: 0 } })).toBeUndefined();
  });
});
