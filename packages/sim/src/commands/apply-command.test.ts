import { describe, expect, it } from 'vitest';
import { stateHash } from '../figures/state-hash.js';
import { findScenario } from '../scenario/builtin-scenarios.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { createGame } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import { applyCommand } from './apply-command.js';
import type { Command } from './command-schema.js';

const scenario = findScenario('office-supplies') as Scenario;

function newGame(teams = 1): Game {
  return createGame({ scenario, seed: 42, teams });
}

/** Ticks until team 0 has a waiting demand. */
function gameWithDemand(): Game {
  const game = newGame();
  while ((game.state.teams[0]?.demands.length ?? 0) === 0) applyCommand(game, { type: 'tick' });
  return game;
}

function toPlanning(game: Game): void {
  while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
}

function expectRejected(game: Game, command: Command, code: string): void {
  const before = stateHash(game.state);
  const result = applyCommand(game, command);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.rejection.code).toBe(code);
    expect(result.rejection.reason.length).toBeGreaterThan(10);
  }
  expect(stateHash(game.state)).toBe(before);
}

describe('rejected commands leave the state unchanged', () => {
  it('an unknown demand', () =>
    expectRejected(gameWithDemand(), { type: 'decide', team: 0, demandId: 9999, decision: 'no' }, 'unknown-demand'));

  it('a demand already decided', () => {
    const game = gameWithDemand();
    const demandId = game.state.teams[0]?.demands[0]?.id ?? 0;
    expect(applyCommand(game, { type: 'decide', team: 0, demandId, decision: 'no' }).ok).toBe(true);
    expectRejected(game, { type: 'decide', team: 0, demandId, decision: 'accommodate' }, 'already-decided');
  });

  it('offering an option that is not built', () => {
    const game = gameWithDemand();
    expectRejected(
      game,
      { type: 'decide', team: 0, demandId: game.state.teams[0]?.demands[0]?.id ?? 0, decision: 'option' },
      'option-not-live',
    );
  });

  it('planning during operations, and time during planning', () => {
    const game = gameWithDemand();
    expectRejected(game, { type: 'buildOption', team: 0, category: 'rush-delivery' }, 'wrong-phase');
    expectRejected(game, { type: 'startRound' }, 'wrong-phase');
    toPlanning(game);
    expectRejected(game, { type: 'tick' }, 'wrong-phase');
  });

  it('deciding after the game has ended', () => {
    const game = newGame();
    while (game.state.phase !== 'ended') {
      toPlanning(game);
      if (game.state.phase === 'planning') applyCommand(game, { type: 'startRound' });
    }
    expectRejected(game, { type: 'decide', team: 0, demandId: 1, decision: 'no' }, 'wrong-phase');
  });

  it('an option already built, an unknown category, and retiring nothing', () => {
    const game = newGame();
    toPlanning(game);
    expect(applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' }).ok).toBe(true);
    expectRejected(game, { type: 'buildOption', team: 0, category: 'rush-delivery' }, 'option-exists');
    expectRejected(game, { type: 'buildOption', team: 0, category: 'teleportation' }, 'unknown-category');
    expectRejected(game, { type: 'retireOption', team: 0, category: 'volume-quote' }, 'unknown-option');
  });

  it('not enough cash', () => {
    const expensive = { ...scenario, staff: { ...scenario.staff, hireCostCents: 90_000_000 } };
    const game = createGame({ scenario: expensive, seed: 1 });
    toPlanning(game);
    expectRejected(game, { type: 'hire', team: 0, count: 1 }, 'not-enough-cash');
  });

  it('too many staff, an unknown team, an unknown event, an out-of-range price', () => {
    const game = newGame();
    toPlanning(game);
    expectRejected(game, { type: 'hire', team: 0, count: scenario.staff.max }, 'staff-limit');
    expectRejected(game, { type: 'setRest', team: 3, percent: 10 }, 'unknown-team');
    expectRejected(game, { type: 'injectEvent', target: 'all', eventId: 'alien-invasion' }, 'unknown-event');
    expectRejected(game, { type: 'setPremiumPrice', team: 0, category: 'rush-delivery', priceCents: 99_000_000 }, 'invalid-value');
  });

  it('malformed commands are rejected, not thrown', () => {
    const game = newGame();
    for (const garbage of [
      null,
      42,
      'tick',
      {},
      { type: 'explode' },
      { type: 'decide', team: -1, demandId: 1, decision: 'no' },
      { type: 'tick', extra: 1 },
    ]) {
      expectRejected(game, garbage as unknown as Command, 'invalid-command');
    }
  });

  it('anything after the game has ended', () => {
    const game = createGame({ scenario, seed: 3, rounds: 1 });
    toPlanning(game);
    expect(game.state.phase).toBe('ended');
    expectRejected(game, { type: 'tick' }, 'wrong-phase');
  });
});

describe('decisions', () => {
  it('accommodating adds the one-off hours to the backlog and charges nothing', () => {
    const game = gameWithDemand();
    const team = game.state.teams[0];
    const demand = team?.demands[0];
    if (!team || !demand) throw new Error('no demand');
    const backlog = team.backlogHours;
    const revenue = team.revenueCents;
    const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'accommodate' });
    expect(result.ok).toBe(true);
    expect(team.backlogHours).toBeCloseTo(backlog + demand.oneOffHours);
    expect(team.revenueCents).toBe(revenue);
    expect(team.decisions.accommodate).toBe(1);
  });

  it('a gentle no costs no staff time and loses some loyalty', () => {
    const game = gameWithDemand();
    const team = game.state.teams[0];
    const demand = team?.demands[0];
    if (!team || !demand) throw new Error('no demand');
    const customer = team.customers[demand.customerId];
    const loyalty = customer?.loyalty ?? 0;
    const backlog = team.backlogHours;
    applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'no' });
    expect(team.backlogHours).toBe(backlog);
    expect(customer?.loyalty).toBeLessThan(loyalty);
  });

  it('an accepted premium earns its price', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 20 && accepted === 0; seed++) {
      const game = createGame({ scenario, seed });
      while ((game.state.teams[0]?.demands.length ?? 0) === 0) applyCommand(game, { type: 'tick' });
      const team = game.state.teams[0];
      const demand = team?.demands[0];
      if (!team || !demand) continue;
      const revenue = team.revenueCents;
      const result = applyCommand(game, { type: 'decide', team: 0, demandId: demand.id, decision: 'premium' });
      const outcome = result.ok ? result.outcomes[0] : undefined;
      if (outcome?.kind === 'decision' && outcome.accepted) {
        accepted++;
        expect(team.revenueCents - revenue).toBe(team.premiumPriceCents[demand.category]);
      }
    }
    expect(accepted).toBe(1);
  });

  it('ignored demands expire when their patience runs out', () => {
    const game = newGame();
    while (game.state.phase === 'operations' && game.state.round === 1 && game.state.tick < 12) applyCommand(game, { type: 'tick' });
    expect(game.state.teams[0]?.decisions.ignored).toBeGreaterThan(0);
  });

  it('a built option goes live after its build time and customers then use it on their own', () => {
    const game = newGame();
    toPlanning(game);
    applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    applyCommand(game, { type: 'startRound' });
    while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
    const team = game.state.teams[0];
    expect(team?.options[0]?.status).toBe('live');
    expect(team?.keyMoments.some((moment) => moment.kind === 'option-live')).toBe(true);
    expect(team?.selfServiceUses).toBeGreaterThan(0);
  });

  it('an injected event reaches only its target team', () => {
    const game = newGame(2);
    const result = applyCommand(game, { type: 'injectEvent', target: 1, eventId: 'flu-season' });
    expect(result.ok).toBe(true);
    expect(game.state.teams[0]?.activeEvents).toEqual([]);
    expect(game.state.teams[1]?.activeEvents.map((event) => event.eventId)).toEqual(['flu-season']);
  });
});

