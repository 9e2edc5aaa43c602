import { copyPlain } from '../state/copy-plain.js';
import type { Game } from '../state/game.js';
import { applyCommand } from './apply-command.js';
import type { Rejection } from './command-result.js';
import type { Command } from './command-schema.js';
import { planCommands, type TeamPlan } from './team-plan.js';

export type PlanResult = { ok: true; commands: Command[] } | { ok: false; rejection: Rejection };

/**
 * Why a team may not plan now, or undefined when it may: plans are made in the planning phase,
 * one per team and round.
 */
export function planRejection(game: Game, team: number): Rejection | undefined {
  const { state } = game;
  if (state.phase !== 'planning')
    return { code: 'wrong-phase', reason: `Plans are made in the planning phase; the game is in ${state.phase}.` };
  const teamState = state.teams[team];
  if (!teamState) return { code: 'unknown-team', reason: `There is no team ${team + 1} in this game.` };
  if (teamState.planCommitted) return { code: 'plan-committed', reason: 'Your team has already committed its plan for this round.' };
  return undefined;
}

/**
 * Carries out a team's whole plan, all or nothing: every step is tried first on a copy of the
 * team, and only a plan whose every step the game accepts is applied (ending with the commit).
 * A refused plan changes nothing and says which step failed and why. On success, `commands` are
 * the commands applied, in order: what a log records.
 */
export function applyPlan(game: Game, team: number, plan: TeamPlan): PlanResult {
  const refused = planRejection(game, team);
  if (refused) return { ok: false, rejection: refused };
  const { state } = game;
  const commands = planCommands(team, plan, state.teams[team]?.plannedRestPercent);
  // Planning commands change only their own team: the trial game shares everything else.
  const trial: Game = {
    scenario: game.scenario,
    state: { ...state, teams: state.teams.map((candidate, index) => (index === team ? copyPlain(candidate) : candidate)) },
  };
  for (const command of commands) {
    const result = applyCommand(trial, command);
    if (!result.ok) return result;
  }
  for (const command of commands) {
    const result = applyCommand(game, command);
    if (!result.ok) throw new Error(`a plan step accepted on trial was refused: ${result.rejection.reason}`);
  }
  return { ok: true, commands };
}
