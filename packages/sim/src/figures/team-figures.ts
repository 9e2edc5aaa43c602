import { activeCustomerCount, meanExhaustion, valueWeightedLoyalty } from '../rules/team-measures.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { Game } from '../state/game.js';
import type { DecisionCounts, GameConfig, Phase, TeamState } from '../state/game-state.js';
import { type Cents, clamp, type Hours } from '../state/units.js';

/** Everything a team's scoreboard shows. The three headline figures are profit, exhaustion and loyalty. */
export interface TeamFigures {
  team: number;
  round: number;
  tick: number;
  phase: Phase;
  cashCents: Cents;
  revenueCents: Cents;
  costsCents: Cents;
  profitCents: Cents;
  exhaustion: {
    /** Average over the staff right now. */
    current: number;
    /** Average over the game so far (time-weighted by ticks): the exhaustion the score uses. */
    mean: number;
    /** The highest the team's average reached. */
    peak: number;
  };
  /** Value-weighted mean loyalty of active customers, 0..100. */
  loyalty: number;
  /** Share of the starting customers still active, 0..1. */
  retention: number;
  reputation: number;
  customersActive: number;
  staffCount: number;
  staffLost: number;
  backlogHours: Hours;
  waitingDemands: number;
  decisions: DecisionCounts;
  selfServiceUses: number;
  complaints: number;
  errors: number;
  /** Promised work not done by its due tick. */
  brokenPromises: number;
  balancedScore: number;
}

/** How long a game is, for scaling the profit target: the scenario's full game when not given. */
export type GameLength = Pick<GameConfig, 'rounds' | 'ticksPerRound'>;

/**
 * The profit target of a game of this length: the scenario's target, pro rata to the hours
 * played, so a short class is judged against what a short class can earn.
 */
export function profitTarget(scenario: Scenario, length?: GameLength): number {
  if (!length) return scenario.scoring.profitTargetCents;
  const hours = length.rounds * length.ticksPerRound;
  return (scenario.scoring.profitTargetCents * hours) / (scenario.rounds * scenario.ticksPerRound);
}

/**
 * Profit as a 0..100 index: zero profit is 50, the scenario's target is 100, a loss of the
 * same size is 0. It puts money on the same scale as exhaustion and loyalty.
 */
export function profitIndex(scenario: Scenario, profitCents: number, length?: GameLength): number {
  return clamp(50 + (50 * profitCents) / profitTarget(scenario, length), 0, 100);
}

/** The scenario-weighted score that ranks teams: profit index, rested staff, loyal customers. */
export function balancedScore(
  scenario: Scenario,
  profitCents: number,
  meanExhaustionOverGame: number,
  loyalty: number,
  length?: GameLength,
): number {
  const { weights } = scenario.scoring;
  const score =
    weights.profit * profitIndex(scenario, profitCents, length) +
    weights.exhaustion * (100 - meanExhaustionOverGame) +
    weights.loyalty * loyalty;
  return Math.round(score * 100) / 100;
}

export function teamFigures(game: Game, team: TeamState): TeamFigures {
  const { scenario, state } = game;
  const profitCents = team.revenueCents - team.costsCents;
  const current = meanExhaustion(team);
  const mean = team.exhaustionTicks > 0 ? team.exhaustionTickSum / team.exhaustionTicks : current;
  const loyalty = valueWeightedLoyalty(team);
  let startersActive = 0;
  for (const customer of team.customers) if (customer.active && customer.joinedRound === 0) startersActive++;
  return {
    team: team.index,
    round: state.round,
    tick: state.tick,
    phase: state.phase,
    cashCents: team.cashCents,
    revenueCents: team.revenueCents,
    costsCents: team.costsCents,
    profitCents,
    exhaustion: { current, mean, peak: Math.max(team.peakExhaustion, current) },
    loyalty,
    retention: startersActive / scenario.customers.initial,
    reputation: team.reputation,
    customersActive: activeCustomerCount(team),
    staffCount: team.staff.length,
    staffLost: team.staffLost,
    backlogHours: team.backlogHours,
    waitingDemands: team.demands.length,
    decisions: { ...team.decisions },
    selfServiceUses: team.selfServiceUses,
    complaints: team.complaints,
    errors: team.errors,
    brokenPromises: team.brokenPromises,
    balancedScore: balancedScore(scenario, profitCents, mean, loyalty, state.config),
  };
}

export function readFigures(game: Game, team = 0): TeamFigures | undefined {
  const state = game.state.teams[team];
  return state ? teamFigures(game, state) : undefined;
}
export function readAllFigures(game: Game): TeamFigures[] {
  return game.state.teams.map((team) => teamFigures(game, team));
}
