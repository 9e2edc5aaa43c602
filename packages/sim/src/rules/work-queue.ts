import type { Outcome } from '../commands/command-result.js';
import type { RandomStream } from '../random/random-stream.js';
import type { Game } from '../state/game.js';
import type { Readiness, TeamState, WorkItem } from '../state/game-state.js';
import { clamp, type Hours, type Tick } from '../state/units.js';
import { shiftLoyalty } from './customer-totals.js';
import type { EventModifiers } from './event-effects.js';
import { markMoment, noteComplaint } from './key-moments.js';
import { spend } from './ledger.js';
import { brokenPromiseSatisfaction, complaintChance, loyaltyChange, REACTION, voiceWeight } from './reaction-model.js';

/**
 * The backlog knows what it owes to whom and by when. Every "yes" to a customer is a promise
 * of staff hours by a due tick; the staff work the promises in the order they were made; a
 * promise still unfinished at its due tick is broken: the customer loses the goodwill the
 * promise bought and more (worse than a gentle no), gets back what they paid, and the hours
 * left are dropped. So a team cannot owe work that never falls due.
 */
export const WORK = {
  /** Ticks between a promise and its due tick: a working day. */
  promiseTicks: 8,
  /** Overtime lets staff work up to this multiple of their normal capacity (see staff-work). */
  maxLoad: 1.5,
} as const;

/**
 * Adds owed work to the queue, which the staff work in order of due tick (in the order promised
 * when due together). Customer work is all due the same time after its promise, so for them
 * this is first come, first served; an option's build is due when the option should go live.
 */
export function promiseWork(team: TeamState, item: WorkItem): void {
  if (item.hours <= 0) return;
  const due = item.dueTick ?? Number.POSITIVE_INFINITY;
  const after = team.work.findIndex((queued) => (queued.dueTick ?? Number.POSITIVE_INFINITY) > due);
  if (after < 0) team.work.push(item);
  else team.work.splice(after, 0, item);
  team.backlogHours += item.hours;
}

/** Drops the build work of an option that was retired before it was built. */
export function dropBuildWork(team: TeamState, category: number): void {
  team.work = team.work.filter((item) => item.kind !== 'build' || item.category !== category);
  recountBacklog(team);
}

/** Whether an option's build hours are still being worked. */
export function isBuildPending(team: TeamState, category: number): boolean {
  return team.work.some((item) => item.kind === 'build' && item.category === category);
}

function isPromise(item: WorkItem): boolean {
  return item.kind !== 'build' && item.dueTick !== null;
}

/** The due tick of work promised now. */
export function dueTickFrom(now: Tick): Tick {
  return now + WORK.promiseTicks;
}

/**
 * The tick by which `hours` promised now would be done when the staff work `hoursPerTick`:
 * everything already owed comes first.
 */
export function readyTickFor(team: TeamState, hours: Hours, hoursPerTick: Hours, now: Tick): Tick {
  return now + Math.max(1, Math.ceil((team.backlogHours + hours) / Math.max(hoursPerTick, 0.01) - 1e-9));
}

/** When work promised now would be done; `endTick` is the game's last global tick, after which owed work is settled in overtime. */
export function readiness(team: TeamState, hours: Hours, capacityPerTick: Hours, now: Tick, endTick: Tick): Readiness {
  const dueTick = dueTickFrom(now);
  const readyTick = readyTickFor(team, hours, capacityPerTick, now);
  const inTime = readyTickFor(team, hours, capacityPerTick * WORK.maxLoad, now) <= dueTick;
  return { dueTick, readyTick, inTime, needsOvertime: inTime && (readyTick > dueTick || readyTick > endTick) };
}

/** The global tick at which the game's operations end. */
export function endTickOf(config: { rounds: number; ticksPerRound: number }): Tick {
  return config.rounds * config.ticksPerRound;
}

/** Hours per tick the staff must work from now on to keep every promise to a customer in the queue. */
export function requiredPace(team: TeamState, now: Tick): Hours {
  let owed = 0;
  let pace = 0;
  for (const item of team.work) {
    owed += item.hoursLeft;
    if (isPromise(item)) pace = Math.max(pace, owed / Math.max(1, (item.dueTick ?? now) - now));
  }
  return pace;
}

