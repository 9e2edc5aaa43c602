import type { EventEffect, Scenario, ScenarioEvent } from '../scenario/scenario-schema.js';
import type { TeamState } from '../state/game-state.js';

/** The combined effect of every event running for a team right now. */
export interface EventModifiers {
  capacity: number;
  noPenalty: number;
  premiumAcceptance: number;
  /** Extra demands per tick, by category index. */
  surges: { category: number; extraPerTick: number }[];
}

const NO_EVENTS: EventModifiers = { capacity: 1, noPenalty: 1, premiumAcceptance: 1, surges: [] };

export function findEvent(scenario: Scenario, eventId: string): ScenarioEvent | undefined {
  return scenario.events.find((event) => event.id === eventId);
}

export function eventModifiers(scenario: Scenario, team: TeamState): EventModifiers {
  if (team.activeEvents.length === 0) return NO_EVENTS;
  const modifiers: EventModifiers = { capacity: 1, noPenalty: 1, premiumAcceptance: 1, surges: [] };
  for (const active of team.activeEvents) {
    if (active.remainingTicks <= 0) continue;
    const event = findEvent(scenario, active.eventId);
    for (const effect of event?.effects ?? []) applyOngoing(scenario, modifiers, effect);
  }
  return modifiers;
}

function applyOngoing(scenario: Scenario, modifiers: EventModifiers, effect: EventEffect): void {
  switch (effect.kind) {
    case 'capacity':
      modifiers.capacity *= effect.multiplier;
      return;
    case 'noPenalty':
      modifiers.noPenalty *= effect.multiplier;
      return;
    case 'premiumAcceptance':
      modifiers.premiumAcceptance *= effect.multiplier;
      return;
    case 'demandSurge': {
      const category = scenario.categories.findIndex((candidate) => candidate.id === effect.category);
      if (category >= 0) modifiers.surges.push({ category, extraPerTick: effect.extraPerTick });
      return;
    }
    case 'reputation':
    case 'specialRequest':
      return; // one-off effects, applied when the event starts
  }
}
