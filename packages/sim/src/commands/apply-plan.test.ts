import { describe, expect, it } from 'vitest';
import { planCost } from '../figures/plan-cost.js';
import { stateHash } from '../figures/state-hash.js';
import { teamView } from '../figures/team-view.js';
import { createGame } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import { OFFICE } from '../test-support/card-on-table.js';
import { applyCommand } from './apply-command.js';
import { applyPlan, planRejection } from './apply-plan.js';
import { planCommands, type TeamPlan } from './team-plan.js';

function inPlanning(seed = 5, teams = 2): Game {
  const game = createGame({ scenario: OFFICE, seed, teams, rounds: 3 });
  while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
  return game;
}

const plan = (change: Partial<TeamPlan> = {}): TeamPlan => ({
  build: [],
  retire: [],
  premiumPrices: {},
  optionPrices: {},
  hires: 0,
  restPercent: 0,
  ...change,
});

describe('applyPlan: a team’s whole plan, all or nothing', () => {
  it('applies every step and the commit, and returns the commands a log records', () => {
    const game = inPlanning();
    const stepByStep = inPlanning();
    const wanted = plan({ build: ['rush-delivery'], premiumPrices: { 'volume-quote': 900 }, hires: 1, restPercent: 10 });
    const result = applyPlan(game, 1, wanted);
    expect(result).toEqual({ ok: true, commands: planCommands(1, wanted, 0) });
    for (const command of planCommands(1, wanted, 0)) expect(applyCommand(stepByStep, command).ok).toBe(true);
    expect(stateHash(game.state)).toBe(stateHash(stepByStep.state));
    expect(game.state.teams[1]?.planCommitted).toBe(true);
  });

  it('refuses a plan whose last step fails and changes nothing, not even the steps before it', () => {
    const game = inPlanning();
    const before = stateHash(game.state);
    // Enough staff to pass the first steps, one hire too many at the end.
    const result = applyPlan(game, 0, plan({ build: ['rush-delivery'], hires: OFFICE.staff.max }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.code).toBe('staff-limit');
    expect(stateHash(game.state)).toBe(before);
  });

  it('takes one plan per team and round, and only in planning', () => {
    const game = inPlanning();
    expect(applyPlan(game, 0, plan()).ok).toBe(true);
    expect(planRejection(game, 0)?.code).toBe('plan-committed');
    const again = applyPlan(game, 0, plan({ hires: 1 }));
    expect(again.ok === false && again.rejection.code).toBe('plan-committed');
    expect(planRejection(game, 1)).toBeUndefined();
    expect(planRejection(game, 7)?.code).toBe('unknown-team');
    applyCommand(game, { type: 'startRound' });
    expect(planRejection(game, 1)?.code).toBe('wrong-phase');
    expect(applyPlan(game, 1, plan()).ok).toBe(false);
  });
});

describe('planCost', () => {
  it('is what the plan costs when committed and when the next round starts', () => {
    const game = inPlanning(7, 1);
    const team = game.state.teams[0];
    if (!team) throw new Error('team 0');
    expect(applyPlan(game, 0, plan({ build: ['rush-delivery'] })).ok).toBe(true);
    applyCommand(game, { type: 'startRound' });
    while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
    // Round 3's plan: keep rush delivery, retire nothing, build another, hire one.
    const wanted = plan({ build: ['volume-quote'], hires: 1 });
    const view = teamView(game, 0);
    if (!view) throw new Error('team 0');
    const cost = planCost(OFFICE, view, wanted);
    expect(cost.builds.map((build) => build.categoryId)).toEqual(['volume-quote']);
    expect(cost.hireCents).toBe(OFFICE.staff.hireCostCents);
    expect(cost.upkeepCents).toBe((view.optionOffers[0]?.upkeepPerRoundCents ?? 0) + (view.optionOffers[2]?.upkeepPerRoundCents ?? 0));
    const cash = team.cashCents;
    expect(applyPlan(game, 0, wanted).ok).toBe(true);
    applyCommand(game, { type: 'startRound' });
    expect(cash - team.cashCents).toBe(cost.totalCents);
  });

  it('charges no upkeep for an option the plan retires', () => {
    const game = inPlanning(7, 1);
    applyPlan(game, 0, plan({ build: ['rush-delivery'] }));
    applyCommand(game, { type: 'startRound' });
    while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
    const view = teamView(game, 0);
    if (!view) throw new Error('team 0');
    expect(planCost(OFFICE, view, plan({ retire: ['rush-delivery'] }))).toEqual({
      builds: [],
      hireCents: 0,
      upkeepCents: 0,
      totalCents: 0,
    });
  });
});
