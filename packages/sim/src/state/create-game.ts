import { RandomStream } from '../random/random-stream.js';
import { recountCustomers } from '../rules/customer-totals.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { personName } from './customer-names.js';
import type { Game } from './game.js';
import type { CategoryRoundStats, Customer, GameState, RoundReport, StaffMember, TeamState } from './game-state.js';

export interface GameSetup {
  scenario: Scenario;
  seed: number;
  teams?: number;
  /** Overrides the scenario's round count (a short game). */
  rounds?: number;
  /** Overrides the scenario's operations length. */
  ticksPerRound?: number;
  teamNames?: string[];
}

export const MAX_TEAMS = 12;

export function emptyCategoryStats(segmentCount: number): CategoryRoundStats {
  return {
    requests: 0,
    bySegment: new Array<number>(segmentCount).fill(0),
    selfServed: 0,
    resolutions: { accommodate: 0, premium: 0, option: 0, no: 0, ignored: 0 },
    oneOffHours: 0,
    importanceSum: 0,
    premiumOffered: 0,
    premiumAccepted: 0,
    cards: 0,
    brokenPromises: 0,
    optionUses: 0,
    optionRevenueCents: 0,
    optionUseCostsCents: 0,
    optionUpkeepCents: 0,
    optionPaidUpkeep: null,
  };
}

export function emptyRoundReport(scenario: Scenario, round: number): RoundReport {
  return {
    round,
    categories: scenario.categories.map(() => emptyCategoryStats(scenario.segments.length)),
    revenueCents: 0,
    costsCents: 0,
    staffHoursWorked: 0,
    overtimeHours: 0,
    buildHoursWorked: 0,
    settledHours: 0,
    settledCostsCents: 0,
    cards: 0,
    brokenPromises: 0,
    brokenPromiseHours: 0,
    refundsCents: 0,
    overtimeCostsCents: 0,
    mistakeCostsCents: 0,
    resignationCostsCents: 0,
    complaints: 0,
    praise: 0,
    errors: 0,
    customersLost: 0,
    customersJoined: 0,
    staffResigned: [],
  };
}

/**
 * The customer base every team starts from: the same people in every team of a game, so
 * teams on one seed face comparable demand. Segments are dealt in proportion to their share,
 * in an order shuffled by the seed.
 */
function buildCustomerBase(scenario: Scenario, seed: number): Customer[] {
  const total = scenario.customers.initial + scenario.customers.prospects;
  const shareSum = scenario.segments.reduce((sum, segment) => sum + segment.share, 0);
  const stream = RandomStream.seeded(seed, 'customers');
  const segments: number[] = [];
  scenario.segments.forEach((segment, index) => {
    const count = Math.round((segment.share / shareSum) * total);
    for (let i = 0; i < count; i++) segments.push(index);
  });
  while (segments.length < total) segments.push(segments.length % scenario.segments.length);
  segments.length = total;
  for (let i = segments.length - 1; i > 0; i--) {
    const j = stream.int(0, i);
    const swap = segments[i] as number;
    segments[i] = segments[j] as number;
    segments[j] = swap;
  }
  return segments.map((segment, id) => {
    const joined = id < scenario.customers.initial;
    return {
      id,
      name: personName(id + seed),
      segment,
      loyalty: scenario.segments[segment]?.startingLoyalty ?? 50,
      active: joined,
      joinedRound: joined ? 0 : -1,
      leftRound: -1,
    };
  });
}

function buildStaff(scenario: Scenario, stream: RandomStream, count: number, firstId: number, round: number): StaffMember[] {
  const names = scenario.staff.names;
  return Array.from({ length: count }, (_, offset) => {
    const id = firstId + offset;
    return {
      id,
      name: names[id % names.length] ?? `Staff ${id + 1}`,
      exhaustion: 0,
      strain: 0.8 + stream.float() * 0.4,
      rampRounds: round === 0 ? 0 : 1,
      hiredRound: round,
    };
  });
}

export function hireStaff(scenario: Scenario, team: TeamState, count: number, round: number): void {
  const stream = RandomStream.restore(team.rng.staff);
  team.staff.push(...buildStaff(scenario, stream, count, team.nextStaffId, round));
  team.nextStaffId += count;
  team.rng.staff = stream.save();
}

function createTeam(scenario: Scenario, seed: number, index: number, name: string, customers: Customer[]): TeamState {
  const staffStream = RandomStream.seeded(seed, 'staff');
  const staff = buildStaff(scenario, staffStream, scenario.staff.initial, 0, 0);
  const team: TeamState = {
    index,
    name,
    cashCents: scenario.startingCashCents,
    revenueCents: 0,
    costsCents: 0,
    customers: customers.map((customer) => ({ ...customer })),
    demands: [],
    nextDemandId: 1,
    backlogHours: 0,
    work: [],
    customerRevenuePerRoundCents: 0,
    loyaltyWeightSum: 0,
    departedRevenuePerRoundCents: 0,
    spendPerRoundCents: 0,
    staff,
    nextStaffId: staff.length,
    staffLost: 0,
    staffHired: 0,
    restPercent: 0,
    plannedRestPercent: 0,
    plannedHires: 0,
    options: [],
    premiumPriceCents: scenario.categories.map((category) => category.premiumPriceCents),
    reputation: scenario.reputation.start,
    activeEvents: [],
    decisions: { accommodate: 0, premium: 0, option: 0, no: 0, ignored: 0 },
    selfServiceUses: 0,
    complaints: 0,
    praise: 0,
    errors: 0,
    brokenPromises: 0,
    exhaustionTickSum: 0,
    exhaustionTicks: 0,
    peakExhaustion: 0,
    roundReport: emptyRoundReport(scenario, 1),
    reports: [],
    history: [],
    keyMoments: [],
    planCommitted: false,
    recentComplaintTicks: [],
    marked: { cashCrisis: false, exhaustionHigh: false, firstResignation: false, stormRound: 0, brokenPromise: false },
    rng: {
      outcomes: RandomStream.seeded(seed, 'outcomes').save(),
      staff: staffStream.save(),
      events: RandomStream.seeded(seed, 'events').save(),
    },
  };
  recountCustomers(scenario, team);
  return team;
}

/**
 * Creates a game at the start of round 1's operations. Every team gets the same customers,
 * staff and random streams: on one seed, teams differ only by what they decide.
 */
export function createGame(setup: GameSetup): Game {
  const { scenario } = setup;
  const seed = Math.trunc(setup.seed) | 0;
  const teams = Math.max(1, Math.min(MAX_TEAMS, Math.trunc(setup.teams ?? 1)));
  const customers = buildCustomerBase(scenario, seed);
  const state: GameState = {
    version: 1,
    config: {
      scenarioId: scenario.id,
      seed,
      teams,
      rounds: Math.max(1, Math.min(20, Math.trunc(setup.rounds ?? scenario.rounds))),
      ticksPerRound: Math.max(4, Math.min(48, Math.trunc(setup.ticksPerRound ?? scenario.ticksPerRound))),
    },
    round: 1,
    tick: 0,
    globalTick: 0,
    phase: 'operations',
    arrivalRng: RandomStream.seeded(seed, 'arrivals').save(),
    teams: Array.from({ length: teams }, (_, index) =>
      createTeam(scenario, seed, index, setup.teamNames?.[index] ?? `Team ${index + 1}`, customers),
    ),
  };
  return { scenario, state };
}
