import type { TeamState } from '../state/game-state.js';
import { type Cents, toCents } from '../state/units.js';

// Every movement of money goes through these two functions, which keeps the invariant
// cash = starting cash + revenue − costs true at every moment.

export function earn(team: TeamState, amount: number): Cents {
  const cents = toCents(amount);
  team.cashCents += cents;
  team.revenueCents += cents;
  team.roundReport.revenueCents += cents;
  return cents;
}

export function spend(team: TeamState, amount: number): Cents {
  const cents = toCents(amount);
  team.cashCents -= cents;
  team.costsCents += cents;
  team.roundReport.costsCents += cents;
  return cents;
}
