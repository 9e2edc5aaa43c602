import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from './scenario/builtin-scenarios.js';
import type { Scenario } from './scenario/scenario-schema.js';
import { createGame } from './state/create-game.js';
import type { GameState } from './state/game-state.js';
import { intentArbitrary, playIntents } from './test-support/random-play.js';

/** Every number anywhere in the state, with its path, so a failure names the culprit. */
function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      numbersIn(item, `${path}[${index}]`, out);
    });
  } else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) numbersIn(item, `${path}.${key}`, out);
  return out;
}

/** The first broken invariant, or undefined. Plain checks: this runs after every command. */
function brokenInvariant(scenario: Scenario, state: GameState): string | undefined {
  for (const [path, value] of numbersIn(state)) if (!Number.isFinite(value)) return `${path} is ${value}`;
  if (state.tick < 0 || state.tick > state.config.ticksPerRound) return `tick ${state.tick} out of range`;
  if (state.round < 1 || state.round > state.config.rounds) return `round ${state.round} out of range`;
  for (const team of state.teams) {
    const name = `team ${team.index}`;
    if (team.cashCents !== scenario.startingCashCents + team.revenueCents - team.costsCents)
      return `${name}: cash is not start + revenue − costs`;
    if (![team.cashCents, team.revenueCents, team.costsCents].every(Number.isInteger)) return `${name}: money is not in whole cents`;
    if (team.revenueCents < 0 || team.costsCents < 0) return `${name}: negative revenue or costs`;
    if (team.reputation < 0 || team.reputation > 100) return `${name}: reputation ${team.reputation}`;
    if (team.backlogHours < 0) return `${name}: backlog ${team.backlogHours}`;
    // The backlog is the owed work, and no promise to a customer stays owed past its due tick.
    const owed = team.work.reduce((sum, item) => sum + item.hoursLeft, 0);
    if (Math.abs(owed - team.backlogHours) > 1e-6) return `${name}: backlog ${team.backlogHours} ≠ owed work ${owed}`;
    for (const item of team.work) {
      if (item.hoursLeft <= 0 || item.hoursLeft > item.hours + 1e-9)
        return `${name}: work item with ${item.hoursLeft} of ${item.hours} h left`;
      if (item.kind !== 'build' && state.phase === 'operations' && (item.dueTick ?? 0) < state.globalTick)
        return `${name}: a promise past its due tick`;
    }
    if (state.phase === 'ended' && (team.work.length > 0 || team.demands.length > 0)) return `${name}: work or cards left after the end`;
    if (team.staff.length < 1 || team.staff.length + team.plannedHires > scenario.staff.max)
      return `${name}: staff count ${team.staff.length}`;
    for (const member of team.staff)
      if (member.exhaustion < 0 || member.exhaustion > 100) return `${name}: exhaustion ${member.exhaustion}`;
    // Customer counts add up: starters, newcomers and prospects; only the joined and not left are active.
    if (team.customers.length !== scenario.customers.initial + scenario.customers.prospects) return `${name}: customer base size`;
    let active = 0;
    let joined = 0;
    let left = 0;
    for (const customer of team.customers) {
      if (customer.loyalty < 0 || customer.loyalty > 100) return `${name}: loyalty ${customer.loyalty}`;
      if (customer.active) active++;
      if (customer.joinedRound >= 0) joined++;
      if (customer.leftRound >= 0) left++;
      if (customer.active && customer.leftRound !== -1) return `${name}: an active customer has left`;
    }
    let revenue = 0;
    let weighted = 0;
    for (const customer of team.customers) {
      if (!customer.active) continue;
      const value = scenario.segments[customer.segment]?.revenuePerRoundCents ?? 0;
      revenue += value;
      weighted += value * customer.loyalty;
    }
    if (revenue !== team.customerRevenuePerRoundCents)
      return `${name}: running revenue total ${team.customerRevenuePerRoundCents} ≠ ${revenue}`;
    if (Math.abs(weighted - team.loyaltyWeightSum) > 1e-6 * Math.max(1, weighted)) return `${name}: running loyalty total drifted`;
    if (active !== joined - left) return `${name}: active ${active} ≠ joined ${joined} − left ${left}`;
    const joinedSinceStart = team.reports.reduce((sum, report) => sum + report.customersJoined, 0);
    const lostSinceStart = team.reports.reduce((sum, report) => sum + report.customersLost, 0);
    if (active !== scenario.customers.initial + joinedSinceStart - lostSinceStart)
      return `${name}: active customers disagree with the round reports`;
    for (const demand of team.demands) {
      if (!team.customers[demand.customerId]) return `${name}: demand from unknown customer`;
      if (demand.importance < 0 || demand.importance > 1) return `${name}: importance ${demand.importance}`;
    }
    const decided = Object.values(team.decisions).reduce((sum, count) => sum + count, 0);
    if (decided + team.demands.length !== team.nextDemandId - 1) return `${name}: demands decided + waiting ≠ demands raised`;
    for (const record of team.history) {
      if (record.loyalty < 0 || record.loyalty > 100 || record.exhaustion < 0 || record.exhaustion > 100)
        return `${name}: history out of range`;
    }
  }
  return undefined;
}

describe('invariants under random play', () => {
  it('hold after every command: finite numbers, ranges, cash ledger, customer counts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILTIN_SCENARIOS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(intentArbitrary, { minLength: 50, maxLength: 400 }),
        (scenario, seed, teams, intents) => {
          const game = createGame({ scenario, seed, teams, rounds: 3 });
          expect(brokenInvariant(scenario, game.state)).toBeUndefined();
          const broken: string[] = [];
          playIntents(game, intents, (_, command) => {
            const problem = brokenInvariant(scenario, game.state);
            if (problem && broken.length === 0) broken.push(`after ${JSON.stringify(command)}: ${problem}`);
          });
          expect(broken).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
