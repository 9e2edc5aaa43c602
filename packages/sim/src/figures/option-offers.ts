import { upkeepPerRound } from '../rules/round-transitions.js';
import { findOption } from '../rules/team-measures.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { type Cents, type Hours, toCents } from '../state/units.js';

/** How a live option did in the last finished round: what its users paid, what it cost, whether it paid its way. */
export interface OptionRoundResult {
  /** Uses, steered and self-served, and how many of them were self-served. */
  uses: number;
  selfServed: number;
  revenueCents: Cents;
  /** Per-use costs, and the upkeep paid at the round's start. */
  useCostsCents: Cents;
  upkeepCents: Cents;
  /** Prices − per-use costs ≥ upkeep. */
  paidUpkeep: boolean;
}

/**
 * A category's standard option as the planning screen offers it: what building it costs in
 * money and in staff hours (the hours join the backlog and are worked first thing next round,
 * before the option goes live), what keeping it costs, and how it did last round.
 */
export interface OptionOffer {
  category: number;
  categoryId: string;
  name: string;
  status: 'none' | 'building' | 'live';
  buildCostCents: Cents;
  buildStaffHours: Hours;
  /** Build hours still to be worked (0 unless building). */
  buildHoursLeft: Hours;
  /** Operations ticks after the next round starts before it can go live. */
  buildTicks: number;
  /** Upkeep per round of this game's length, paid at the start of every round after it is ordered. */
  upkeepPerRoundCents: Cents;
  /** The team's price for it once built (the scenario's until built). */
  priceCents: Cents;
  perUseCostCents: Cents;
  staffHoursPerUse: Hours;
  /** How it did in the last finished round, when it was live then. */
  lastRound: OptionRoundResult | null;
}

function buildHoursLeft(team: TeamState, category: number): Hours {
  let left = 0;
  for (const item of team.work) if (item.kind === 'build' && item.category === category) left += item.hoursLeft;
  return left;
}

/** Every category's option offer for one team, in category order. */
export function optionOffers(game: Game, team: TeamState): OptionOffer[] {
  const report = team.reports[team.reports.length - 1];
  return game.scenario.categories.map((category, index) => {
    const option = findOption(team, index);
    const stats = report?.categories[index];
    const paidUpkeep = stats?.optionPaidUpkeep ?? null;
    return {
      category: index,
      categoryId: category.id,
      name: category.name,
      status: option?.status ?? 'none',
      buildCostCents: category.option.buildCostCents,
      buildStaffHours: category.option.buildStaffHours,
      buildHoursLeft: buildHoursLeft(team, index),
      buildTicks: category.option.buildTicks,
      upkeepPerRoundCents: toCents(upkeepPerRound(game.scenario, game.state.config.ticksPerRound, category.option.upkeepPerRoundCents)),
      priceCents: option?.priceCents ?? category.option.priceCents,
      perUseCostCents: category.option.perUseCostCents,
      staffHoursPerUse: category.option.staffHoursPerUse,
      lastRound:
        stats && paidUpkeep !== null
          ? {
              uses: stats.optionUses,
              selfServed: stats.selfServed,
              revenueCents: stats.optionRevenueCents,
              useCostsCents: stats.optionUseCostsCents,
              upkeepCents: stats.optionUpkeepCents,
              paidUpkeep,
            }
          : null,
    };
  });
}
