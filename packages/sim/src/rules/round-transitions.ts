import type { Outcome } from '../commands/command-result.js';
import { RandomStream } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { emptyRoundReport, hireStaff } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { clamp } from '../state/units.js';
import { recountCustomers } from './customer-totals.js';
import { expireDemands } from './demand-resolution.js';
import { markMoment } from './key-moments.js';
import { spend } from './ledger.js';
import { REACTION } from './reaction-model.js';
import { settleOwedWork } from './staff-work.js';

/**
 * Between rounds: what the round did to the people. Tired staff may resign, unhappy customers
 * may leave, reputation draws newcomers and drifts back towards the trade's baseline.
 */
export const ROUND_END = {
  /** Exhaustion above which staff start to think of leaving. */
  resignFrom: 50,
  resignChanceAtFull: 0.6,
  /** Rest over the weekend between rounds. */
  weekendRecovery: 8,
  /** Loyalty under which customers may leave, and the chance at loyalty 0. */
  leaveBelow: 35,
  leaveChanceAtZero: 0.6,
  /** Reputation under which nobody new arrives. */
  newcomerFloor: 30,
  /** A resignation costs handover and recruiting a replacement: this share of the hire cost. */
  resignationCostShare: 1,
} as const;

/** Upkeep of an option for one round: a standard round's upkeep, pro rata for shorter or longer rounds. */
export function upkeepPerRound(scenario: Scenario, ticksPerRound: number, standardUpkeepCents: number): number {
  return (standardUpkeepCents * ticksPerRound) / scenario.ticksPerRound;
}

export function resignationChance(exhaustion: number): number {
  if (exhaustion <= ROUND_END.resignFrom) return 0;
  const over = (exhaustion - ROUND_END.resignFrom) / (100 - ROUND_END.resignFrom);
  return ROUND_END.resignChanceAtFull * over ** 1.5;
}

export function leaveChance(loyalty: number): number {
  if (loyalty >= ROUND_END.leaveBelow) return 0;
  return ROUND_END.leaveChanceAtZero * ((ROUND_END.leaveBelow - loyalty) / ROUND_END.leaveBelow);
}

/** Ends the round's operations for every team and opens planning (or ends the game). */
export function endOperations(game: Game, outcomes: Outcome[]): void {
  const { state } = game;
  const gameEnded = state.round >= state.config.rounds;
  if (gameEnded) for (const team of state.teams) closeBusiness(game, team, outcomes);
  for (const team of state.teams) endTeamRound(game, team);
  state.phase = gameEnded ? 'ended' : 'planning';
  outcomes.push({ kind: 'round-ended', round: state.round, gameEnded });
}

/** The game is over: cards still waiting go unanswered, and work still owed is finished and paid for. */
function closeBusiness(game: Game, team: TeamState, outcomes: Outcome[]): void {
  const stream = RandomStream.restore(team.rng.outcomes);
  expireDemands(game, team, () => true, stream, outcomes);
  team.rng.outcomes = stream.save();
  settleOwedWork(game.scenario, team);
}

function endTeamRound(game: Game, team: TeamState): void {
  const { scenario, state } = game;
  // Demands still waiting carry over: their patience keeps counting in the next round's ticks.
  const outcomeStream = RandomStream.restore(team.rng.outcomes);

  const staffStream = RandomStream.restore(team.rng.staff);
  const staying = [];
  const gameEnds = state.round >= state.config.rounds;
  let resigned = 0;
  for (const member of team.staff) {
    const canLeave = team.staff.length - resigned > 1;
    if (canLeave && staffStream.chance(resignationChance(member.exhaustion))) {
      resigned++;
      team.roundReport.staffResigned.push(member.name);
      team.roundReport.resignationCostsCents += spend(team, scenario.staff.hireCostCents * ROUND_END.resignationCostShare);
      team.staffLost++;
      const first = !team.marked.firstResignation;
      team.marked.firstResignation = true;
      const replaced = gameEnds ? '' : '; a replacement starts next round at half pace';
      markMoment(
        state,
        team,
        first ? 'first-resignation' : 'resignation',
        `${member.name} resigned, exhausted (${Math.round(member.exhaustion)}/100)${replaced}.`,
      );
    } else {
      member.exhaustion = clamp(member.exhaustion - ROUND_END.weekendRecovery, 0, 100);
      if (member.rampRounds > 0) member.rampRounds--;
      staying.push(member);
    }
  }
  team.staff = staying;
  team.rng.staff = staffStream.save();
  // Whoever resigns is replaced at once: the recruiting is paid above, and the newcomer works
  // at half pace for a round. The team keeps its size; the burnout costs money and capacity.
  if (resigned > 0 && !gameEnds) hireStaff(scenario, team, resigned, state.round + 1);

  const wordOfMouth = (team.reputation - scenario.reputation.baseline) * REACTION.wordOfMouth;
  for (const customer of team.customers) {
    if (!customer.active) continue;
    customer.loyalty = clamp(customer.loyalty + wordOfMouth, 0, 100);
    if (outcomeStream.chance(leaveChance(customer.loyalty))) {
      customer.active = false;
      customer.leftRound = state.round;
      team.roundReport.customersLost++;
    }
  }
  const { reputation } = scenario;
  const prospects = team.customers.filter((customer) => !customer.active && customer.joinedRound < 0);
  const appeal = clamp((team.reputation - ROUND_END.newcomerFloor) / (100 - ROUND_END.newcomerFloor), 0, 1);
  const expected = prospects.length * reputation.newcomerRate * appeal;
  const joining = Math.min(prospects.length, Math.floor(expected + outcomeStream.float()));
  for (const customer of prospects.slice(0, joining)) {
    customer.active = true;
    customer.joinedRound = state.round;
    customer.loyalty = scenario.segments[customer.segment]?.startingLoyalty ?? 50;
    team.roundReport.customersJoined++;
  }
  recountCustomers(scenario, team);
  noteOptionUpkeep(team);
  team.reputation = clamp(team.reputation + (reputation.baseline - team.reputation) * reputation.driftPerRound, 0, 100);
  team.rng.outcomes = outcomeStream.save();

  team.reports.push(team.roundReport);
  team.roundReport = emptyRoundReport(scenario, state.round + 1);
  team.planCommitted = false;
}

/** Marks, per category, whether its live option earned its upkeep this round. */
function noteOptionUpkeep(team: TeamState): void {
  for (const option of team.options) {
    const stats = team.roundReport.categories[option.category];
    if (!stats || option.status !== 'live') continue;
    stats.optionPaidUpkeep = stats.optionRevenueCents - stats.optionUseCostsCents >= stats.optionUpkeepCents;
  }
}

/** Leaves planning: the plans take effect and the next round's operations begin. */
export function startNextRound(game: Game): void {
  const { scenario, state } = game;
  state.round++;
  state.tick = 0;
  state.phase = 'operations';
  for (const team of state.teams) {
    if (team.plannedHires > 0) {
      hireStaff(scenario, team, team.plannedHires, state.round);
      team.staffHired += team.plannedHires;
      team.plannedHires = 0;
    }
    team.restPercent = team.plannedRestPercent;
    for (const option of team.options) {
      const category = scenario.categories[option.category];
      const stats = team.roundReport.categories[option.category];
      if (!category) continue;
      const upkeep = spend(team, upkeepPerRound(scenario, state.config.ticksPerRound, category.option.upkeepPerRoundCents));
      if (stats) stats.optionUpkeepCents += upkeep;
    }
    team.planCommitted = false;
  }
}
