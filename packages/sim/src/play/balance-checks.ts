import type { PolicyName } from '../strategies/strategy.js';
import { type BalanceFigure, type BalanceRun, type StrategyStats, summariseBalance } from './balance-report.js';

/**
 * The balance the game must show for its lesson to land (DESIGN.md, "Balance the game must
 * show"), checked on the runs of one scenario at one game length. The balance test asserts
 * these on fixed seeds; `npm run sim -- balance` prints them for any seed range.
 */
export const BALANCE_RULES = {
  /** The strategist (and the strategist at a person's pace) must beat each naive benchmark on this share of seeds. */
  minWinShare: 0.9,
  /** ... and lead the best of them on mean balanced score by at least this many points. */
  minLead: 8,
  /** Idle must score below always-no on this share of seeds. */
  idleBelowNoShare: 0.9,
  /** Always-accommodate must lose staff on more than this share of seeds. */
  accommodateLostStaffShare: 0.5,
} as const;

/**
 * The shortest game, in simulated hours in all, at which these checks hold (balance.test.ts
 * holds them at 2 × 10 and 1 × 20; docs/game-design.md, "Where the balance does not hold"): a
 * shorter game can end before overwork costs anyone their staff, and the host form says so.
 */
export const LESSON_MIN_HOURS = 20;

/** The benchmarks the strategist must beat: every naive habit, doing nothing included. */
export const NAIVE_POLICIES = [
  'always-accommodate',
  'always-no',
  'always-premium',
  'random',
  'idle',
] as const satisfies readonly PolicyName[];
/** The benchmarks that answer cards (idle answers none). */
const DECIDING: readonly PolicyName[] = ['always-accommodate', 'always-no', 'always-premium', 'random', 'strategist'];
const BENCHMARKS: readonly PolicyName[] = [...NAIVE_POLICIES, 'strategist'];
const STRATEGISTS: readonly PolicyName[] = ['strategist', 'strategist-paced'];

/** Every policy the checks need, for playBalance. */
export const CHECKED_POLICIES: readonly PolicyName[] = [...BENCHMARKS, 'strategist-paced'];

export interface BalanceCheck {
  /** What must hold, as a sentence. */
  rule: string;
  passed: boolean;
  /** What was measured, as a short phrase. */
  measured: string;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The share of seeds on which `a` scored above `b` (runs paired by seed). */
export function winShare(runs: readonly BalanceRun[], a: PolicyName, b: PolicyName): number {
  const theirs = new Map(runs.filter((run) => run.policy === b).map((run) => [run.seed, run.balancedScore]));
  const mine = runs.filter((run) => run.policy === a && theirs.has(run.seed));
  const wins = mine.filter((run) => run.balancedScore > (theirs.get(run.seed) ?? Number.POSITIVE_INFINITY)).length;
  return mine.length > 0 ? wins / mine.length : 0;
}

function extreme(stats: readonly StrategyStats[], among: readonly PolicyName[], figure: BalanceFigure, direction: 'high' | 'low') {
  const candidates = stats.filter((row) => among.includes(row.policy));
  const sign = direction === 'high' ? -1 : 1;
  return [...candidates].sort((a, b) => sign * (a.mean[figure] - b.mean[figure]))[0];
}

/** The checks for the runs of one scenario at one length (all of CHECKED_POLICIES on the same seeds). */
export function checkBalance(runs: readonly BalanceRun[]): BalanceCheck[] {
  const stats = summariseBalance(runs);
  const of = (policy: PolicyName) => stats.find((row) => row.policy === policy);
  const checks: BalanceCheck[] = [];
  const bestNaive = extreme(stats, NAIVE_POLICIES, 'balancedScore', 'high');
  for (const strategist of STRATEGISTS) {
    const own = of(strategist);
    if (!own || !bestNaive) continue;
    for (const naive of NAIVE_POLICIES) {
      const share = winShare(runs, strategist, naive);
      checks.push({
        rule: `${strategist} beats ${naive} on at least ${percent(BALANCE_RULES.minWinShare)} of seeds`,
        passed: share >= BALANCE_RULES.minWinShare,
        measured: percent(share),
      });
    }
    const lead = own.mean.balancedScore - bestNaive.mean.balancedScore;
    checks.push({
      rule: `${strategist} leads the best naive benchmark by at least ${BALANCE_RULES.minLead} points`,
      passed: lead >= BALANCE_RULES.minLead,
      measured: `${lead.toFixed(1)} over ${bestNaive.policy}`,
    });
  }
  const idleBelow = winShare(runs, 'always-no', 'idle');
  checks.push({
    rule: `idle scores below always-no on at least ${percent(BALANCE_RULES.idleBelowNoShare)} of seeds`,
    passed: idleBelow >= BALANCE_RULES.idleBelowNoShare,
    measured: percent(idleBelow),
  });
  const accommodate = of('always-accommodate');
  const strategist = of('strategist');
  const mostExhausted = extreme(stats, BENCHMARKS, 'peakExhaustion', 'high');
  checks.push({
    rule: 'always-accommodate has the highest mean peak exhaustion',
    passed: mostExhausted?.policy === 'always-accommodate',
    measured: `highest: ${mostExhausted?.policy}`,
  });
  const lost = accommodate?.lostStaffRate ?? 0;
  checks.push({
    rule: 'always-accommodate loses staff on most seeds',
    passed: lost > BALANCE_RULES.accommodateLostStaffShare,
    measured: percent(lost),
  });
  const accommodateProfit = accommodate?.mean.profitCents ?? 0;
  const strategistProfit = strategist?.mean.profitCents ?? 0;
  checks.push({
    rule: 'always-accommodate earns less profit than the strategist',
    passed: accommodateProfit < strategistProfit,
    measured: `${Math.round(accommodateProfit / 100)} vs ${Math.round(strategistProfit / 100)}`,
  });
  const leastLoyal = extreme(stats, DECIDING, 'loyalty', 'low');
  checks.push({
    rule: 'always-no has the lowest mean loyalty of the benchmarks that decide',
    passed: leastLoyal?.policy === 'always-no',
    measured: `lowest: ${leastLoyal?.policy}`,
  });
  const best = (['profitCents', 'meanExhaustion', 'loyalty'] as const).map(
    (figure) => extreme(stats, BENCHMARKS, figure, figure === 'meanExhaustion' ? 'low' : 'high')?.policy,
  );
  checks.push({
    rule: 'no benchmark is best on all three of profit, exhaustion and loyalty',
    passed: !(best[0] === best[1] && best[1] === best[2]),
    measured: `best: ${best.join(', ')}`,
  });
  return checks;
}
