import type { Command } from './command-schema.js';

/** A team's whole plan for the next round, as the planning screen puts it together. */
export interface TeamPlan {
  build: string[];
  retire: string[];
  premiumPrices: Record<string, number>;
  optionPrices: Record<string, number>;
  hires: number;
  restPercent: number;
}

/**
 * The commands that carry out a plan, in an order the simulation accepts, ending with the
 * commit. Rest is only set when it differs from `plannedRestPercent`, when that is given.
 */
export function planCommands(team: number, plan: TeamPlan, plannedRestPercent?: number): Command[] {
  const commands: Command[] = [];
  for (const category of plan.retire) commands.push({ type: 'retireOption', team, category });
  for (const category of plan.build) commands.push({ type: 'buildOption', team, category });
  for (const [category, priceCents] of Object.entries(plan.premiumPrices))
    commands.push({ type: 'setPremiumPrice', team, category, priceCents });
  for (const [category, priceCents] of Object.entries(plan.optionPrices))
    commands.push({ type: 'setOptionPrice', team, category, priceCents });
  if (plan.hires > 0) commands.push({ type: 'hire', team, count: plan.hires });
  if (plan.restPercent !== plannedRestPercent) commands.push({ type: 'setRest', team, percent: plan.restPercent });
  commands.push({ type: 'commitPlan', team });
  return commands;
}
