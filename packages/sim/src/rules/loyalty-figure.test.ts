import { describe, expect, it } from 'vitest';
import { createGame } from '../state/create-game.js';
import { OFFICE } from '../test-support/card-on-table.js';
import { customerValue, recountCustomers } from './customer-totals.js';
import { valueWeightedLoyalty } from './team-measures.js';

function freshTeam() {
  const team = createGame({ scenario: OFFICE, seed: 7, teams: 1 }).state.teams[0];
  if (!team) throw new Error('a one-team game has a team 0');
  return team;
}

describe('the loyalty figure counts everyone who has been a customer', () => {
  it('a customer who left counts as zero loyalty, weighted by what they brought in', () => {
    const team = freshTeam();
    const before = valueWeightedLoyalty(team);
    const active = team.customers.filter((customer) => customer.active);
    const leaving = active[0];
    if (!leaving) throw new Error('no customer');
    const everyone = active.reduce((sum, customer) => sum + customerValue(OFFICE, customer), 0);
    leaving.active = false;
    leaving.leftRound = 1;
    recountCustomers(OFFICE, team);
    // The others' loyalty over everyone's value: the one who left adds value and no loyalty.
    expect(valueWeightedLoyalty(team)).toBeCloseTo((before * everyone - leaving.loyalty * customerValue(OFFICE, leaving)) / everyone, 6);
    expect(valueWeightedLoyalty(team)).toBeLessThan(before);
  });

  it('a team that lost its customers is not scored on its last newcomers: their fresh loyalty is diluted by everyone who left', () => {
    const team = freshTeam();
    const [newcomer, ...starters] = team.customers.filter((customer) => customer.active);
    if (!newcomer) throw new Error('no customer');
    for (const customer of starters) {
      customer.active = false;
      customer.leftRound = 3;
      customer.loyalty = 0;
    }
    recountCustomers(OFFICE, team);
    // Over active customers only this would be the newcomer's own, untouched starting loyalty.
    expect(newcomer.loyalty).toBeGreaterThan(30);
    expect(valueWeightedLoyalty(team)).toBeLessThan(newcomer.loyalty / 5);
  });

  it('prospects who never joined do not count', () => {
    const team = freshTeam();
    const before = valueWeightedLoyalty(team);
    expect(team.customers.some((customer) => !customer.active && customer.leftRound < 0)).toBe(true);
    recountCustomers(OFFICE, team);
    expect(valueWeightedLoyalty(team)).toBeCloseTo(before, 9);
  });
});
