import {
  type BoardCard,
  type CategoryRoundStats,
  DECISIONS,
  type DecisionCounts,
  type DecisionOutcome,
  type DecisionPreview,
  type DecisionPreviews,
  type Demand,
  type Game,
  type OptionOffer,
  type OptionRoundResult,
  type OptionState,
  type Readiness,
  type RoundReport,
  type StaffMemberView,
  type TeamBoard,
  type TeamFigures,
  teamBoard,
} from '@ttc/sim';
import { z } from 'zod';
import type { SameShape } from './type-checks.js';

// What the simulation shows a team, as it crosses the wire: a team's board, a card's decision
// previews and a decision's outcome. Defined once, here; each schema is checked against the
// simulation's own type (`SameShape`), so the two cannot drift apart. The server builds these
// with the simulation, the browser parses them with these schemas.

const num = z.number();
const phase = z.enum(['operations', 'planning', 'ended']);
const resolution = z.enum([...DECISIONS, 'ignored']);

export const demandSchema = z.strictObject({
  id: z.int(),
  customerId: z.int(),
  category: z.int(),
  text: z.int(),
  importance: num,
  arrivedTick: num,
  deadlineTick: num,
  oneOffHours: num,
  stakes: num,
  eventId: z.string().nullable(),
});
true satisfies SameShape<z.infer<typeof demandSchema>, Demand>;

/** A waiting card as a board carries it: without its previews (a member asks for them, `preview`). */
export const boardCardSchema = z.strictObject({
  demand: demandSchema,
  customerName: z.string(),
  segmentIndex: z.int(),
  segmentName: z.string(),
  customerValueCents: num,
  loyalty: num,
  categoryName: z.string(),
  requestText: z.string(),
  ticksLeft: num,
});
true satisfies SameShape<z.infer<typeof boardCardSchema>, BoardCard>;

const decisionCountsSchema = z.strictObject({ accommodate: num, premium: num, option: num, no: num, ignored: num });
true satisfies SameShape<z.infer<typeof decisionCountsSchema>, DecisionCounts>;

/** A team's scoreboard (the simulation's TeamFigures). */
export const figuresSchema = z.strictObject({
  team: z.int(),
  round: z.int(),
  tick: z.int(),
  phase,
  cashCents: num,
  revenueCents: num,
  costsCents: num,
  profitCents: num,
  exhaustion: z.strictObject({ current: num, mean: num, peak: num }),
  loyalty: num,
  retention: num,
  reputation: num,
  customersActive: num,
  staffCount: num,
  staffLost: num,
  backlogHours: num,
  waitingDemands: num,
  decisions: decisionCountsSchema,
  selfServiceUses: num,
  complaints: num,
  errors: num,
  brokenPromises: num,
  balancedScore: num,
});
true satisfies SameShape<z.infer<typeof figuresSchema>, TeamFigures>;

const staffMemberSchema = z.strictObject({ name: z.string(), exhaustion: num, resignChance: num, newHire: z.boolean() });
true satisfies SameShape<z.infer<typeof staffMemberSchema>, StaffMemberView>;

const optionStateSchema = z.strictObject({
  category: z.int(),
  status: z.enum(['building', 'live']),
  liveAtTick: num,
  priceCents: num,
  builtRound: z.int(),
  uses: num,
});
true satisfies SameShape<z.infer<typeof optionStateSchema>, OptionState>;

const categoryRoundStatsSchema = z.strictObject({
  requests: num,
  bySegment: z.array(num),
  selfServed: num,
  resolutions: decisionCountsSchema,
  oneOffHours: num,
  importanceSum: num,
  premiumOffered: num,
  premiumAccepted: num,
  cards: num,
  brokenPromises: num,
  optionUses: num,
  optionRevenueCents: num,
  optionUseCostsCents: num,
  optionUpkeepCents: num,
  optionPaidUpkeep: z.boolean().nullable(),
});
true satisfies SameShape<z.infer<typeof categoryRoundStatsSchema>, CategoryRoundStats>;

/** The last round in numbers, per category: what the planning screen reads. */
export const roundReportSchema = z.strictObject({
  round: z.int(),
  categories: z.array(categoryRoundStatsSchema),
  revenueCents: num,
  costsCents: num,
  staffHoursWorked: num,
  overtimeHours: num,
  settledHours: num,
  settledCostsCents: num,
  buildHoursWorked: num,
  cards: num,
  brokenPromises: num,
  brokenPromiseHours: num,
  refundsCents: num,
  overtimeCostsCents: num,
  mistakeCostsCents: num,
  resignationCostsCents: num,
  complaints: num,
  praise: num,
  errors: num,
  customersLost: num,
  customersJoined: num,
  staffResigned: z.array(z.string()),
});
true satisfies SameShape<z.infer<typeof roundReportSchema>, RoundReport>;

