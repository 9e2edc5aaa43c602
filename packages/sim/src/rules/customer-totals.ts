import type { Scenario } from '../scenario/scenario-schema.js';
import type { Customer, TeamState } from '../state/game-state.js';
import { clamp } from '../state/units.js';

// A team's customer totals are kept in step with every change instead of being recounted,
// so a tick does not have to walk hundreds of customers. Who is active only changes between
// rounds, where `recountCustomers` recomputes both totals from scratch.

export function customerValue(scenario: Scenario, customer: Customer): number {
  return scenario.segments[customer.segment]?.revenuePerRoundCents ?? 0;
}

export function recountCustomers(scenario: Scenario, team: TeamState): void {
  let revenue = 0;
  let weighted = 0;
  for (const customer of team.customers) {
    if (!customer.active) continue;
    const value = customerValue(scenario, customer);
    revenue += value;
    weighted += value * customer.loyalty;
  }
  team.customerRevenuePerRoundCents = revenue;
  team.loyaltyWeightSum = weighted;
}

/** Moves one customer's loyalty (kept within 0..100) and the team's weighted total with it. */
export function shiftLoyalty(scenario: Scenario, team: TeamState, customer: Customer, change: number): void {
  const before = customer.loyalty;
  customer.loyalty = clamp(before + change, 0, 100);
  if (customer.active) team.loyaltyWeightSum += customerValue(scenario, customer) * (customer.loyalty - before);
}
