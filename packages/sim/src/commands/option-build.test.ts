import { describe, expect, it } from 'vitest';
import { teamView } from '../figures/team-view.js';
import { promiseWork } from '../rules/work-queue.js';
import { createGame } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { OFFICE } from '../test-support/card-on-table.js';
import { applyCommand } from './apply-command.js';

const RUSH = OFFICE.categories.findIndex((category) => category.id === 'rush-delivery');
const rush = OFFICE.categories[RUSH];

function inPlanning(seed = 5): { game: Game; team: TeamState } {
  const game = createGame({ scenario: OFFICE, seed, rounds: 3 });
  while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
  const team = game.state.teams[0];
  if (!team || !rush) throw new Error('no team');
  return { game, team };
}

describe('building an option takes staff hours, and they are plain to see', () => {
  it('the planning view shows each option’s build money and hours before anything is built', () => {
    const { game } = inPlanning();
    const offer = teamView(game, 0)?.optionOffers[RUSH];
    expect(offer).toMatchObject({
      categoryId: 'rush-delivery',
      status: 'none',
      buildCostCents: rush?.option.buildCostCents,
      buildStaffHours: rush?.option.buildStaffHours,
      buildHoursLeft: 0,
      lastRound: null,
    });
  });

  it('ordering a build puts its hours on the backlog as build work, apart from customer work', () => {
    const { game, team } = inPlanning();
    const backlog = team.backlogHours;
    expect(applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' }).ok).toBe(true);
    expect(team.backlogHours).toBeCloseTo(backlog + (rush?.option.buildStaffHours ?? 0));
    expect(team.work.filter((item) => item.kind === 'build')).toMatchObject([
      {
        category: RUSH,
        customerId: null,
        hours: rush?.option.buildStaffHours,
        dueTick: game.state.globalTick + (rush?.option.buildTicks ?? 0),
      },
    ]);
    expect(teamView(game, 0)?.optionOffers[RUSH]).toMatchObject({ status: 'building', buildHoursLeft: rush?.option.buildStaffHours });
  });

  it('the option goes live only once its build hours are worked, and the round report counts them as build hours', () => {
    const { game, team } = inPlanning();
    // Customers' promises due in the first two hours come first and take those hours' work.
    const start = game.state.globalTick;
    for (const due of [start + 1, start + 2]) {
      promiseWork(team, {
        kind: 'accommodate',
        demandId: null,
        customerId: 0,
        category: 1,
        hours: 4.5,
        hoursLeft: 4.5,
        promisedTick: start,
        dueTick: due,
        importance: 0.5,
        stakes: 1,
        loyaltyGain: 0,
        refundCents: 0,
      });
    }
    applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    applyCommand(game, { type: 'startRound' });
    const liveAt = team.options[0]?.liveAtTick ?? 0;
    while (game.state.globalTick <= liveAt) applyCommand(game, { type: 'tick' });
    expect(team.options[0]?.status).toBe('building');
    while (team.options[0]?.status === 'building' && game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
    expect(team.options[0]?.status).toBe('live');
    expect(game.state.globalTick).toBeGreaterThan(liveAt + 1);
    expect(team.roundReport.buildHoursWorked).toBeCloseTo(rush?.option.buildStaffHours ?? 0);
    expect(team.keyMoments.some((moment) => moment.kind === 'option-live')).toBe(true);
  });

  it('retiring an option still being built drops its build work', () => {
    const { game, team } = inPlanning();
    applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    applyCommand(game, { type: 'retireOption', team: 0, category: 'rush-delivery' });
    expect(team.work.some((item) => item.kind === 'build')).toBe(false);
  });

  it('after a round live, the planning view says whether the option paid its upkeep', () => {
    const { game, team } = inPlanning();
    applyCommand(game, { type: 'buildOption', team: 0, category: 'rush-delivery' });
    applyCommand(game, { type: 'startRound' });
    while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
    const stats = team.reports[1]?.categories[RUSH];
    const offer = teamView(game, 0)?.optionOffers[RUSH];
    expect(stats?.optionUpkeepCents).toBe(rush?.option.upkeepPerRoundCents);
    expect(offer?.lastRound).toEqual({
      uses: stats?.optionUses,
      selfServed: stats?.selfServed,
      revenueCents: stats?.optionRevenueCents,
      useCostsCents: stats?.optionUseCostsCents,
      upkeepCents: stats?.optionUpkeepCents,
      paidUpkeep: (stats?.optionRevenueCents ?? 0) - (stats?.optionUseCostsCents ?? 0) >= (stats?.optionUpkeepCents ?? 0),
    });
    expect(offer?.lastRound?.uses).toBeGreaterThan(0);
  });
});
