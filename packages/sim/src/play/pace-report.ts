import { applyCommand } from '../commands/apply-command.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { createGame } from '../state/create-game.js';

/**
 * How many cards reach a team per simulated hour: the pace a person must keep up with. At the
 * default pace a person decides about one card an hour; without options the stream is far
 * faster (the chaos), and options on the frequent categories tame it to about one an hour.
 */
export interface PaceReport {
  scenario: string;
  /** Ids of the frequent, valued categories (see frequentCategories). */
  frequentCategories: string[];
  /** Their share of all requests, 0..1. */
  frequentShare: number;
  /** Mean cards per hour in a first round without options, and with live options on the frequent categories. */
  withoutOptions: number;
  withOptions: number;
}

/** A category is frequent when it draws at least this share of requests and customers value it at least this much on average. */
export const FREQUENT = { minShare: 0.1, minImportance: 0.3 } as const;

/** Each category's expected share of requests and mean importance, from the scenario's rates and values. */
export function requestMix(scenario: Scenario): { share: number; importance: number }[] {
  const requests = scenario.categories.map(() => 0);
  const valued = scenario.categories.map(() => 0);
  for (const segment of scenario.segments) {
    const askTotal = Object.values(segment.asks).reduce((sum, weight) => sum + weight, 0);
    if (askTotal <= 0) continue;
    const rate = segment.share * segment.requestsPerRound;
    scenario.categories.forEach((category, index) => {
      const asked = (rate * (segment.asks[category.id] ?? 0)) / askTotal;
      requests[index] = (requests[index] ?? 0) + asked;
      valued[index] = (valued[index] ?? 0) + asked * (category.valueBySegment[segment.id] ?? 0);
    });
  }
  const total = requests.reduce((sum, count) => sum + count, 0);
  return requests.map((count, index) => ({
    share: total > 0 ? count / total : 0,
    importance: count > 0 ? (valued[index] ?? 0) / count : 0,
  }));
}

/** Indexes of the categories many customers ask for and value: the ones worth standardising. */
export function frequentCategories(scenario: Scenario): number[] {
  return requestMix(scenario).flatMap((mix, index) =>
    mix.share >= FREQUENT.minShare && mix.importance >= FREQUENT.minImportance ? [index] : [],
  );
}

/** Cards per hour over one round, with or without live options on the given categories. */
function cardsPerHour(scenario: Scenario, seed: number, liveOptions: readonly number[]): number {
  const game = createGame({ scenario, seed, rounds: 1 });
  const team = game.state.teams[0];
  if (!team) return 0;
  // A what-if set-up: the options stand ready from the first hour.
  for (const category of liveOptions) {
    const economics = scenario.categories[category]?.option;
    if (economics) team.options.push({ category, status: 'live', liveAtTick: 0, priceCents: economics.priceCents, builtRound: 0, uses: 0 });
  }
  // Nobody can leave before the first round ends, so what the team decides does not change the stream.
  while (game.state.phase === 'operations') applyCommand(game, { type: 'tick' });
  return (team.reports[0]?.cards ?? 0) / game.state.config.ticksPerRound;
}

/** The pace with and without options on the frequent categories, averaged over the seeds. */
export function measurePace(scenario: Scenario, seeds: readonly number[]): PaceReport {
  const frequent = frequentCategories(scenario);
  const mix = requestMix(scenario);
  const mean = (options: readonly number[]) =>
    seeds.reduce((sum, seed) => sum + cardsPerHour(scenario, seed, options), 0) / Math.max(seeds.length, 1);
  return {
    scenario: scenario.id,
    frequentCategories: frequent.map((index) => scenario.categories[index]?.id ?? String(index)),
    frequentShare: frequent.reduce((sum, index) => sum + (mix[index]?.share ?? 0), 0),
    withoutOptions: mean([]),
    withOptions: mean(frequent),
  };
}
