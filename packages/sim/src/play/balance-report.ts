import { readFigures } from '../figures/team-figures.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { createStrategy } from '../strategies/create-strategy.js';
import { STRATEGY_NAMES, type StrategyName } from '../strategies/strategy.js';
import { playGame } from './play-game.js';

/** One strategy's end-of-game figures on one seed of one scenario. */
export interface BalanceRun {
  scenario: string;
  seed: number;
  policy: StrategyName;
  profitCents: number;
  meanExhaustion: number;
  peakExhaustion: number;
  loyalty: number;
  reputation: number;
  staffLost: number;
  balancedScore: number;
}

export const BALANCE_FIGURES = [
  'profitCents',
  'meanExhaustion',
  'peakExhaustion',
  'loyalty',
  'reputation',
  'staffLost',
  'balancedScore',
] as const;
export type BalanceFigure = (typeof BALANCE_FIGURES)[number];

export interface StrategyStats {
  scenario: string;
  policy: StrategyName;
  mean: Record<BalanceFigure, number>;
  median: Record<BalanceFigure, number>;
  /** Share of seeds on which this strategy had the best balanced score (ties shared). */
  winRate: number;
  /** Share of seeds on which it lost at least one member of staff. */
  lostStaffRate: number;
}

export function playBalanceRun(scenario: Scenario, seed: number, policy: StrategyName): BalanceRun {
  const { game } = playGame({ scenario, seed }, [createStrategy(policy, seed)]);
  const figures = readFigures(game, 0);
  if (!figures) throw new Error('a one-team game has a team 0');
  return {
    scenario: scenario.id,
    seed,
    policy,
    profitCents: figures.profitCents,
    meanExhaustion: figures.exhaustion.mean,
    peakExhaustion: figures.exhaustion.peak,
    loyalty: figures.loyalty,
    reputation: figures.reputation,
    staffLost: figures.staffLost,
    balancedScore: figures.balancedScore,
  };
}

/** Every strategy on every seed: the raw material of the balance report. */
export function playBalance(
  scenario: Scenario,
  seeds: readonly number[],
  policies: readonly StrategyName[] = STRATEGY_NAMES,
): BalanceRun[] {
  const runs: BalanceRun[] = [];
  for (const seed of seeds) for (const policy of policies) runs.push(playBalanceRun(scenario, seed, policy));
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Per scenario and strategy: means, medians, balanced-score win rate. */
export function summariseBalance(runs: readonly BalanceRun[]): StrategyStats[] {
  const stats: StrategyStats[] = [];
  const scenarios = [...new Set(runs.map((run) => run.scenario))];
  for (const scenario of scenarios) {
    const inScenario = runs.filter((run) => run.scenario === scenario);
    const seeds = [...new Set(inScenario.map((run) => run.seed))];
    const wins = new Map<StrategyName, number>();
    for (const seed of seeds) {
      const onSeed = inScenario.filter((run) => run.seed === seed);
      const best = Math.max(...onSeed.map((run) => run.balancedScore));
      const winners = onSeed.filter((run) => run.balancedScore === best);
      for (const winner of winners) wins.set(winner.policy, (wins.get(winner.policy) ?? 0) + 1 / winners.length);
    }
    const policies = [...new Set(inScenario.map((run) => run.policy))];
    for (const policy of policies) {
      const own = inScenario.filter((run) => run.policy === policy);
      const mean = {} as Record<BalanceFigure, number>;
      const med = {} as Record<BalanceFigure, number>;
      for (const figure of BALANCE_FIGURES) {
        const values = own.map((run) => run[figure]);
        mean[figure] = values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
        med[figure] = median(values);
      }
      stats.push({
        scenario,
        policy,
        mean,
        median: med,
        winRate: (wins.get(policy) ?? 0) / Math.max(seeds.length, 1),
        lostStaffRate: own.filter((run) => run.staffLost > 0).length / Math.max(own.length, 1),
      });
    }
  }
  return stats;
}
