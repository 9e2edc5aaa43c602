import type { Scenario } from '../scenario/scenario-schema.js';
import type { Customer, TeamState } from '../state/game-state.js';
import { clamp } from '../state/units.js';
import { REACTION } from './reaction-model.js';

// A team's customer totals are kept in step with every change instead of being recounted,
// so a tick does not have to walk hundreds of customers. Who is active only changes between
// rounds, where `recountCustomers` recomputes both totals from scratch.

export function customerValue(scenario: Scenario, customer: Customer): number {
  return scenario.segments[customer.segment]?.revenuePerRoundCents ?? 0;
}

/** Spend per point of loyalty: spend = spendSlope × (offset + loyalty), see reaction-model's spendFactor. */
export function spendSlope(scenario: Scenario, customer: Customer): number {
  const segment = scenario.segments[customer.segment];
  if (!segment) return 0;
  return segment.revenuePerRoundCents / (REACTION.spendLoyaltyOffset + segment.startingLoyalty);
}

export function recountCustomers(scenario: Scenario, team: TeamState): void {
  let revenue = 0;
  let weighted = 0;
  let spending = 0;
  let departed = 0;
  for (const customer of team.customers) {
    if (!customer.active) {
      // A customer who left never comes back (only prospects who never joined do).
      if (customer.leftRound >= 0) departed += customerValue(scenario, customer);
      continue;
    }
    const value = customerValue(scenario, customer);
    revenue += value;
    weighted += value * customer.loyalty;
    spending += spendSlope(scenario, customer) * (REACTION.spendLoyaltyOffset + customer.loyalty);
  }
  team.customerRevenuePerRoundCents = revenue;
  team.loyaltyWeightSum = weighted;
  team.spendPerRoundCents = spending;
  team.departedRevenuePerRoundCents = departed;
}

/** Moves one customer's loyalty (kept within 0..100), and the team's weighted totals with it. */
export function shiftLoyalty(scenario: Scenario, team: TeamState, customer: Customer, change: number): void {
  const before = customer.loyalty;
  customer.loyalty = clamp(before + change, 0, 100);
  if (customer.active) {
    const moved = customer.loyalty - before;
    team.loyaltyWeightSum += customerValue(scenario, customer) * moved;
    team.spendPerRoundCents += spendSlope(scenario, customer) * moved;
  }
}
