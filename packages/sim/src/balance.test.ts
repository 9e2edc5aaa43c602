import { describe, expect, it } from 'vitest';
import { type BalanceFigure, playBalance, type StrategyStats, summariseBalance } from './play/balance-report.js';
import { BUILTIN_SCENARIOS } from './scenario/builtin-scenarios.js';
import type { StrategyName } from './strategies/strategy.js';

// The balance the game has to show for its lesson to land (DESIGN.md, "Balance the game must
// show"). It is guarded on seeds 1..50; `npm run sim -- balance --scenario all --seeds 51..100`
// shows it on another range. Tune the model, never the seeds.
const SEEDS = Array.from({ length: 50 }, (_, index) => index + 1);
const NAIVE: StrategyName[] = ['always-accommodate', 'always-no', 'always-premium', 'random'];

describe.each(BUILTIN_SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('balance of %s over 50 seeds', (_, scenario) => {
  const runs = playBalance(scenario, SEEDS);
  const stats = summariseBalance(runs);
  const of = (policy: StrategyName) => stats.find((row) => row.policy === policy) as StrategyStats;
  const best = (figure: BalanceFigure, direction: 'high' | 'low') =>
    [...stats].sort((a, b) => (direction === 'high' ? b.mean[figure] - a.mean[figure] : a.mean[figure] - b.mean[figure]))[0]?.policy;

  it('the strategist has the best mean balanced score', () => {
    expect(best('balancedScore', 'high')).toBe('strategist');
  });

  it.each(NAIVE)('the strategist beats %s on at least 80 % of seeds', (naive) => {
    const mine = runs.filter((run) => run.policy === 'strategist');
    const theirs = runs.filter((run) => run.policy === naive);
    const wins = mine.filter((run, index) => run.balancedScore > (theirs[index]?.balancedScore ?? Number.POSITIVE_INFINITY)).length;
    expect(wins / SEEDS.length).toBeGreaterThanOrEqual(0.8);
  });

  it('always-accommodate burns out: highest mean peak exhaustion, staff lost on most seeds', () => {
    expect(best('peakExhaustion', 'high')).toBe('always-accommodate');
    expect(of('always-accommodate').lostStaffRate).toBeGreaterThan(0.5);
  });

  it('always-no ends with the lowest mean loyalty', () => {
    expect(best('loyalty', 'low')).toBe('always-no');
  });

  it('no strategy is best on all three of profit, exhaustion and loyalty', () => {
    const bestProfit = best('profitCents', 'high');
    const leastExhausted = best('meanExhaustion', 'low');
    const mostLoyal = best('loyalty', 'high');
    expect(bestProfit === leastExhausted && leastExhausted === mostLoyal).toBe(false);
  });
});
