import type { Outcome } from '../commands/command-result.js';
import { RandomStream } from '../random/random-stream.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { type ArrivalDraw, drawArrivals, drawSurges, receiveDemand } from './demand-arrivals.js';
import { expireDemands } from './demand-resolution.js';
import { eventModifiers, findEvent } from './event-effects.js';
import { startEvent, tickEvents } from './event-start.js';
import { markMoment, noteCash, noteExhaustion } from './key-moments.js';
import { earn } from './ledger.js';
import { endOperations } from './round-transitions.js';
import { workBacklog } from './staff-work.js';
import { meanExhaustion, valueWeightedLoyalty } from './team-measures.js';
import { breakLatePromises, isBuildPending } from './work-queue.js';

/**
 * One simulated working hour for every team: impatient customers give up, events start,
 * options finish building, new requests arrive, staff work the backlog, money moves, and the
 * figures are recorded. The last tick of a round ends its operations phase.
 */
export function advanceTick(game: Game): Outcome[] {
  const { scenario, state } = game;
  const outcomes: Outcome[] = [];
  const arrivals = drawArrivals(game);
  const scripted = scenario.script.filter((entry) => entry.round === state.round && entry.tick === state.tick);
  for (const team of state.teams) {
    const outcomeStream = RandomStream.restore(team.rng.outcomes);
    const eventStream = RandomStream.restore(team.rng.events);
    expireDemands(game, team, (demand) => demand.deadlineTick <= state.globalTick, outcomeStream, outcomes);
    breakLatePromises(game, team, eventModifiers(scenario, team), outcomeStream, outcomes);
    for (const entry of scripted) {
      const event = findEvent(scenario, entry.event);
      if (event) startEvent(game, team, event, eventStream, outcomes);
    }
    finishBuilds(game, team);
    const modifiers = eventModifiers(scenario, team);
    for (const draw of arrivals) receiveDemand(game, team, draw, outcomeStream, outcomes);
    const surges: ArrivalDraw[] = modifiers.surges.length > 0 ? drawSurges(game, team, modifiers, eventStream) : [];
    for (const draw of surges) receiveDemand(game, team, draw, outcomeStream, outcomes);
    workBacklog(scenario, team, modifiers.capacity, state.globalTick);
    tickEvents(team);
    earnAndRecord(game, team);
    team.rng.outcomes = outcomeStream.save();
    team.rng.events = eventStream.save();
  }
  state.tick++;
  state.globalTick++;
  if (state.tick >= state.config.ticksPerRound) endOperations(game, outcomes);
  return outcomes;
}

function finishBuilds(game: Game, team: TeamState): void {
  for (const option of team.options) {
    if (option.status === 'building' && option.liveAtTick <= game.state.globalTick && !isBuildPending(team, option.category)) {
      option.status = 'live';
      const name = game.scenario.categories[option.category]?.name ?? 'An option';
      markMoment(game.state, team, 'option-live', `Option live: "${name}" is now a standard offer.`);
    }
  }
}

/**
 * Customers pay their regular spend, an hour's share of a standard round's at their current
 * loyalty; then the tick is recorded.
 */
function earnAndRecord(game: Game, team: TeamState): void {
  const { scenario, state } = game;
  earn(team, team.spendPerRoundCents / scenario.ticksPerRound);
  const exhaustion = meanExhaustion(team);
  team.exhaustionTickSum += exhaustion;
  team.exhaustionTicks++;
  if (exhaustion > team.peakExhaustion) team.peakExhaustion = exhaustion;
  noteExhaustion(state, team, exhaustion);
  noteCash(state, team);
  team.history.push({
    tick: state.globalTick + 1,
    profitCents: team.revenueCents - team.costsCents,
    exhaustion,
    loyalty: valueWeightedLoyalty(team),
    reputation: team.reputation,
    backlogHours: team.backlogHours,
  });
}
