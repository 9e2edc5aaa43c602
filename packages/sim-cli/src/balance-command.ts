import { type BalanceRun, BUILTIN_SCENARIOS, playBalance, type Scenario, type StrategyStats, summariseBalance } from '@ttc/sim';
import { formatMoney } from './game-summary.js';
import { loadScenario } from './load-scenario.js';
import { parseSeedRange } from './parse-values.js';

export interface BalanceOptions {
  scenario: string;
  seeds: string;
  json?: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function runJson(run: BalanceRun) {
  return {
    ...run,
    meanExhaustion: round2(run.meanExhaustion),
    peakExhaustion: round2(run.peakExhaustion),
    loyalty: round2(run.loyalty),
    reputation: round2(run.reputation),
  };
}

function formatTable(scenario: Scenario, stats: StrategyStats[], seedCount: number): string {
  const header = `${scenario.name} (${scenario.id}), ${seedCount} seeds: mean / median`;
  const columns = ['strategy', 'profit', 'exhaustion', 'peak exh.', 'loyalty', 'reputation', 'staff lost', 'balanced', 'wins'];
  const rows = stats.map((row) => [
    row.policy,
    `${formatMoney(row.mean.profitCents, scenario.currency)} / ${formatMoney(row.median.profitCents, scenario.currency)}`,
    `${row.mean.meanExhaustion.toFixed(1)} / ${row.median.meanExhaustion.toFixed(1)}`,
    `${row.mean.peakExhaustion.toFixed(1)} / ${row.median.peakExhaustion.toFixed(1)}`,
    `${row.mean.loyalty.toFixed(1)} / ${row.median.loyalty.toFixed(1)}`,
    `${row.mean.reputation.toFixed(1)} / ${row.median.reputation.toFixed(1)}`,
    `${row.mean.staffLost.toFixed(2)} / ${row.median.staffLost.toFixed(1)}`,
    `${row.mean.balancedScore.toFixed(1)} / ${row.median.balancedScore.toFixed(1)}`,
    `${(row.winRate * 100).toFixed(0)} %`,
  ]);
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [header, line(columns), ...rows.map(line)].join('\n');
}

/** `balance`: every strategy on every seed; per strategy mean, median and balanced-score win rate. */
export function balanceCommand(options: BalanceOptions): string {
  const seeds = parseSeedRange(options.seeds);
  const scenarios = options.scenario === 'all' ? [...BUILTIN_SCENARIOS] : [loadScenario(options.scenario)];
  const runs = scenarios.flatMap((scenario) => playBalance(scenario, seeds));
  if (options.json) return JSON.stringify({ results: runs.map(runJson), summary: summariseBalance(runs) });
  return scenarios
    .map((scenario) => formatTable(scenario, summariseBalance(runs.filter((run) => run.scenario === scenario.id)), seeds.length))
    .join('\n\n');
}
