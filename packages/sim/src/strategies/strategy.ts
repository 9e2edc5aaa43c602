import type { Command } from '../commands/command-schema.js';
import type { TeamView } from '../figures/team-view.js';
import type { Scenario } from '../scenario/scenario-schema.js';

export const STRATEGY_NAMES = ['always-accommodate', 'always-no', 'always-premium', 'random', 'strategist'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/**
 * A benchmark player. It sees what a team sees (the view and the scenario's published
 * economics) and answers with commands, exactly as a human team would.
 */
export interface Strategy {
  readonly name: StrategyName;
  /** Decisions to take now, during operations. */
  operate(view: TeamView, scenario: Scenario): Command[];
  /** The plan for the next round, during planning (without the commitPlan). */
  plan(view: TeamView, scenario: Scenario): Command[];
}

export function isStrategyName(name: string): name is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(name);
}
