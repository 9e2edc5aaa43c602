import { applyCommand, createGame, findScenario, type Game, type Scenario, type TeamView, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { statusText } from './status-text';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');

function viewOf(game: Game): TeamView {
  const view = teamView(game, 0);
  if (!view) throw new Error('no team 0');
  return view;
}

function tick(game: Game, times = 1): void {
  for (let i = 0; i < times; i++) {
    const result = applyCommand(game, { type: 'tick' });
    if (!result.ok) throw new Error(result.rejection.reason);
  }
}

/** A game part-way through round 1 with demands waiting. */
function waitingGame(): Game {
  const game = createGame({ scenario: office, seed: 2, teams: 1 });
  tick(game, 3);
  if (viewOf(game).cards.length === 0) throw new Error('seed 2 should have demands waiting after 3 ticks');
  return game;
}

describe('statusText', () => {
  it('in operations says the round, the hour in progress (1-based, as on screen) and how many demands wait', () => {
    const view = viewOf(waitingGame());
    const text = statusText(view, 'EUR');
    // Three hours done: the fourth is in progress, as the clock above the cards shows.
    expect(text.split('. ')).toEqual(['Round 1 of 6', 'Operations', 'Hour 4 of 16', `Waiting demands ${view.cards.length}`]);
  });

  it('says the figures at the round end, profit in whole units of the currency given', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    tick(game, 16);
    const view = viewOf(game);
    const text = statusText(view, 'GBP');
    expect(text.split('. ').slice(0, 5)).toEqual([
      'Round 1 of 6',
      'Planning',
      expect.stringMatching(/^Profit −?£[\d,]+$/),
      `Exhaustion ${Math.round(view.figures.exhaustion.current)}`,
      `Loyalty ${Math.round(view.figures.loyalty)}`,
    ]);
  });

  it('follows the game length chosen', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1, rounds: 3, ticksPerRound: 12 });
    tick(game, 2);
    const text = statusText(viewOf(game), 'EUR');
    expect(text).toContain('Round 1 of 3');
    expect(text).toContain('Hour 3 of 12');
  });

  it('appends the extra note last', () => {
    const text = statusText(viewOf(waitingGame()), 'EUR', 'Paused');
    expect(text.endsWith('. Paused')).toBe(true);
  });

  it('drops the hour and the queue in planning', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1 });
    tick(game, 16);
    const text = statusText(viewOf(game), 'EUR');
    expect(text).toMatch(/^Round 1 of 6\. Planning\. Profit /);
    expect(text).not.toContain('Hour');
    expect(text).not.toContain('Waiting demands');
  });

  it('says the game is over at the end', () => {
    const game = createGame({ scenario: office, seed: 2, teams: 1, rounds: 1, ticksPerRound: 4 });
    tick(game, 4);
    const text = statusText(viewOf(game), 'EUR');
    expect(text).toMatch(/^Round 1 of 1\. Game over\. Profit /);
    expect(text).not.toContain('Hour');
  });
});
