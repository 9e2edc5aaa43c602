import type { Outcome } from '../commands/command-result.js';
import type { RandomStream } from '../random/random-stream.js';
import type { ScenarioEvent } from '../scenario/scenario-schema.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { clamp } from '../state/units.js';
import { makeDemand } from './demand-arrivals.js';
import { markMoment } from './key-moments.js';

/** Starts an event for one team: one-off effects now, the rest while it runs. */
export function startEvent(game: Game, team: TeamState, event: ScenarioEvent, stream: RandomStream, outcomes: Outcome[]): void {
  const { scenario, state } = game;
  team.activeEvents.push({ eventId: event.id, remainingTicks: event.durationTicks, startedTick: state.globalTick });
  markMoment(state, team, 'event', `${event.name}: ${event.description}`);
  outcomes.push({ kind: 'event-started', team: team.index, eventId: event.id });
  for (const effect of event.effects) {
    if (effect.kind === 'reputation') {
      team.reputation = clamp(team.reputation + effect.delta, 0, 100);
    } else if (effect.kind === 'specialRequest') {
      const segmentIndex = scenario.segments.findIndex((segment) => segment.id === effect.segment);
      const categoryIndex = scenario.categories.findIndex((category) => category.id === effect.category);
      const segment = scenario.segments[segmentIndex];
      const category = scenario.categories[categoryIndex];
      const candidates = team.customers.filter((customer) => customer.active && customer.segment === segmentIndex);
      const customer = candidates[stream.int(0, Math.max(0, candidates.length - 1))];
      if (!segment || !category || !customer) continue;
      const draw = {
        customerId: customer.id,
        category: categoryIndex,
        text: stream.int(0, category.requests.length - 1),
        importance: clamp((category.valueBySegment[segment.id] ?? 0.5) + 0.3, 0, 1),
        patienceTicks: segment.patienceTicks + 4,
      };
      team.roundReport.cards++;
      const stats = team.roundReport.categories[categoryIndex];
      if (stats) stats.cards++;
      team.demands.push(
        makeDemand(team, draw, state.globalTick, category.oneOffHours * effect.hoursMultiplier, effect.stakesMultiplier, event.id),
      );
    }
  }
}

/** Counts down running events; an event whose time is up stops affecting the team. */
export function tickEvents(team: TeamState): void {
  if (team.activeEvents.length === 0) return;
  for (const active of team.activeEvents) if (active.remainingTicks > 0) active.remainingTicks--;
  team.activeEvents = team.activeEvents.filter((active) => active.remainingTicks > 0);
}
