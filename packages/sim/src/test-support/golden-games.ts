import { applyCommand } from '../commands/apply-command.js';
import type { Command } from '../commands/command-schema.js';
import { planCommands, type TeamPlan } from '../commands/team-plan.js';
import { stateHash } from '../figures/state-hash.js';
import { stepWithStrategies } from '../play/play-game.js';
import { findScenario } from '../scenario/builtin-scenarios.js';
import { createGame, type GameSetup } from '../state/create-game.js';
import type { Game } from '../state/game.js';
import { createStrategy } from '../strategies/create-strategy.js';
import type { PolicyName } from '../strategies/strategy.js';

// Golden games: a handful of games recorded from the rules as they were when they were recorded
// (`npm run record-golden -w @ttc/sim` writes golden-games.json). The golden test plays each one
// again and compares the commands and the state hashes: a refactoring that changes anything in
// the game, by accident, fails it.

/** One recorded game: who plays it, on what, and what is injected when. */
export interface GoldenDefinition {
  name: string;
  scenarioId: string;
  seed: number;
  teams: number;
  rounds: number;
  ticksPerRound: number;
  /** One benchmark strategy per team. */
  policies: PolicyName[];
  /** A trainer's event, injected once the game reaches this global tick. */
  event?: { atTick: number; eventId: string };
  /** Team 0 plans as a person would on the planning screen (a whole plan), instead of its strategy. */
  plans?: TeamPlan[];
}

export type GoldenReason = 'event' | 'round-end' | 'plan' | 'end';

/** The state hash after the first `position` commands. */
export interface GoldenCheckpoint {
  position: number;
  reason: GoldenReason;
  hash: string;
}

export interface GoldenGame extends GoldenDefinition {
  commands: Command[];
  checkpoints: GoldenCheckpoint[];
}

export const GOLDEN_FORMAT = 'tame-the-chaos/golden-games';

const humanPlans: TeamPlan[] = [
  { build: ['rush-delivery'], retire: [], premiumPrices: { 'special-invoicing': 1500 }, optionPrices: {}, hires: 1, restPercent: 10 },
  { build: ['volume-quote'], retire: [], premiumPrices: {}, optionPrices: { 'rush-delivery': 900 }, hires: 0, restPercent: 20 },
  { build: [], retire: ['volume-quote'], premiumPrices: { 'rush-delivery': 2500 }, optionPrices: {}, hires: 0, restPercent: 0 },
];

export const GOLDEN_DEFINITIONS: GoldenDefinition[] = [
  {
    name: 'strategist, full game',
    scenarioId: 'office-supplies',
    seed: 7,
    teams: 1,
    rounds: 6,
    ticksPerRound: 16,
    policies: ['strategist'],
  },
  {
    name: 'always accommodate, with a flood',
    scenarioId: 'shoe-store',
    seed: 3,
    teams: 1,
    rounds: 3,
    ticksPerRound: 12,
    policies: ['always-accommodate'],
    event: { atTick: 5, eventId: 'warehouse-flood' },
  },
  {
    name: 'random, with a viral complaint',
    scenarioId: 'boutique-hotel',
    seed: 11,
    teams: 1,
    rounds: 3,
    ticksPerRound: 12,
    policies: ['random'],
    event: { atTick: 14, eventId: 'viral-complaint' },
  },
  {
    name: 'always premium',
    scenarioId: 'same-day-delivery',
    seed: 5,
    teams: 1,
    rounds: 3,
    ticksPerRound: 12,
    policies: ['always-premium'],
  },
  {
    name: 'three teams: strategist at a person’s pace, always no, idle',
    scenarioId: 'office-supplies',
    seed: 21,
    teams: 3,
    rounds: 3,
    ticksPerRound: 12,
    policies: ['strategist-paced', 'always-no', 'idle'],
    event: { atTick: 8, eventId: 'flu-season' },
  },
  {
    name: 'a person’s plans, the strategist’s decisions',
    scenarioId: 'office-supplies',
    seed: 9,
    teams: 1,
    rounds: 4,
    ticksPerRound: 12,
    policies: ['strategist'],
    event: { atTick: 20, eventId: 'key-account-rfp' },
    plans: humanPlans,
  },
];

export function goldenSetup(definition: GoldenDefinition): GameSetup {
  const scenario = findScenario(definition.scenarioId);
  if (!scenario) throw new Error(`no scenario ${definition.scenarioId}`);
  const { seed, teams, rounds, ticksPerRound } = definition;
  return { scenario, seed, teams, rounds, ticksPerRound };
}

/** Plays a golden game with today's rules: the commands it makes and the hashes along the way. */
export function playGolden(definition: GoldenDefinition): GoldenGame {
  if (definition.plans && definition.teams !== 1) throw new Error('a golden game with a person’s plans has one team');
  const game = createGame(goldenSetup(definition));
  const strategies = definition.policies.map((policy) => createStrategy(policy, definition.seed));
  const commands: Command[] = [];
  const checkpoints: GoldenCheckpoint[] = [];
  const note = (reason: GoldenReason) => checkpoints.push({ position: commands.length, reason, hash: stateHash(game.state) });
  let injected = false;
  while (game.state.phase !== 'ended') {
    const { event } = definition;
    if (event && !injected && game.state.phase === 'operations' && game.state.globalTick >= event.atTick) {
      apply(game, { type: 'injectEvent', target: 'all', eventId: event.eventId }, commands);
      injected = true;
      note('event');
    }
    const before = game.state.phase;
    const plan = definition.plans?.[game.state.round - 1];
    if (before === 'planning' && plan) {
      const team = game.state.teams[0];
      for (const command of planCommands(0, plan, team?.plannedRestPercent)) apply(game, command, commands);
      note('plan');
      apply(game, { type: 'startRound' }, commands);
    } else stepWithStrategies(game, strategies, commands);
    if (before === 'operations' && game.state.phase !== 'operations') note('round-end');
  }
  note('end');
  return { ...definition, commands, checkpoints };
}

function apply(game: Game, command: Command, commands: Command[]): void {
  const result = applyCommand(game, command);
  if (!result.ok) throw new Error(`golden game: ${command.type} refused (${result.rejection.reason})`);
  commands.push(command);
}
