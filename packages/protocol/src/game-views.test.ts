import { applyCommand, createGame, findScenario, type Scenario, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { boardOf, boardSchema, decisionOutcomeSchema, decisionPreviewsSchema } from './index.js';

const scenario = findScenario('office-supplies') as Scenario;
const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

function gameAfter(ticks: number) {
  const game = createGame({ scenario, seed: 11, teams: 2, rounds: 2, ticksPerRound: 6, teamNames: ['A', 'B'] });
  for (let tick = 0; tick < ticks; tick++) applyCommand(game, { type: 'tick' });
  return game;
}

describe('a team’s board', () => {
  it('parses as the server builds it, in operations without the round report and in planning with it', () => {
    const game = gameAfter(4);
    const operations = boardSchema.parse(json(boardOf(game, 1)));
    expect(operations.team).toBe(1);
    expect(operations.cards.length).toBe(teamView(game, 1)?.cards.length);
    expect(operations.lastReport).toBeUndefined();
    expect(operations.optionOffers).toBeUndefined();
    for (let tick = 4; tick < 6; tick++) applyCommand(game, { type: 'tick' });
    const planning = boardSchema.parse(json(boardOf(game, 1)));
    expect(planning.phase).toBe('planning');
    expect(planning.lastReport?.round).toBe(1);
    expect(planning.optionOffers?.length).toBe(scenario.categories.length);
    expect(boardOf(game, 2)).toBeUndefined();
  });

  it('refuses a board with a field missing, of the wrong kind, or one it does not know', () => {
    const board = json(boardOf(gameAfter(4), 0)) as Record<string, unknown>;
    expect(boardSchema.safeParse({ ...board, figures: { profitCents: 1 } }).success).toBe(false);
    expect(boardSchema.safeParse({ ...board, cards: [{ customerName: 'Ada' }] }).success).toBe(false);
    expect(boardSchema.safeParse({ ...board, staff: 'three' }).success).toBe(false);
    expect(boardSchema.safeParse({ ...board, cashInTheSafe: 1 }).success).toBe(false);
  });
});

describe('previews and outcomes', () => {
  it('accept what the simulation produces and refuse anything else', () => {
    const game = gameAfter(4);
    const card = teamView(game, 0)?.cards[0];
    if (!card) throw new Error('cards arrived');
    expect(decisionPreviewsSchema.safeParse(json(card.previews)).success).toBe(true);
    expect(decisionPreviewsSchema.safeParse({ accommodate: {} }).success).toBe(false);
    const result = applyCommand(game, { type: 'decide', team: 0, demandId: card.demand.id, decision: 'no' });
    const outcome = result.ok ? result.outcomes.find((item) => item.kind === 'decision') : undefined;
    expect(decisionOutcomeSchema.parse(json(outcome)).resolution).toBe('no');
    expect(decisionOutcomeSchema.safeParse({ kind: 'decision' }).success).toBe(false);
  });
});