describe('a late answer: a card still waiting when the round ends', () => {
  /** Ticks to the round's end with a card still waiting for team 0. */
  function planningWithCarriedCard(): Game {
    for (let seed = 1; seed < 50; seed++) {
      const game = createGame({ scenario, seed, teams: 1 });
      toPlanning(game);
      if ((game.state.teams[0]?.demands.length ?? 0) > 0) return game;
    }
    throw new Error('no seed leaves a card waiting at the round end');
  }

  it('is decided in planning, counted in the next round, and the same in a replay', () => {
    const game = planningWithCarriedCard();
    const demandId = game.state.teams[0]?.demands[0]?.id ?? 0;
    const round = game.state.round;
    const result = applyCommand(game, { type: 'decide', team: 0, demandId, decision: 'accommodate' });
    expect(result.ok).toBe(true);
    expect(game.state.phase).toBe('planning');
    expect(game.state.teams[0]?.demands.some((demand) => demand.id === demandId)).toBe(false);
    // The round just ended keeps its report; the answer belongs to the round the card carried into.
    expect(game.state.teams[0]?.roundReport.round).toBe(round + 1);
    const answered = game.state.teams[0]?.roundReport.categories.reduce((sum, stats) => sum + stats.resolutions.accommodate, 0);
    expect(answered).toBe(1);
    const again = planningWithCarriedCard();
    applyCommand(again, { type: 'decide', team: 0, demandId, decision: 'accommodate' });
    expect(stateHash(again.state)).toBe(stateHash(game.state));
    expectRejected(game, { type: 'decide', team: 0, demandId, decision: 'no' }, 'already-decided');
  });
});
