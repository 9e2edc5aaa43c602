import type { TeamState } from '../state/game-state.js';

export function meanExhaustion(team: TeamState): number {
  if (team.staff.length === 0) return 0;
  let sum = 0;
  for (const member of team.staff) sum += member.exhaustion;
  return sum / team.staff.length;
}

/**
 * Loyalty of everyone who has been a customer, weighted by what each brings in per round; those
 * who left count as zero. Without them, a team that drove its customers away would be scored
 * on the few newcomers of the last round, still at their starting loyalty: doing nothing could
 * then outscore a gentle no (the lesson says ignoring customers bleeds loyalty).
 */
export function valueWeightedLoyalty(team: TeamState): number {
  const everyone = team.customerRevenuePerRoundCents + team.departedRevenuePerRoundCents;
  const weighted = everyone > 0 ? team.loyaltyWeightSum / everyone : 0;
  return Math.min(100, Math.max(0, weighted));
}

export function activeCustomerCount(team: TeamState): number {
  let count = 0;
  for (const customer of team.customers) if (customer.active) count++;
  return count;
}

export function isOptionLive(team: TeamState, category: number): boolean {
  return team.options.some((option) => option.category === category && option.status === 'live');
}

export function findOption(team: TeamState, category: number) {
  return team.options.find((option) => option.category === category);
}
