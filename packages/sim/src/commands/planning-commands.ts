import { spend } from '../rules/ledger.js';
import { findOption } from '../rules/team-measures.js';
import { dropBuildWork, promiseWork } from '../rules/work-queue.js';
import type { Game } from '../state/game.js';
import type { TeamState } from '../state/game-state.js';
import { type CommandResult, reject } from './command-result.js';
import type { Command } from './command-schema.js';

type PlanningCommand = Extract<
  Command,
  { type: 'buildOption' | 'retireOption' | 'setOptionPrice' | 'setPremiumPrice' | 'hire' | 'setRest' | 'commitPlan' }
>;

/** Prices may go from free to ten times the scenario's sensible price. */
export const MAX_PRICE_FACTOR = 10;

const DONE: CommandResult = { ok: true, outcomes: [] };

function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** The planning phase's decisions. Each checks everything first, so a rejection changes nothing. */
export function applyPlanningCommand(game: Game, team: TeamState, command: PlanningCommand): CommandResult {
  const { scenario, state } = game;
  if (state.phase !== 'planning') return reject('wrong-phase', `Plans are made in the planning phase; the game is in ${state.phase}.`);
  if (command.type === 'commitPlan') {
    team.planCommitted = true;
    return DONE;
  }
  if (command.type === 'hire') {
    if (team.staff.length + team.plannedHires + command.count > scenario.staff.max) {
      return reject('staff-limit', `At most ${scenario.staff.max} staff: you have ${team.staff.length} and ${team.plannedHires} planned.`);
    }
    const cost = scenario.staff.hireCostCents * command.count;
    if (team.cashCents < cost)
      return reject('not-enough-cash', `Hiring costs ${formatCents(cost)}; cash is ${formatCents(team.cashCents)}.`);
    spend(team, cost);
    team.plannedHires += command.count;
    return DONE;
  }
  if (command.type === 'setRest') {
    team.plannedRestPercent = command.percent;
    return DONE;
  }
  const categoryIndex = scenario.categories.findIndex((category) => category.id === command.category);
  const category = scenario.categories[categoryIndex];
  if (!category) return reject('unknown-category', `The scenario has no category "${command.category}".`);
  const option = findOption(team, categoryIndex);
  switch (command.type) {
    case 'buildOption': {
      if (option) return reject('option-exists', `"${category.name}" already has an option (${option.status}).`);
      const cost = category.option.buildCostCents;
      if (team.cashCents < cost)
        return reject('not-enough-cash', `Building costs ${formatCents(cost)}; cash is ${formatCents(team.cashCents)}.`);
      spend(team, cost);
      // The build's staff hours join the backlog, due when the option should go live: they are
      // worked first thing next round, and the option goes live only once they are done.
      const liveAtTick = state.globalTick + category.option.buildTicks;
      promiseWork(team, {
        kind: 'build',
        demandId: null,
        customerId: null,
        category: categoryIndex,
        hours: category.option.buildStaffHours,
        hoursLeft: category.option.buildStaffHours,
        promisedTick: state.globalTick,
        dueTick: liveAtTick,
        importance: 0,
        stakes: 1,
        loyaltyGain: 0,
        refundCents: 0,
      });
      team.options.push({
        category: categoryIndex,
        status: 'building',
        liveAtTick,
        priceCents: category.option.priceCents,
        builtRound: state.round,
        uses: 0,
      });
      return DONE;
    }
    case 'retireOption': {
      if (!option) return reject('unknown-option', `"${category.name}" has no option to retire.`);
      team.options = team.options.filter((candidate) => candidate !== option);
      dropBuildWork(team, categoryIndex);
      return DONE;
    }
    case 'setOptionPrice': {
      if (!option) return reject('unknown-option', `"${category.name}" has no option to price.`);
      if (command.priceCents > category.option.priceCents * MAX_PRICE_FACTOR) {
        return reject(
          'invalid-value',
          `An option price above ${formatCents(category.option.priceCents * MAX_PRICE_FACTOR)} is out of range.`,
        );
      }
      option.priceCents = command.priceCents;
      return DONE;
    }
    case 'setPremiumPrice': {
      if (command.priceCents > category.premiumPriceCents * MAX_PRICE_FACTOR) {
        return reject('invalid-value', `A premium above ${formatCents(category.premiumPriceCents * MAX_PRICE_FACTOR)} is out of range.`);
      }
      team.premiumPriceCents[categoryIndex] = command.priceCents;
      return DONE;
    }
  }
}
