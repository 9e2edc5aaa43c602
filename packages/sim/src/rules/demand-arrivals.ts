import type { Outcome } from '../commands/command-result.js';
import { RandomStream } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { Game } from '../state/game.js';
import type { Customer, Demand, TeamState } from '../state/game-state.js';
import { clamp01 } from '../state/units.js';
import { shiftLoyalty } from './customer-totals.js';
import type { EventModifiers } from './event-effects.js';
import { earn, spend } from './ledger.js';
import { loyaltyChange, optionSatisfaction, selfServiceChance } from './reaction-model.js';
import { findOption } from './team-measures.js';
import { dueTickFrom, promiseWork } from './work-queue.js';

/** One customer asking for something this tick: drawn once per game, offered to every team. */
export interface ArrivalDraw {
  customerId: number;
  category: number;
  text: number;
  importance: number;
  patienceTicks: number;
}

/** A customer who serves themselves takes this share of a steered use's staff hours. */
export const SELF_SERVICE_HOURS_SHARE = 0.5;

const slotsBySegment = new WeakMap<Customer[], number[][]>();
const askWeightsByScenario = new WeakMap<Scenario, number[][]>();

/** Per segment, how often it asks for each category, in category order. */
function askWeights(scenario: Scenario): number[][] {
  let weights = askWeightsByScenario.get(scenario);
  if (!weights) {
    weights = scenario.segments.map((segment) => scenario.categories.map((category) => segment.asks[category.id] ?? 0));
    askWeightsByScenario.set(scenario, weights);
  }
  return weights;
}

/** Customer ids of each segment; the customer base is the same in every team, so team 0's serves. */
function segmentSlots(scenario: Scenario, customers: Customer[]): number[][] {
  let slots = slotsBySegment.get(customers);
  if (!slots) {
    slots = scenario.segments.map(() => []);
    for (const customer of customers) slots[customer.segment]?.push(customer.id);
    slotsBySegment.set(customers, slots);
  }
  return slots;
}

/**
 * Draws this tick's requests over the whole customer base, joined or not. The number of draws
 * never depends on what any team did, so the arrival stream stays in step across teams and
 * across choices; requests from customers a team does not have simply do not reach it.
 */
export function drawArrivals(game: Game): ArrivalDraw[] {
  const { scenario, state } = game;
  const base = state.teams[0]?.customers ?? [];
  const slots = segmentSlots(scenario, base);
  const stream = RandomStream.restore(state.arrivalRng);
  const draws: ArrivalDraw[] = [];
  scenario.segments.forEach((segment, segmentIndex) => {
    const ids = slots[segmentIndex] ?? [];
    // Requests are a rate per hour (per standard round of the scenario's length), so a shorter
    // round is fewer hours at the same pace, not the same requests crammed into fewer hours.
    const rate = (ids.length * segment.requestsPerRound) / scenario.ticksPerRound;
    const count = stream.poisson(rate);
    const weights = askWeights(scenario)[segmentIndex] ?? [];
    for (let i = 0; i < count; i++) {
      const customerId = ids[stream.int(0, ids.length - 1)] ?? 0;
      const category = stream.pickWeighted(weights);
      const text = stream.float();
      const spread = stream.float();
      const patienceJitter = stream.int(-1, 1);
      const definition = scenario.categories[category];
      if (!definition) continue;
      draws.push({
        customerId,
        category,
        text: Math.floor(text * definition.requests.length),
        importance: clamp01((definition.valueBySegment[segment.id] ?? 0) + (spread - 0.5) * 0.3),
        patienceTicks: Math.max(1, segment.patienceTicks + patienceJitter),
      });
    }
  });
  state.arrivalRng = stream.save();
  return draws;
}

export function makeDemand(
  team: TeamState,
  draw: ArrivalDraw,
  arrivedTick: number,
  oneOffHours: number,
  stakes = 1,
  eventId: string | null = null,
): Demand {
  return {
    id: team.nextDemandId++,
    customerId: draw.customerId,
    category: draw.category,
    text: draw.text,
    importance: draw.importance,
    arrivedTick,
    deadlineTick: arrivedTick + draw.patienceTicks,
    oneOffHours,
    stakes,
    eventId,
  };
}

/**
 * A request reaches the team: where a live option covers it, a self-service customer simply
 * uses the option (counted and charged, no card); everyone else becomes a card to decide.
 */
export function receiveDemand(game: Game, team: TeamState, draw: ArrivalDraw, stream: RandomStream, outcomes: Outcome[]): void {
  const { scenario, state } = game;
  const customer = team.customers[draw.customerId];
  const segment = customer ? scenario.segments[customer.segment] : undefined;
  const category = scenario.categories[draw.category];
  if (!customer?.active || !segment || !category) return;
  const stats = team.roundReport.categories[draw.category];
  if (stats) {
    stats.requests++;
    stats.importanceSum += draw.importance;
    stats.bySegment[customer.segment] = (stats.bySegment[customer.segment] ?? 0) + 1;
  }
  const option = findOption(team, draw.category);
  if (option?.status === 'live') {
    const ratio = category.option.priceCents > 0 ? option.priceCents / category.option.priceCents : 1;
    const usesItAlone = stream.chance(selfServiceChance(segment.selfService, draw.importance, segment.priceSensitivity, ratio));
    if (usesItAlone) {
      option.uses++;
      team.selfServiceUses++;
      const revenueCents = earn(team, option.priceCents);
      const costCents = spend(team, category.option.perUseCostCents);
      if (stats) {
        stats.selfServed++;
        stats.optionUses++;
        stats.optionRevenueCents += revenueCents;
        stats.optionUseCostsCents += costCents;
      }
      const gain = loyaltyChange(optionSatisfaction(draw.importance), customer.loyalty, 1);
      shiftLoyalty(scenario, team, customer, gain);
      const hours = category.option.staffHoursPerUse * SELF_SERVICE_HOURS_SHARE;
      promiseWork(team, {
        kind: 'self-service',
        demandId: null,
        customerId: customer.id,
        category: draw.category,
        hours,
        hoursLeft: hours,
        promisedTick: state.globalTick,
        dueTick: dueTickFrom(state.globalTick),
        importance: draw.importance,
        stakes: 1,
        loyaltyGain: Math.max(0, gain),
        refundCents: revenueCents,
      });
      outcomes.push({ kind: 'self-service', team: team.index, customerId: customer.id, category: draw.category, revenueCents });
      return;
    }
  }
  if (stats) stats.cards++;
  team.roundReport.cards++;
  team.demands.push(makeDemand(team, draw, state.globalTick, category.oneOffHours));
}

/** Extra requests from running events (a competitor's same-day launch, say), drawn per team. */
export function drawSurges(game: Game, team: TeamState, modifiers: EventModifiers, stream: RandomStream): ArrivalDraw[] {
  const { scenario } = game;
  const draws: ArrivalDraw[] = [];
  for (const surge of modifiers.surges) {
    const count = stream.poisson(surge.extraPerTick);
    const category = scenario.categories[surge.category];
    if (!category) continue;
    for (let i = 0; i < count; i++) {
      const customerId = stream.int(0, team.customers.length - 1);
      const customer = team.customers[customerId];
      const segment = customer ? scenario.segments[customer.segment] : undefined;
      const text = stream.int(0, category.requests.length - 1);
      const spread = stream.float();
      if (!segment) continue;
      draws.push({
        customerId,
        category: surge.category,
        text,
        importance: clamp01((category.valueBySegment[segment.id] ?? 0) + 0.15 + (spread - 0.5) * 0.3),
        patienceTicks: segment.patienceTicks,
      });
    }
  }
  return draws;
}
