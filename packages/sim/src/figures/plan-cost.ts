import type { TeamPlan } from '../commands/team-plan.js';
import { upkeepPerRound } from '../rules/round-transitions.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { OptionState } from '../state/game-state.js';
import { type Cents, toCents } from '../state/units.js';

/** What a plan costs in money, as the game will charge it. */
export interface PlanCost {
  /** Each option to build and its build money, charged when the plan is committed. */
  builds: { categoryId: string; name: string; cents: Cents }[];
  /** The hires, charged when the plan is committed (wages follow every hour). */
  hireCents: Cents;
  /** The upkeep the next round's start charges for every option kept or built. */
  upkeepCents: Cents;
  totalCents: Cents;
}

/** What a plan's cost depends on besides the plan: the team's options and the round length. */
export interface PlanCostBasis {
  options: readonly Pick<OptionState, 'category'>[];
  ticksPerRound: number;
}

/**
 * The money a plan costs, by the game's own rules: build money and hires now, and the upkeep of
 * every option still there when the next round starts. A screen shows this figure before the
 * plan is committed; it reads only what a team's board carries, so a class's screens can too.
 */
export function planCost(scenario: Scenario, basis: PlanCostBasis, plan: TeamPlan): PlanCost {
  const indexOf = (id: string) => scenario.categories.findIndex((category) => category.id === id);
  const builds = plan.build.flatMap((id) => {
    const category = scenario.categories[indexOf(id)];
    return category ? [{ categoryId: id, name: category.name, cents: category.option.buildCostCents }] : [];
  });
  const hireCents = Math.max(0, plan.hires) * scenario.staff.hireCostCents;
  const retired = new Set(plan.retire.map(indexOf));
  const charged = [
    ...basis.options.map((option) => option.category).filter((category) => !retired.has(category)),
    ...plan.build.map(indexOf),
  ];
  let upkeepCents = 0;
  for (const index of charged) {
    const category = scenario.categories[index];
    if (category) upkeepCents += toCents(upkeepPerRound(scenario, basis.ticksPerRound, category.option.upkeepPerRoundCents));
  }
  const buildCents = builds.reduce((sum, build) => sum + build.cents, 0);
  return { builds, hireCents, upkeepCents, totalCents: buildCents + hireCents + upkeepCents };
}
