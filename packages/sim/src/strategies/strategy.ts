import type { Command } from '../commands/command-schema.js';
import type { TeamView } from '../figures/team-view.js';
import type { Scenario } from '../scenario/scenario-schema.js';

/** The benchmarks a debrief shows beside the players. */
export const STRATEGY_NAMES = ['always-accommodate', 'always-no', 'always-premium', 'random', 'idle', 'strategist'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** How every screen and export names each benchmark. */
export const STRATEGY_LABELS: Record<StrategyName, string> = {
  'always-accommodate': 'Always accommodate',
  'always-no': 'Always no',
  'always-premium': 'Always premium',
  random: 'Random',
  idle: 'Idle (did nothing)',
  strategist: 'Strategist',
};

/**
 * Benchmarks under a handicap, for the balance report: `strategist-paced` is the strategist
 * deciding at most one card per simulated hour, as a person at the default pace would.
 */
export const VARIANT_NAMES = ['strategist-paced'] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

/** Every strategy a game or the balance report can be played by. */
export const POLICY_NAMES = [...STRATEGY_NAMES, ...VARIANT_NAMES] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/**
 * A benchmark player. It sees what a team sees (the view and the scenario's published
 * economics) and answers with commands, exactly as a human team would.
 */
export interface Strategy {
  readonly name: PolicyName;
  /** Decisions to take now, during operations. */
  operate(view: TeamView, scenario: Scenario): Command[];
  /** The plan for the next round, during planning (without the commitPlan). */
  plan(view: TeamView, scenario: Scenario): Command[];
}

export function isStrategyName(name: string): name is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(name);
}

export function isPolicyName(name: string): name is PolicyName {
  return (POLICY_NAMES as readonly string[]).includes(name);
}
