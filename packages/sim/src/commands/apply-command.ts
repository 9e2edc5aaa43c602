import { RandomStream } from '../random/random-stream.js';
import { advanceTick } from '../rules/advance-tick.js';
import { findEvent } from '../rules/event-effects.js';
import { startEvent } from '../rules/event-start.js';
import { startNextRound } from '../rules/round-transitions.js';
import type { Game } from '../state/game.js';
import { DECISIONS } from '../state/game-state.js';
import { type CommandResult, type Outcome, reject } from './command-result.js';
import { type Command, commandSchema } from './command-schema.js';
import { decideDemand } from './decide-demand.js';
import { applyPlanningCommand } from './planning-commands.js';

/**
 * Applies one command to the game. A command that is not allowed now returns a typed
 * rejection and leaves the state exactly as it was; this function never throws on input.
 * On success the state is updated in place.
 */
export function applyCommand(game: Game, input: Command): CommandResult {
  // Time passing is by far the commonest command: skip the schema for its one exact shape.
  if (isPlainTick(input)) return tick(game);
  if (isPlainDecide(input)) return decide(game, input);
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject(
      'invalid-command',
      `Not a valid command: ${issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'unreadable'}.`,
    );
  }
  const command = parsed.data;
  const { state } = game;
  if (state.phase === 'ended') return reject('wrong-phase', 'The game has ended.');
  switch (command.type) {
    case 'tick':
      return tick(game);
    case 'startRound':
      if (state.phase !== 'planning') return reject('wrong-phase', 'The next round starts from the planning phase.');
      startNextRound(game);
      return { ok: true, outcomes: [] };
    case 'injectEvent':
      return injectEvent(game, command);
    default: {
      const team = state.teams[command.team];
      if (!team) return reject('unknown-team', `There is no team ${command.team + 1} in this game.`);
      if (command.type === 'decide') return decide(game, command);
      return applyPlanningCommand(game, team, command);
    }
  }
}

function isPlainTick(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || (input as { type?: unknown }).type !== 'tick') return false;
  for (const key in input) if (key !== 'type') return false;
  return true;
}

const DECISION_NAMES: readonly string[] = DECISIONS;

/** The exact shape commandSchema accepts for a decision, checked by hand: decisions are the next commonest. */
function isPlainDecide(input: unknown): input is Extract<Command, { type: 'decide' }> {
  if (typeof input !== 'object' || input === null) return false;
  const { type, team, demandId, decision, ...rest } = input as Record<string, unknown>;
  return (
    type === 'decide' &&
    Number.isInteger(team) &&
    (team as number) >= 0 &&
    (team as number) <= 63 &&
    Number.isInteger(demandId) &&
    (demandId as number) >= 1 &&
    typeof decision === 'string' &&
    DECISION_NAMES.includes(decision) &&
    Object.keys(rest).length === 0
  );
}

function decide(game: Game, command: Extract<Command, { type: 'decide' }>): CommandResult {
  if (game.state.phase === 'ended') return reject('wrong-phase', 'The game has ended.');
  const team = game.state.teams[command.team];
  if (!team) return reject('unknown-team', `There is no team ${command.team + 1} in this game.`);
  return decideDemand(game, team, command);
}

function tick(game: Game): CommandResult {
  if (game.state.phase !== 'operations') {
    return reject('wrong-phase', game.state.phase === 'ended' ? 'The game has ended.' : 'Time only runs during operations.');
  }
  return { ok: true, outcomes: advanceTick(game) };
}

function injectEvent(game: Game, command: Extract<Command, { type: 'injectEvent' }>): CommandResult {
  const event = findEvent(game.scenario, command.eventId);
  if (!event) return reject('unknown-event', `The scenario has no event "${command.eventId}".`);
  const teams = command.target === 'all' ? game.state.teams : [game.state.teams[command.target]];
  if (teams.some((team) => !team)) return reject('unknown-team', `There is no team ${Number(command.target) + 1} in this game.`);
  const outcomes: Outcome[] = [];
  for (const team of teams) {
    if (!team) continue;
    const stream = RandomStream.restore(team.rng.events);
    startEvent(game, team, event, stream, outcomes);
    team.rng.events = stream.save();
  }
  return { ok: true, outcomes };
}