/** Works `hours` off the front of the queue; returns how many of them went into building options. */
export function workQueue(team: TeamState, hours: Hours): Hours {
  let left = hours;
  let buildHours = 0;
  let done = 0;
  for (const item of team.work) {
    if (left <= 1e-9) break;
    const worked = Math.min(left, item.hoursLeft);
    item.hoursLeft -= worked;
    left -= worked;
    if (item.kind === 'build') buildHours += worked;
    if (item.hoursLeft <= 1e-9) done++;
  }
  if (done > 0) team.work.splice(0, done);
  recountBacklog(team);
  return buildHours;
}

function recountBacklog(team: TeamState): void {
  let owed = 0;
  for (const item of team.work) owed += item.hoursLeft;
  team.backlogHours = owed < 1e-9 ? 0 : owed;
}

/** Breaks every promise whose due tick has come with work still left (step 1 of a tick, beside expiries). */
export function breakLatePromises(game: Game, team: TeamState, modifiers: EventModifiers, stream: RandomStream, outcomes: Outcome[]): void {
  const now = game.state.globalTick;
  const isLate = (item: WorkItem) => isPromise(item) && (item.dueTick ?? now) <= now;
  if (!team.work.some(isLate)) return;
  const late = team.work.filter(isLate);
  team.work = team.work.filter((item) => !isLate(item));
  recountBacklog(team);
  for (const item of late) outcomes.push(breakPromise(game, team, item, modifiers, stream));
}

function breakPromise(game: Game, team: TeamState, item: WorkItem, modifiers: EventModifiers, stream: RandomStream): Outcome {
  const { scenario, state } = game;
  const customer = item.customerId === null ? undefined : team.customers[item.customerId];
  const segment = customer ? scenario.segments[customer.segment] : undefined;
  const loyaltyBefore = customer?.loyalty ?? 0;
  const satisfaction = brokenPromiseSatisfaction(item.importance, modifiers.noPenalty);
  let complaint = false;
  if (customer && segment) {
    // The goodwill the promise bought is gone, and the broken promise hurts on top.
    shiftLoyalty(scenario, team, customer, -item.loyaltyGain);
    shiftLoyalty(scenario, team, customer, loyaltyChange(satisfaction, customer.loyalty, item.stakes));
    if (stream.chance(complaintChance(satisfaction, segment.socialReach) * REACTION.brokenPromiseComplaintFactor)) {
      complaint = true;
      team.complaints++;
      team.roundReport.complaints++;
      team.reputation = clamp(team.reputation - voiceWeight(scenario.reputation.complaintImpact, segment.socialReach), 0, 100);
      noteComplaint(state, team);
    }
  }
  const refundCents = item.refundCents > 0 ? spend(team, item.refundCents) : 0;
  team.brokenPromises++;
  const report = team.roundReport;
  report.brokenPromises++;
  report.brokenPromiseHours += item.hoursLeft;
  report.refundsCents += refundCents;
  const stats = report.categories[item.category];
  if (stats) stats.brokenPromises++;
  if (!team.marked.brokenPromise) {
    team.marked.brokenPromise = true;
    const name = scenario.categories[item.category]?.name ?? 'work';
    markMoment(
      state,
      team,
      'broken-promise',
      `First broken promise: ${customer?.name ?? 'a customer'} waited in vain for "${name}" (${item.hoursLeft.toFixed(1)} of ${item.hours.toFixed(1)} h still undone).`,
    );
  }
  return {
    kind: 'broken-promise',
    team: team.index,
    demandId: item.demandId,
    customerId: item.customerId,
    category: item.category,
    work: item.kind,
    hours: item.hours,
    hoursLeft: item.hoursLeft,
    dueTick: item.dueTick ?? game.state.globalTick,
    satisfaction,
    loyaltyBefore,
    loyaltyAfter: customer?.loyalty ?? 0,
    refundCents,
    complaint,
  };
}
