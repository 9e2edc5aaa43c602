import type { Scenario } from '../scenario/scenario-schema.js';
import type { StaffMember, TeamState } from '../state/game-state.js';
import { clamp, type Hours, type Tick } from '../state/units.js';
import { spend } from './ledger.js';
import { requiredPace, workQueue } from './work-queue.js';

/**
 * The staff side of the model. Work joins a backlog; each tick the staff work it down. Past
 * their normal capacity they work overtime (paid at time and a half, up to half again their
 * hours), and overtime plus a long queue wear them out; light load and planned rest let them
 * recover. Exhaustion then feeds mistakes (reaction-model) and resignations (round-end).
 */
export const STAFF = {
  /** Overtime can stretch capacity by this share at most. */
  maxOvertimeShare: 0.5,
  overtimePayFactor: 1.5,
  /** Exhaustion per tick per unit of overtime share (at strain 1). */
  overtimeStrain: 14,
  /** Exhaustion per tick per tick of queued work, capped at `pressureCap` ticks. */
  queueStrain: 0.45,
  pressureCap: 16,
  /** Below this load the staff recover, faster the lighter the load. */
  recoveryLoad: 0.8,
  recoveryRate: 6,
  /** Exhaustion recovered per tick per 10 % of time planned as rest. */
  restRecovery: 1.2,
  /** Capacity of a new hire during their first round. */
  rampCapacity: 0.5,
} as const;

/** The pressure of full overtime and the longest queue: it drives exhaustion to 100. */
function fullPressure(): number {
  return STAFF.maxOvertimeShare * STAFF.overtimeStrain + STAFF.pressureCap * STAFF.queueStrain;
}

export function memberCapacity(scenario: Scenario, member: StaffMember): Hours {
  return scenario.staff.hoursPerTick * (member.rampRounds > 0 ? STAFF.rampCapacity : 1);
}

/** Hours the team can work in a normal tick, after rest and events. */
export function normalCapacity(scenario: Scenario, team: TeamState, capacityFactor: number): Hours {
  let hours = 0;
  for (const member of team.staff) hours += memberCapacity(scenario, member);
  return hours * capacityFactor * (1 - team.restPercent / 100);
}

export interface WorkTick {
  worked: Hours;
  overtime: Hours;
}

/**
 * One tick of work. Staff work their normal hours while there is work; they stay on for
 * overtime only when the promises falling due need it (up to half again their hours).
 */
export function workBacklog(scenario: Scenario, team: TeamState, capacityFactor: number, now: Tick): WorkTick {
  const normal = normalCapacity(scenario, team, capacityFactor);
  const pace = Math.min(Math.max(normal, requiredPace(team, now)), normal * (1 + STAFF.maxOvertimeShare));
  const worked = Math.min(team.backlogHours, pace);
  const overtime = Math.max(0, worked - normal);
  const buildHours = workQueue(team, worked);

  const safeNormal = Math.max(normal, 0.1);
  const load = worked / safeNormal;
  const overtimeShare = overtime / safeNormal;
  const queuedTicks = Math.min(team.backlogHours / safeNormal, STAFF.pressureCap);
  const recovery =
    (load < STAFF.recoveryLoad ? (STAFF.recoveryLoad - load) * STAFF.recoveryRate : 0) + (team.restPercent / 10) * STAFF.restRecovery;
  const pressure = overtimeShare * STAFF.overtimeStrain + queuedTicks * STAFF.queueStrain;
  for (const member of team.staff) {
    // Pressure builds exhaustion up to a level that matches it: a team pushed a little settles
    // at a high but bearable level, a team pushed to the limit burns out.
    const strain = Math.max(0, pressure * member.strain - (member.exhaustion / 100) * fullPressure());
    member.exhaustion = clamp(member.exhaustion + strain - recovery, 0, 100);
  }
  if (overtime > 0) {
    const hourlyWage = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
    team.roundReport.overtimeCostsCents += spend(team, overtime * hourlyWage * STAFF.overtimePayFactor);
  }
  spend(team, scenario.staff.wagePerTickCents * team.staff.length);
  team.roundReport.staffHoursWorked += worked;
  team.roundReport.overtimeHours += overtime;
  team.roundReport.buildHoursWorked += buildHours;
  return { worked, overtime };
}

/**
 * At the end of the game the work still owed must be done all the same: it is finished after
 * the last hour and its wages are paid. Owing work is never free.
 */
export function settleOwedWork(scenario: Scenario, team: TeamState): void {
  const owed = team.backlogHours;
  if (owed <= 0) return;
  const hourlyWage = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
  team.roundReport.settledCostsCents += spend(team, owed * hourlyWage);
  team.roundReport.settledHours += owed;
  team.work = [];
  team.backlogHours = 0;
}
