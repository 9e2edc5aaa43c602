import { RandomStream } from '../random/random-stream.js';
import { resolveDemand } from '../rules/demand-resolution.js';
import { eventModifiers } from '../rules/event-effects.js';
import { isOptionLive } from '../rules/team-measures.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { type CommandResult, reject } from './command-result.js';
import type { Command } from './command-schema.js';

type Decide = Extract<Command, { type: 'decide' }>;

/**
 * Resolves one waiting card. Cards still waiting when a round's operations end carry over into
 * the next round (round-transitions.ts), so a card may also be answered in planning: an answer
 * sent in the last moment of the round that reaches the game after the bell (a late answer) is
 * the same answer to the same waiting customer, not an error. It counts in the next round's
 * report, like every other consequence of a carried-over card. The planning screens offer no
 * cards, so in practice these are answers in flight at the bell.
 */
export function decideDemand(game: Game, team: TeamState, command: Decide): CommandResult {
  if (game.state.phase !== 'operations' && game.state.phase !== 'planning')
    return reject('wrong-phase', `Demands are decided during operations or, late, in planning; the game is in ${game.state.phase}.`);
  const demand = team.demands.find((waiting) => waiting.id === command.demandId);
  if (!demand) {
    return command.demandId < team.nextDemandId
      ? reject('already-decided', `Demand ${command.demandId} has already been decided or has expired.`)
      : reject('unknown-demand', `Team ${team.index + 1} has no demand ${command.demandId}.`);
  }
  if (command.decision === 'option' && !isOptionLive(team, demand.category)) {
    const name = game.scenario.categories[demand.category]?.name ?? 'this category';
    return reject('option-not-live', `There is no live standard option for "${name}" to offer.`);
  }
  const stream = RandomStream.restore(team.rng.outcomes);
  const outcome = resolveDemand(game, team, demand, command.decision, eventModifiers(game.scenario, team), stream);
  team.rng.outcomes = stream.save();
  return { ok: true, outcomes: [outcome] };
}
