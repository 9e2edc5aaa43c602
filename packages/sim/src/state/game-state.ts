import type { RandomStreamState } from '../random/random-stream.js';
import type { Cents, Hours, Tick } from './units.js';

export const DECISIONS = ['accommodate', 'premium', 'option', 'no'] as const;
export type Decision = (typeof DECISIONS)[number];
/** What happened to a demand: one of the four decisions, or its patience ran out. */
export type Resolution = Decision | 'ignored';

export type Phase = 'operations' | 'planning' | 'ended';

export interface Customer {
  id: number;
  name: string;
  /** Index into scenario.segments. */
  segment: number;
  /** Slow commitment, 0..100. */
  loyalty: number;
  active: boolean;
  /** Round the customer joined (0 = from the start); prospects not yet joined have -1. */
  joinedRound: number;
  /** Round the customer left, or -1. */
  leftRound: number;
}

export interface Demand {
  id: number;
  customerId: number;
  /** Index into scenario.categories. */
  category: number;
  /** Index into the category's request texts. */
  text: number;
  /** How much this customer cares about this request, 0..1. */
  importance: number;
  arrivedTick: Tick;
  /** The last global tick at which it can still be decided. */
  deadlineTick: Tick;
  /** Staff hours a one-off costs (events can make special requests heavier). */
  oneOffHours: Hours;
  /** Multiplies the loyalty at stake (a key account's request for proposal). */
  stakes: number;
  /** Id of the event that raised it, when it came from one. */
  eventId: string | null;
}

/** When `hours` promised now would be done, at normal pace and with all the overtime staff can give. */
export interface Readiness {
  dueTick: Tick;
  /** At the staff's normal pace. */
  readyTick: Tick;
  /** Done by its due tick, with overtime if need be. */
  inTime: boolean;
  /** In time only with overtime (or finished after the game's last hour, at extra wages). */
  needsOvertime: boolean;
}

/** What a piece of owed work is for: a promised one-off, an option use, or building an option. */
export type WorkKind = 'accommodate' | 'premium' | 'option' | 'self-service' | 'build';

/**
 * Staff hours the team owes. Customer work is promised by a due tick; the staff work the queue
 * in the order it was promised, and work still unfinished at its due tick is a broken promise
 * (rules/work-queue.ts). Building an option owes hours to the team itself: the option goes live
 * once its build ticks have passed and its build hours are worked.
 */
export interface WorkItem {
  kind: WorkKind;
  /** The card it came from (null for self-service and builds). */
  demandId: number | null;
  /** The customer it is owed to (null for builds). */
  customerId: number | null;
  /** Index into scenario.categories. */
  category: number;
  hours: Hours;
  hoursLeft: Hours;
  promisedTick: Tick;
  /** The global tick by which it must be done (for a build: when the option is due to go live). */
  dueTick: Tick | null;
  importance: number;
  stakes: number;
  /** Loyalty the promise won; a broken promise takes it back. */
  loyaltyGain: number;
  /** What the customer paid for it; a broken promise refunds it. */
  refundCents: Cents;
}

export interface StaffMember {
  id: number;
  name: string;
  /** Tiredness, 0..100. */
  exhaustion: number;
  /** Multiplies how fast exhaustion builds (0.8..1.2). */
  strain: number;
  /** Rounds of ramp-up left at half capacity for a new hire. */
  rampRounds: number;
  hiredRound: number;
}

export interface OptionState {
  /** Index into scenario.categories. */
  category: number;
  status: 'building' | 'live';
  /** Global tick at which a building option goes live. */
  liveAtTick: Tick;
  priceCents: Cents;
  builtRound: number;
  uses: number;
}

export interface ActiveEvent {
  eventId: string;
  /** Operations ticks left; 0 means a one-off that has taken effect. */
  remainingTicks: number;
  startedTick: Tick;
}

export interface DecisionCounts {
  accommodate: number;
  premium: number;
  option: number;
  no: number;
  ignored: number;
}

/** Per category, what the round's demand looked like: the report the planning phase reads. */
export interface CategoryRoundStats {
  requests: number;
  bySegment: number[];
  selfServed: number;
  resolutions: DecisionCounts;
  /** Staff hours spent on one-offs in this category. */
  oneOffHours: Hours;
  /** Sum of importance over requests, for the mean. */
  importanceSum: number;
  premiumOffered: number;
  premiumAccepted: number;
  /** Requests that reached the team as cards to decide (not self-served). */
  cards: number;
  /** Promised work in this category not done by its due tick. */
  brokenPromises: number;
  /** Option money this round: prices earned (steered and self-served), per-use costs, and the upkeep paid at the round's start. */
  optionUses: number;
  optionRevenueCents: Cents;
  optionUseCostsCents: Cents;
  optionUpkeepCents: Cents;
  /** Whether the live option earned its upkeep this round (prices − per-use costs ≥ upkeep); null when no option was live. */
  optionPaidUpkeep: boolean | null;
}

