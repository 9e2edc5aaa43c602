import type { DecisionOutcome, Outcome } from '../commands/command-result.js';
import type { RandomStream } from '../random/random-stream.js';
import type { Game } from '../state/game.js';
import type { Demand, Resolution, TeamState } from '../state/game-state.js';
import { clamp } from '../state/units.js';
import { shiftLoyalty } from './customer-totals.js';
import { type EventModifiers, eventModifiers } from './event-effects.js';
import { noteComplaint } from './key-moments.js';
import { earn, spend } from './ledger.js';
import {
  accommodateSatisfaction,
  complaintChance,
  errorChance,
  ignoredSatisfaction,
  loyaltyChange,
  noSatisfaction,
  optionAcceptChance,
  optionRefusedSatisfaction,
  optionSatisfaction,
  praiseChance,
  premiumAcceptChance,
  premiumRefusedSatisfaction,
  premiumSatisfaction,
  REACTION,
  voiceWeight,
} from './reaction-model.js';
import { normalCapacity } from './staff-work.js';
import { findOption, isOptionLive, meanExhaustion } from './team-measures.js';
import { endTickOf, promiseWork, readiness } from './work-queue.js';

/**
 * Applies one resolution to a waiting demand: the customer's reaction, the staff work, the
 * money, complaints or praise, and the round report. The caller has checked it is allowed.
 */
