import { readFigures } from '../figures/team-figures.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { createStrategy } from '../strategies/create-strategy.js';
import { type PolicyName, STRATEGY_NAMES } from '../strategies/strategy.js';
import { playGame } from './play-game.js';

/** A game's length: rounds × ticks per round. Omitted, the scenario's full game. */
export interface BalanceLength {
  rounds: number;
  ticksPerRound: number;
}

/** One strategy's end-of-game figures on one seed of one scenario. */
export interface BalanceRun {
  scenario: string;
  seed: number;
  policy: PolicyName;
  rounds: number;
  ticksPerRound: number;
  profitCents: number;
  meanExhaustion: number;
  peakExhaustion: number;
  loyalty: number;
  reputation: number;
  staffLost: number;
  /** Promised work not done in time. */
  brokenPromises: number;
  /** Cards that reached the team per simulated hour: more than a person can decide means chaos. */
  cardsPerHour: number;
  balancedScore: number;
}

export const BALANCE_FIGURES = [
  'profitCents',
  'meanExhaustion',
  'peakExhaustion',
  'loyalty',
  'reputation',
  'staffLost',
  'brokenPromises',
  'cardsPerHour',
  'balancedScore',
] as const;
export type BalanceFigure = (typeof BALANCE_FIGURES)[number];

export interface StrategyStats {
  scenario: string;
  rounds: number;
  ticksPerRound: number;
  policy: PolicyName;
  mean: Record<BalanceFigure, number>;
  median: Record<BalanceFigure, number>;
  /** Share of seeds on which this strategy had the best balanced score (ties shared). */
  winRate: number;
  /** Share of seeds on which it lost at least one member of staff. */
  lostStaffRate: number;
}

export function playBalanceRun(scenario: Scenario, seed: number, policy: PolicyName, length?: BalanceLength): BalanceRun {
  const { game } = playGame({ scenario, seed, ...length }, [createStrategy(policy, seed)]);
  const figures = readFigures(game, 0);
  const team = game.state.teams[0];
  if (!figures || !team) throw new Error('a one-team game has a team 0');
  const { rounds, ticksPerRound } = game.state.config;
  const cards = team.reports.reduce((sum, report) => sum + report.cards, 0);
  return {
    scenario: scenario.id,
    seed,
    policy,
    rounds,
    ticksPerRound,
    profitCents: figures.profitCents,
    meanExhaustion: figures.exhaustion.mean,
    peakExhaustion: figures.exhaustion.peak,
    loyalty: figures.loyalty,
    reputation: figures.reputation,
    staffLost: figures.staffLost,
    brokenPromises: figures.brokenPromises,
    cardsPerHour: cards / (rounds * ticksPerRound),
    balancedScore: figures.balancedScore,
  };
}

/** Every strategy on every seed: the raw material of the balance report. */
export function playBalance(
  scenario: Scenario,
  seeds: readonly number[],
  policies: readonly PolicyName[] = STRATEGY_NAMES,
  length?: BalanceLength,
): BalanceRun[] {
  const runs: BalanceRun[] = [];
  for (const seed of seeds) for (const policy of policies) runs.push(playBalanceRun(scenario, seed, policy, length));
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The runs of one scenario at one game length. */
function groupsOf(runs: readonly BalanceRun[]): BalanceRun[][] {
  const groups = new Map<string, BalanceRun[]>();
  for (const run of runs) {
    const key = `${run.scenario} ${run.rounds}x${run.ticksPerRound}`;
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  return [...groups.values()];
}

/** Per scenario, game length and strategy: means, medians, balanced-score win rate. */
export function summariseBalance(runs: readonly BalanceRun[]): StrategyStats[] {
  const stats: StrategyStats[] = [];
  for (const group of groupsOf(runs)) {
    const first = group[0] as BalanceRun;
    const seeds = [...new Set(group.map((run) => run.seed))];
    const wins = new Map<PolicyName, number>();
    for (const seed of seeds) {
      const onSeed = group.filter((run) => run.seed === seed);
      const best = Math.max(...onSeed.map((run) => run.balancedScore));
      const winners = onSeed.filter((run) => run.balancedScore === best);
      for (const winner of winners) wins.set(winner.policy, (wins.get(winner.policy) ?? 0) + 1 / winners.length);
    }
    const policies = [...new Set(group.map((run) => run.policy))];
    for (const policy of policies) {
      const own = group.filter((run) => run.policy === policy);
      const mean = {} as Record<BalanceFigure, number>;
      const med = {} as Record<BalanceFigure, number>;
      for (const figure of BALANCE_FIGURES) {
        const values = own.map((run) => run[figure]);
        mean[figure] = values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
        med[figure] = median(values);
      }
      stats.push({
        scenario: first.scenario,
        rounds: first.rounds,
        ticksPerRound: first.ticksPerRound,
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