export interface RoundReport {
  round: number;
  categories: CategoryRoundStats[];
  revenueCents: Cents;
  costsCents: Cents;
  staffHoursWorked: Hours;
  overtimeHours: Hours;
  /** Work still owed when the game ended, finished after the last hour, and its wages. */
  settledHours: Hours;
  settledCostsCents: Cents;
  /** Of the hours worked, those spent building options (not serving customers). */
  buildHoursWorked: Hours;
  /** Requests that reached the team as cards to decide. */
  cards: number;
  /** Promised work not done in time, the hours left undone, and the prices refunded for it. */
  brokenPromises: number;
  brokenPromiseHours: Hours;
  refundsCents: Cents;
  /** Overtime pay, mistake credits and resignation costs: what overwork cost in money. */
  overtimeCostsCents: Cents;
  mistakeCostsCents: Cents;
  resignationCostsCents: Cents;
  complaints: number;
  praise: number;
  errors: number;
  customersLost: number;
  customersJoined: number;
  staffResigned: string[];
}

export type KeyMomentKind =
  | 'first-resignation'
  | 'resignation'
  | 'broken-promise'
  | 'complaint-storm'
  | 'option-live'
  | 'cash-crisis'
  | 'event'
  | 'exhaustion-high';

export interface KeyMoment {
  kind: KeyMomentKind;
  round: number;
  tick: Tick;
  text: string;
}

/** Figures after one tick, kept for charts. */
export interface TickRecord {
  tick: Tick;
  profitCents: Cents;
  exhaustion: number;
  loyalty: number;
  reputation: number;
  backlogHours: Hours;
}

export interface TeamState {
  index: number;
  name: string;
  cashCents: Cents;
  /** Cumulative; cash always equals starting cash + revenue − costs. */
  revenueCents: Cents;
  costsCents: Cents;
  customers: Customer[];
  demands: Demand[];
  nextDemandId: number;
  /** Hours owed: the sum of `work`'s hours left. */
  backlogHours: Hours;
  /** The owed work, in the order the staff do it. */
  work: WorkItem[];
  /** What the active customers nominally spend per round, and that spend times their loyalty (see customer-totals). */
  customerRevenuePerRoundCents: Cents;
  loyaltyWeightSum: number;
  /** What the customers who left would spend per round: they count as zero loyalty (see team-measures). */
  departedRevenuePerRoundCents: Cents;
  /** What the active customers actually spend per standard round at their current loyalty (see customer-totals). */
  spendPerRoundCents: number;
  staff: StaffMember[];
  nextStaffId: number;
  staffLost: number;
  staffHired: number;
  /** Share of working time given to rest this round, in percent. */
  restPercent: number;
  /** Planned for the next round. */
  plannedRestPercent: number;
  plannedHires: number;
  options: OptionState[];
  /** Team premium price per category (index = category). */
  premiumPriceCents: Cents[];
  reputation: number;
  activeEvents: ActiveEvent[];
  decisions: DecisionCounts;
  selfServiceUses: number;
  complaints: number;
  praise: number;
  errors: number;
  /** Promised work not done by its due tick. */
  brokenPromises: number;
  /** Sum over ticks of mean exhaustion, and the tick count, for the time-averaged figure. */
  exhaustionTickSum: number;
  exhaustionTicks: number;
  peakExhaustion: number;
  roundReport: RoundReport;
  reports: RoundReport[];
  history: TickRecord[];
  keyMoments: KeyMoment[];
  planCommitted: boolean;
  /** Global ticks of the latest complaints, to spot a complaint storm. */
  recentComplaintTicks: Tick[];
  /** Key moments already marked, so each is marked once per game (or round for storms). */
  marked: { cashCrisis: boolean; exhaustionHigh: boolean; firstResignation: boolean; stormRound: number; brokenPromise: boolean };
  rng: { outcomes: RandomStreamState; staff: RandomStreamState; events: RandomStreamState };
}

export interface GameConfig {
  scenarioId: string;
  seed: number;
  teams: number;
  rounds: number;
  ticksPerRound: number;
}

export interface GameState {
  version: 1;
  config: GameConfig;
  round: number;
  /** Ticks elapsed in the current round's operations phase. */
  tick: number;
  /** Ticks elapsed since the game began (operations only). */
  globalTick: Tick;
  phase: Phase;
  /** Shared by every team: each team faces the same customers asking the same things. */
  arrivalRng: RandomStreamState;
  teams: TeamState[];
}