const optionRoundResultSchema = z.strictObject({
  uses: num,
  selfServed: num,
  revenueCents: num,
  useCostsCents: num,
  upkeepCents: num,
  paidUpkeep: z.boolean(),
});
true satisfies SameShape<z.infer<typeof optionRoundResultSchema>, OptionRoundResult>;

export const optionOfferSchema = z.strictObject({
  category: z.int(),
  categoryId: z.string(),
  name: z.string(),
  status: z.enum(['none', 'building', 'live']),
  buildCostCents: num,
  buildStaffHours: num,
  buildHoursLeft: num,
  buildTicks: num,
  upkeepPerRoundCents: num,
  priceCents: num,
  perUseCostCents: num,
  staffHoursPerUse: num,
  lastRound: optionRoundResultSchema.nullable(),
});
true satisfies SameShape<z.infer<typeof optionOfferSchema>, OptionOffer>;

/**
 * A team's board: the simulation's TeamBoard, sent to every member of the team. The round report
 * and the option offers come only in planning (there is nothing to plan in operations), and the
 * board says whether the team's plan for the round is in.
 */
export const boardSchema = z.strictObject({
  team: z.int(),
  round: z.int(),
  rounds: z.int(),
  tick: z.int(),
  ticksPerRound: z.int(),
  phase,
  cashCents: num,
  backlogHours: num,
  exhaustion: num,
  figures: figuresSchema,
  cards: z.array(boardCardSchema),
  capacityPerTick: num,
  staff: z.array(staffMemberSchema),
  plannedHires: num,
  plannedRestPercent: num,
  options: z.array(optionStateSchema),
  premiumPriceCents: z.array(num),
  lastReport: roundReportSchema.optional(),
  optionOffers: z.array(optionOfferSchema).optional(),
  activeEventIds: z.array(z.string()),
  planCommitted: z.boolean(),
});
export type Board = z.infer<typeof boardSchema>;
/** The board as the server builds it from the simulation's TeamBoard. */
export type BoardOfTeam = Omit<TeamBoard, 'lastReport' | 'optionOffers'> & {
  lastReport?: RoundReport | undefined;
  optionOffers?: OptionOffer[] | undefined;
  planCommitted: boolean;
};
true satisfies SameShape<Board, BoardOfTeam>;

/**
 * A team's board as the server sends it: the simulation's board, the round report and option
 * offers in planning only, and whether the plan is in. Undefined for a team the game lacks.
 */
export function boardOf(game: Game, team: number): Board | undefined {
  const board = teamBoard(game, team);
  if (!board) return undefined;
  const { lastReport, optionOffers, ...rest } = board;
  return {
    ...rest,
    ...(board.phase === 'planning' ? { lastReport, optionOffers } : {}),
    planCommitted: game.state.teams[team]?.planCommitted ?? false,
  };
}

const readinessSchema = z.strictObject({ dueTick: num, readyTick: num, inTime: z.boolean(), needsOvertime: z.boolean() });
true satisfies SameShape<z.infer<typeof readinessSchema>, Readiness>;

export const decisionPreviewSchema = z.strictObject({
  available: z.boolean(),
  staffHours: num,
  priceCents: num,
  acceptChance: num,
  errorChance: num,
  satisfaction: num,
  loyaltyChange: num,
  complaintChance: num,
  committedHours: num,
  promise: readinessSchema.nullable(),
});
true satisfies SameShape<z.infer<typeof decisionPreviewSchema>, DecisionPreview>;

/** What each decision (and letting the card expire) would probably do: the answer to `preview`. */
export const decisionPreviewsSchema = z.strictObject({
  accommodate: decisionPreviewSchema,
  premium: decisionPreviewSchema,
  option: decisionPreviewSchema,
  no: decisionPreviewSchema,
  ignored: decisionPreviewSchema,
});
true satisfies SameShape<z.infer<typeof decisionPreviewsSchema>, DecisionPreviews>;

/** What one decision did: the answer to `decide`, enough to explain the outcome to the player. */
export const decisionOutcomeSchema = z.strictObject({
  kind: z.literal('decision'),
  team: z.int(),
  demandId: z.int(),
  customerId: z.int(),
  category: z.int(),
  resolution,
  accepted: z.boolean(),
  error: z.boolean(),
  satisfaction: num,
  loyaltyBefore: num,
  loyaltyAfter: num,
  revenueCents: num,
  costCents: num,
  staffHours: num,
  promise: readinessSchema.nullable(),
  complaint: z.boolean(),
  praise: z.boolean(),
});
true satisfies SameShape<z.infer<typeof decisionOutcomeSchema>, DecisionOutcome>;
