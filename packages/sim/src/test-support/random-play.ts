import fc from 'fast-check';
import { applyCommand } from '../commands/apply-command.js';
import type { CommandResult } from '../commands/command-result.js';
import type { Command } from '../commands/command-schema.js';
import type { Game } from '../state/game.js';
import { DECISIONS } from '../state/game-state.js';

/**
 * A player's intent, turned into a concrete command against whatever state the game is in.
 * Picking by index keeps generated sequences meaningful (mostly valid commands on real
 * demands) while still producing invalid ones: stale demand ids, wrong phases, unaffordable builds.
 */
export type Intent =
  | { kind: 'tick' }
  | { kind: 'decide'; team: number; pick: number; decision: number; stale: boolean }
  | { kind: 'build' | 'retire' | 'price' | 'premium'; team: number; category: number; price: number }
  | { kind: 'hire'; team: number; count: number }
  | { kind: 'rest'; team: number; percent: number }
  | { kind: 'event'; team: number; event: number }
  | { kind: 'startRound' };

export const intentArbitrary: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'tick' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      team: fc.nat(3),
      pick: fc.nat(10),
      decision: fc.nat(3),
      stale: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('build' as const, 'retire' as const, 'price' as const, 'premium' as const),
      team: fc.nat(3),
      category: fc.nat(8),
      price: fc.nat(20_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hire' as const), team: fc.nat(3), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rest' as const), team: fc.nat(3), percent: fc.integer({ min: 0, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('event' as const), team: fc.nat(3), event: fc.nat(6) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'startRound' as const }) },
);

export function commandFor(game: Game, intent: Intent): Command {
  const { scenario, state } = game;
  const categoryId = (index: number) => scenario.categories[index % (scenario.categories.length + 1)]?.id ?? 'no-such-category';
  switch (intent.kind) {
    case 'tick':
      return { type: 'tick' };
    case 'startRound':
      return { type: 'startRound' };
    case 'decide': {
      const team = state.teams[intent.team % state.teams.length];
      const waiting = team?.demands ?? [];
      const demand = waiting[intent.pick % Math.max(waiting.length, 1)];
      const demandId = intent.stale || !demand ? Math.max(1, (team?.nextDemandId ?? 2) - 1 - intent.pick) : demand.id;
      return { type: 'decide', team: intent.team, demandId, decision: DECISIONS[intent.decision % 4] ?? 'no' };
    }
    case 'build':
      return { type: 'buildOption', team: intent.team, category: categoryId(intent.category) };
    case 'retire':
      return { type: 'retireOption', team: intent.team, category: categoryId(intent.category) };
    case 'price':
      return { type: 'setOptionPrice', team: intent.team, category: categoryId(intent.category), priceCents: intent.price };
    case 'premium':
      return { type: 'setPremiumPrice', team: intent.team, category: categoryId(intent.category), priceCents: intent.price };
    case 'hire':
      return { type: 'hire', team: intent.team, count: intent.count };
    case 'rest':
      return { type: 'setRest', team: intent.team, percent: intent.percent };
    case 'event':
      return {
        type: 'injectEvent',
        target: intent.event === 6 ? 'all' : intent.team,
        eventId: scenario.events[intent.event]?.id ?? 'no-such-event',
      };
  }
}

/** Applies intents in order; returns the accepted commands (the game's log). */
export function playIntents(game: Game, intents: readonly Intent[], after?: (result: CommandResult, command: Command) => void): Command[] {
  const log: Command[] = [];
  for (const intent of intents) {
    const command = commandFor(game, intent);
    const result = applyCommand(game, command);
    if (result.ok) log.push(command);
    after?.(result, command);
  }
  return log;
}
