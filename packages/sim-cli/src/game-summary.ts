import { type Game, readFigures, stateHash } from '@ttc/sim';

/** The figures of one team at the end of a game, in the shape `play --json` prints. */
export interface GameSummary {
  scenario: string;
  seed: number;
  policy: string;
  team: number;
  rounds: number;
  ticksPerRound: number;
  profitCents: number;
  meanExhaustion: number;
  peakExhaustion: number;
  loyalty: number;
  retention: number;
  reputation: number;
  staffLost: number;
  /** Promised work not done in time. */
  brokenPromises: number;
  customersActive: number;
  balancedScore: number;
  decisions: { accommodate: number; premium: number; option: number; no: number; ignored: number };
  selfServiceUses: number;
  optionsBuilt: number;
  stateHash: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function summarise(game: Game, policy: string, team = 0, hash = stateHash(game.state)): GameSummary {
  const figures = readFigures(game, team);
  if (!figures) throw new Error(`no team ${team}`);
  return {
    scenario: game.scenario.id,
    seed: game.state.config.seed,
    policy,
    team,
    rounds: game.state.config.rounds,
    ticksPerRound: game.state.config.ticksPerRound,
    profitCents: figures.profitCents,
    meanExhaustion: round2(figures.exhaustion.mean),
    peakExhaustion: round2(figures.exhaustion.peak),
    loyalty: round2(figures.loyalty),
    retention: round2(figures.retention),
    reputation: round2(figures.reputation),
    staffLost: figures.staffLost,
    brokenPromises: figures.brokenPromises,
    customersActive: figures.customersActive,
    balancedScore: figures.balancedScore,
    decisions: figures.decisions,
    selfServiceUses: figures.selfServiceUses,
    optionsBuilt: game.state.teams[team]?.options.length ?? 0,
    stateHash: hash,
  };
}

export function formatMoney(cents: number, currency: string): string {
  const symbol = currency === 'USD' ? '$' : currency === 'GBP' ? '£' : '€';
  const sign = cents < 0 ? '−' : '';
  return `${sign}${symbol}${(Math.abs(cents) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatSummary(summary: GameSummary, currency: string): string {
  const d = summary.decisions;
  return [
    `${summary.scenario}, seed ${summary.seed}, ${summary.rounds}×${summary.ticksPerRound}, ${summary.policy}${summary.team > 0 ? `, team ${summary.team + 1}` : ''}`,
    `  profit          ${formatMoney(summary.profitCents, currency)}`,
    `  exhaustion      mean ${summary.meanExhaustion.toFixed(1)}, peak ${summary.peakExhaustion.toFixed(1)}, staff lost ${summary.staffLost}`,
    `  promises        ${summary.brokenPromises} broken (work not done in time)`,
    `  loyalty         ${summary.loyalty.toFixed(1)} (retention ${(summary.retention * 100).toFixed(0)} %), reputation ${summary.reputation.toFixed(1)}`,
    `  decisions       accommodate ${d.accommodate}, premium ${d.premium}, option ${d.option}, no ${d.no}, ignored ${d.ignored}; self-service ${summary.selfServiceUses}`,
    `  balanced score  ${summary.balancedScore.toFixed(2)}`,
    `  state hash      ${summary.stateHash}`,
  ].join('\n');
}
