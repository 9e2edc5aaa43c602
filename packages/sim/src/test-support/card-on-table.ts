import { makeDemand } from '../rules/demand-arrivals.js';
import { findScenario } from '../scenario/builtin-scenarios.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { createGame } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import type { Customer, Demand, TeamState } from '../state/game-state.js';

export const OFFICE = findScenario('office-supplies') as Scenario;

export interface CardOnTable {
  game: Game;
  team: TeamState;
  customer: Customer;
  demand: Demand;
}

export interface CardSpec {
  /** Segment id of the customer who asks (default: the first segment, the most valuable). */
  segment?: string;
  /** Category id asked for (default: the first category). */
  category?: string;
  importance?: number;
  patienceTicks?: number;
  seed?: number;
  teams?: number;
}

/**
 * A fresh game at its first hour with one chosen card waiting for team 0 (in every team when
 * there are several): the small state a rule's specification starts from.
 */
export function cardOnTable(spec: CardSpec = {}, scenario: Scenario = OFFICE): CardOnTable {
  const game = createGame({ scenario, seed: spec.seed ?? 1, teams: spec.teams ?? 1 });
  const segmentIndex = spec.segment ? scenario.segments.findIndex((segment) => segment.id === spec.segment) : 0;
  const category = spec.category ? scenario.categories.findIndex((candidate) => candidate.id === spec.category) : 0;
  const definition = scenario.categories[category];
  const base = game.state.teams[0];
  const customerId = base?.customers.find((candidate) => candidate.active && candidate.segment === segmentIndex)?.id;
  if (!definition || !base || customerId === undefined) throw new Error('no such card');
  const draw = { customerId, category, text: 0, importance: spec.importance ?? 0.8, patienceTicks: spec.patienceTicks ?? 4 };
  for (const team of game.state.teams) team.demands.push(makeDemand(team, draw, 0, definition.oneOffHours));
  const team = base;
  const customer = team.customers[customerId] as Customer;
  const demand = team.demands[0] as Demand;
  return { game, team, customer, demand };
}
