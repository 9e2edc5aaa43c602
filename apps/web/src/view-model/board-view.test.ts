import { boardOf } from '@ttc/protocol';
import { applyCommand, createGame, findScenario, type Scenario, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { accumulateFigures, boardView, globalTickText, hourOfRound, hourText } from './board-view';

const scenario = findScenario('office-supplies') as Scenario;

/** A board as the server sends it (the protocol's boardOf, through JSON), and the team's full view. */
function serverBoard(ticks = 4) {
  const game = createGame({ scenario, seed: 11, teams: 2, rounds: 2, ticksPerRound: 6, teamNames: ['A', 'B'] });
  for (let tick = 0; tick < ticks; tick++) applyCommand(game, { type: 'tick' });
  const view = teamView(game, 1);
  const board = boardOf(game, 1);
  if (!view || !board) throw new Error('team 1 exists');
  return { game, view, board: JSON.parse(JSON.stringify(board)) as typeof board };
}

describe('boardView', () => {
  it('gives each card the previews asked for so far, and none to the others', () => {
    const { board, view } = serverBoard();
    const first = view.cards[0];
    if (!first) throw new Error('cards arrived');
    const shown = boardView(board, new Map([[first.demand.id, first.previews]]));
    expect(shown.cards[0]?.previews).toEqual(first.previews);
    expect(shown.cards.slice(1).every((card) => card.previews === undefined)).toBe(true);
    expect('planCommitted' in shown).toBe(false);
    // Operations boards carry no option offers: the view has none rather than none defined.
    expect(shown.optionOffers).toEqual([]);
  });
});

describe('accumulateFigures', () => {
  const figures = (profitCents: number) => ({ profitCents, exhaustion: { current: 10, mean: 5, peak: 12 }, loyalty: 60 });
  it('adds one point per hour and updates the hour’s point when a board comes after a decision', () => {
    let history = accumulateFigures([], { round: 1, tick: 1, phase: 'operations', figures: figures(100) } as never);
    history = accumulateFigures(history, { round: 1, tick: 1, phase: 'operations', figures: figures(150) } as never);
    history = accumulateFigures(history, { round: 1, tick: 2, phase: 'operations', figures: figures(200) } as never);
    expect(history.map((point) => point.profitCents)).toEqual([150, 200]);
    expect(history[0]?.exhaustion).toBe(10);
  });

  it('keeps only the most recent points', () => {
    let history: ReturnType<typeof accumulateFigures> = [];
    for (let tick = 0; tick < 10; tick++)
      history = accumulateFigures(history, { round: 1, tick, phase: 'operations', figures: figures(tick) } as never, 4);
    expect(history.map((point) => point.profitCents)).toEqual([6, 7, 8, 9]);
  });
});

describe('hours as people see them', () => {
  it('counts from 1: the hour under way after some hours of the round are done', () => {
    expect(hourOfRound(0, 12)).toBe(1);
    expect(hourOfRound(4, 12)).toBe(5);
    // The round's last tick done: still its last hour, never "13 of 12".
    expect(hourOfRound(12, 12)).toBe(12);
    expect(hourText(4, 12)).toBe('Hour 5 of 12');
  });

  it('reads a global tick as the round and hour, or the end of a round', () => {
    expect(globalTickText(0, 6)).toEqual({ round: 1, hour: 1, text: 'Round 1 · Hour 1' });
    expect(globalTickText(8, 6)).toEqual({ round: 2, hour: 3, text: 'Round 2 · Hour 3' });
    expect(globalTickText(12, 6)).toEqual({ round: 2, hour: undefined, text: 'End of round 2' });
  });
});