export function resolveDemand(
  game: Game,
  team: TeamState,
  demand: Demand,
  resolution: Resolution,
  modifiers: EventModifiers,
  stream: RandomStream,
): DecisionOutcome {
  const { scenario, state } = game;
  const customer = team.customers[demand.customerId];
  const segment = customer ? scenario.segments[customer.segment] : undefined;
  const category = scenario.categories[demand.category];
  const outcome: DecisionOutcome = {
    kind: 'decision',
    team: team.index,
    demandId: demand.id,
    customerId: demand.customerId,
    category: demand.category,
    resolution,
    accepted: false,
    error: false,
    satisfaction: 0,
    loyaltyBefore: customer?.loyalty ?? 0,
    loyaltyAfter: customer?.loyalty ?? 0,
    revenueCents: 0,
    costCents: 0,
    staffHours: 0,
    promise: null,
    complaint: false,
    praise: false,
  };
  removeWaiting(team, demand.id);
  if (!customer || !segment || !category) return outcome;

  const importance = demand.importance;
  const mistakeChance = errorChance(meanExhaustion(team));
  const stats = team.roundReport.categories[demand.category];
  let satisfaction = 0;
  switch (resolution) {
    case 'accommodate': {
      outcome.staffHours = demand.oneOffHours;
      outcome.error = stream.chance(mistakeChance);
      satisfaction = outcome.error ? REACTION.errorSatisfaction : accommodateSatisfaction(importance);
      break;
    }
    case 'premium': {
      const price = team.premiumPriceCents[demand.category] ?? category.premiumPriceCents;
      const ratio = category.premiumPriceCents > 0 ? price / category.premiumPriceCents : 1;
      if (stats) stats.premiumOffered++;
      outcome.accepted = stream.chance(
        premiumAcceptChance(importance, segment.priceSensitivity, ratio, modifiers.premiumAcceptance, customer.loyalty),
      );
      if (outcome.accepted) {
        if (stats) stats.premiumAccepted++;
        outcome.staffHours = demand.oneOffHours;
        outcome.revenueCents = earn(team, price);
        outcome.error = stream.chance(mistakeChance);
        satisfaction = outcome.error ? REACTION.errorSatisfaction : premiumSatisfaction(importance);
      } else {
        satisfaction = premiumRefusedSatisfaction(importance);
      }
      break;
    }
    case 'option': {
      const option = findOption(team, demand.category);
      const price = option?.priceCents ?? category.option.priceCents;
      const ratio = category.option.priceCents > 0 ? price / category.option.priceCents : 1;
      outcome.accepted = stream.chance(optionAcceptChance(importance, segment.priceSensitivity, ratio));
      if (outcome.accepted) {
        if (option) option.uses++;
        outcome.staffHours = category.option.staffHoursPerUse;
        outcome.revenueCents = earn(team, price);
        outcome.costCents = spend(team, category.option.perUseCostCents);
        if (stats) {
          stats.optionUses++;
          stats.optionRevenueCents += outcome.revenueCents;
          stats.optionUseCostsCents += outcome.costCents;
        }
        outcome.error = stream.chance(mistakeChance * REACTION.optionErrorFactor);
        satisfaction = outcome.error ? REACTION.errorSatisfaction : optionSatisfaction(importance);
      } else {
        satisfaction = optionRefusedSatisfaction(importance);
      }
      break;
    }
    case 'no':
      satisfaction = noSatisfaction(importance, modifiers.noPenalty, isOptionLive(team, demand.category));
      break;
    case 'ignored':
      satisfaction = ignoredSatisfaction(importance, modifiers.noPenalty);
      break;
  }

  outcome.satisfaction = satisfaction;
  // Being left without an answer is a slight on top of the unmet need.
  const weight = resolution === 'ignored' ? REACTION.ignoredLoyaltyWeight : 1;
  const change = loyaltyChange(satisfaction, customer.loyalty, demand.stakes * weight);
  shiftLoyalty(scenario, team, customer, change);
  outcome.loyaltyAfter = customer.loyalty;
  if (outcome.staffHours > 0 && resolution !== 'no' && resolution !== 'ignored') {
    const now = state.globalTick;
    outcome.promise = readiness(team, outcome.staffHours, normalCapacity(scenario, team, modifiers.capacity), now, endTickOf(state.config));
    promiseWork(team, {
      kind: resolution,
      demandId: demand.id,
      customerId: customer.id,
      category: demand.category,
      hours: outcome.staffHours,
      hoursLeft: outcome.staffHours,
      promisedTick: now,
      dueTick: outcome.promise.dueTick,
      importance,
      stakes: demand.stakes,
      loyaltyGain: Math.max(0, change),
      refundCents: outcome.revenueCents,
    });
  }
  if (outcome.error) {
    const credit = spend(team, category.premiumPriceCents * REACTION.errorCreditShare);
    outcome.costCents += credit;
    team.roundReport.mistakeCostsCents += credit;
    team.errors++;
    team.roundReport.errors++;
  }
  const complaintFactor = resolution === 'ignored' ? REACTION.ignoredComplaintFactor : 1;
  if (stream.chance(complaintChance(satisfaction, segment.socialReach) * complaintFactor)) {
    outcome.complaint = true;
    team.complaints++;
    team.roundReport.complaints++;
    team.reputation = clamp(team.reputation - voiceWeight(scenario.reputation.complaintImpact, segment.socialReach), 0, 100);
    noteComplaint(state, team);
  } else if (stream.chance(praiseChance(satisfaction, segment.socialReach))) {
    outcome.praise = true;
    team.praise++;
    team.roundReport.praise++;
    team.reputation = clamp(team.reputation + voiceWeight(scenario.reputation.praiseImpact, segment.socialReach), 0, 100);
  }
  team.decisions[resolution]++;
  if (stats) {
    stats.resolutions[resolution]++;
    if (resolution === 'accommodate' || (resolution === 'premium' && outcome.accepted)) stats.oneOffHours += outcome.staffHours;
  }
  return outcome;
}

/** Cards nobody answered in time become ignored: those past their patience, or all of them when the game ends. */
export function expireDemands(
  game: Game,
  team: TeamState,
  expires: (demand: Demand) => boolean,
  stream: RandomStream,
  outcomes: Outcome[],
): void {
  const expired = team.demands.filter(expires);
  if (expired.length === 0) return;
  const modifiers = eventModifiers(game.scenario, team);
  for (const demand of expired) outcomes.push(resolveDemand(game, team, demand, 'ignored', modifiers, stream));
}

function removeWaiting(team: TeamState, demandId: number): void {
  const index = team.demands.findIndex((waiting) => waiting.id === demandId);
  if (index >= 0) team.demands.splice(index, 1);
}
