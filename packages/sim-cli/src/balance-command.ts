import {
  type BalanceRun,
  BUILTIN_SCENARIOS,
  CHECKED_POLICIES,
  checkBalance,
  measurePace,
  type PaceReport,
  playBalance,
  type Scenario,
  type StrategyStats,
  summariseBalance,
} from '@ttc/sim';
import { formatMoney } from './game-summary.js';
import { loadScenario } from './load-scenario.js';
import { parseLength, parseSeedRange } from './parse-values.js';

export interface BalanceOptions {
  scenario: string;
  seeds: string;
  rounds?: string;
  ticks?: string;
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
    cardsPerHour: round2(run.cardsPerHour),
  };
}

function formatTable(scenario: Scenario, stats: StrategyStats[], seedCount: number): string {
  const length = stats[0] ? `${stats[0].rounds}×${stats[0].ticksPerRound}` : '';
  const header = `${scenario.name} (${scenario.id}), ${length} (rounds × hours), ${seedCount} seeds: mean / median`;
  const columns = [
    'strategy',
    'profit',
    'exhaustion',
    'peak exh.',
    'loyalty',
    'reputation',
    'staff lost',
    'broken',
    'cards/h',
    'balanced',
    'wins',
  ];
  const rows = stats.map((row) => [
    row.policy,
    `${formatMoney(row.mean.profitCents, scenario.currency)} / ${formatMoney(row.median.profitCents, scenario.currency)}`,
    `${row.mean.meanExhaustion.toFixed(1)} / ${row.median.meanExhaustion.toFixed(1)}`,
    `${row.mean.peakExhaustion.toFixed(1)} / ${row.median.peakExhaustion.toFixed(1)}`,
    `${row.mean.loyalty.toFixed(1)} / ${row.median.loyalty.toFixed(1)}`,
    `${row.mean.reputation.toFixed(1)} / ${row.median.reputation.toFixed(1)}`,
    `${row.mean.staffLost.toFixed(2)} / ${row.median.staffLost.toFixed(1)}`,
    row.mean.brokenPromises.toFixed(1),
    row.mean.cardsPerHour.toFixed(2),
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

function formatChecks(runs: BalanceRun[]): string {
  return checkBalance(runs)
    .map((check) => `  ${check.passed ? 'ok  ' : 'FAIL'}  ${check.rule} (${check.measured})`)
    .join('\n');
}

function formatPace(pace: PaceReport): string {
  return `Cards per hour: ${pace.withoutOptions.toFixed(2)} without options, ${pace.withOptions.toFixed(2)} with live options on ${pace.frequentCategories.join(', ')} (${Math.round(pace.frequentShare * 100)} % of requests)`;
}

/**
 * `balance`: every benchmark, and the strategist at one decision an hour, on every seed of one
 * scenario (or all), at one game length; per strategy mean, median and win rate, whether the
 * balance the game must show holds, and the pace of cards with and without options.
 */
export function balanceCommand(options: BalanceOptions): string {
  const seeds = parseSeedRange(options.seeds);
  const scenarios = options.scenario === 'all' ? [...BUILTIN_SCENARIOS] : [loadScenario(options.scenario)];
  const played = scenarios.map((scenario) => {
    const runs = playBalance(scenario, seeds, CHECKED_POLICIES, parseLength(scenario, options.rounds, options.ticks));
    return { scenario, runs, pace: measurePace(scenario, seeds) };
  });
  if (options.json) {
    return JSON.stringify({
      results: played.flatMap(({ runs }) => runs.map(runJson)),
      summary: summariseBalance(played.flatMap(({ runs }) => runs)),
      checks: played.map(({ scenario, runs }) => ({ scenario: scenario.id, checks: checkBalance(runs) })),
      pace: played.map(({ pace }) => pace),
    });
  }
  return played
    .map(({ scenario, runs, pace }) =>
      [formatTable(scenario, summariseBalance(runs), seeds.length), 'Checks:', formatChecks(runs), formatPace(pace)].join('\n'),
    )
    .join('\n\n');
}
