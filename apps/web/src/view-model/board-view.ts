import type { CardView, DecisionOutcome, DecisionPreviews, TeamView } from '@ttc/sim';
import { z } from 'zod';

// A classroom board is the server's TeamView without the cards' previews (a member asks for
// those when they select a card). The protocol checks only the board's outline; these schemas
// check every field the operations and planning screens read, so a malformed board is dropped
// instead of drawing nonsense.

/** A waiting card as a screen draws it: previews may not have arrived yet. */
export type BoardCard = Omit<CardView, 'previews'> & { previews?: DecisionPreviews | undefined };

/** What the operations and planning screens draw: a solo TeamView or a classroom board. */
export type PlayView = Omit<TeamView, 'cards'> & { cards: BoardCard[] };

const num = z.number();
const phase = z.enum(['operations', 'planning', 'ended']);
const counts = z.object({ accommodate: num, premium: num, option: num, no: num, ignored: num });

const demandSchema = z.object({
  id: z.int(),
  customerId: num,
  category: num,
  text: num,
  importance: num,
  arrivedTick: num,
  deadlineTick: num,
  oneOffHours: num,
  stakes: num,
  eventId: z.string().nullable(),
});

const cardSchema = z.object({
  demand: demandSchema,
  customerName: z.string(),
  segmentIndex: num,
  segmentName: z.string(),
  customerValueCents: num,
  loyalty: num,
  categoryName: z.string(),
  requestText: z.string(),
  ticksLeft: num,
});

const figuresSchema = z.object({
  team: num,
  round: num,
  tick: num,
  phase,
  cashCents: num,
  revenueCents: num,
  costsCents: num,
  profitCents: num,
  exhaustion: z.object({ current: num, mean: num, peak: num }),
  loyalty: num,
  retention: num,
  reputation: num,
  customersActive: num,
  staffCount: num,
  staffLost: num,
  backlogHours: num,
  waitingDemands: num,
  decisions: counts,
  selfServiceUses: num,
  complaints: num,
  errors: num,
  brokenPromises: num,
  balancedScore: num,
});

const reportSchema = z.object({
  round: num,
  categories: z.array(
    z.object({
      requests: num,
      bySegment: z.array(num),
      selfServed: num,
      resolutions: counts,
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
    }),
  ),
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

const optionOfferSchema = z.object({
  category: num,
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
  lastRound: z
    .object({ uses: num, selfServed: num, revenueCents: num, useCostsCents: num, upkeepCents: num, paidUpkeep: z.boolean() })
    .nullable(),
});

/** When promised work would be due and done (see the simulation's Readiness). */
const promiseSchema = z.object({ dueTick: num, readyTick: num, inTime: z.boolean(), needsOvertime: z.boolean() }).nullable();

export const learnerBoardSchema = z.object({
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
  cards: z.array(cardSchema),
  capacityPerTick: num,
  staff: z.array(z.object({ name: z.string(), exhaustion: num, resignChance: num, newHire: z.boolean() })),
  plannedHires: num,
  plannedRestPercent: num,
  options: z.array(
    z.object({
      category: num,
      status: z.enum(['building', 'live']),
      liveAtTick: num,
      priceCents: num,
      builtRound: num,
      uses: num,
    }),
  ),
  premiumPriceCents: z.array(num),
  lastReport: reportSchema.optional(),
  // The server sends the option offers with the round report, in planning only.
  optionOffers: z.array(optionOfferSchema).default([]),
  activeEventIds: z.array(z.string()),
  planCommitted: z.boolean(),
});
export type LearnerBoard = z.infer<typeof learnerBoardSchema>;

const previewSchema = z.object({
  available: z.boolean(),
  staffHours: num,
  priceCents: num,
  acceptChance: num,
  errorChance: num,
  satisfaction: num,
  loyaltyChange: num,
  complaintChance: num,
  committedHours: num,
  promise: promiseSchema,
});
export const previewsSchema = z.object({
  accommodate: previewSchema,
  premium: previewSchema,
  option: previewSchema,
  no: previewSchema,
  ignored: previewSchema,
});

export const outcomeSchema = z.object({
  kind: z.literal('decision'),
  team: num,
  demandId: num,
  customerId: num,
  category: num,
  resolution: z.enum(['accommodate', 'premium', 'option', 'no', 'ignored']),
  accepted: z.boolean(),
  error: z.boolean(),
  satisfaction: num,
  loyaltyBefore: num,
  loyaltyAfter: num,
  revenueCents: num,
  costCents: num,
  staffHours: num,
  promise: promiseSchema,
  complaint: z.boolean(),
  praise: z.boolean(),
});

/** A board checked field by field, or undefined when the server sent something unreadable. */
export function readBoard(board: unknown): LearnerBoard | undefined {
  const parsed = learnerBoardSchema.safeParse(board);
  return parsed.success ? parsed.data : undefined;
}

export function readPreviews(previews: unknown): DecisionPreviews | undefined {
  const parsed = previewsSchema.safeParse(previews);
  return parsed.success ? parsed.data : undefined;
}

export function readOutcome(outcome: unknown): DecisionOutcome | undefined {
  const parsed = outcomeSchema.safeParse(outcome);
  return parsed.success ? parsed.data : undefined;
}

/** The screens' view of a board: each card with the previews asked for so far. */
export function boardView(board: LearnerBoard, previews: ReadonlyMap<number, DecisionPreviews>): PlayView {
  const { planCommitted: _committed, ...view } = board;
  return {
    ...view,
    lastReport: board.lastReport,
    cards: board.cards.map((card) => ({ ...card, previews: previews.get(card.demand.id) })),
  };
}

/** One point of the figures' sparklines. */
export interface FigurePoint {
  profitCents: number;
  exhaustion: number;
  loyalty: number;
}

/**
 * Adds the board's figures to the sparkline history once per simulated hour: boards also come
 * after decisions, and those update the hour's point instead of crowding the line.
 */
export function accumulateFigures(
  history: readonly (FigurePoint & { key: string })[],
  board: Pick<LearnerBoard, 'round' | 'tick' | 'phase' | 'figures'>,
  limit = 48,
): (FigurePoint & { key: string })[] {
  const key = `${board.round}:${board.tick}:${board.phase === 'operations' ? 'o' : 'p'}`;
  const point = {
    key,
    profitCents: board.figures.profitCents,
    exhaustion: board.figures.exhaustion.current,
    loyalty: board.figures.loyalty,
  };
  const last = history[history.length - 1];
  if (last?.key === key) return [...history.slice(0, -1), point];
  return [...history, point].slice(-limit);
}

/**
 * The hour people see, 1-based within its round: after `ticksDone` simulated hours of a round the
 * hour under way is the next one ("Hour 1 of 12" as a round starts). The one numbering of the
 * console, the learner's board, the debrief and the replay.
 */
export function hourOfRound(ticksDone: number, ticksPerRound: number): number {
  return Math.max(1, Math.min(ticksDone + 1, ticksPerRound));
}

/** "Hour 3 of 12". */
export function hourText(ticksDone: number, ticksPerRound: number): string {
  return `Hour ${hourOfRound(ticksDone, ticksPerRound)} of ${ticksPerRound}`;
}

/**
 * A global tick (hours played since the start) as people say it: "Round 2 · Hour 3", or "End of
 * round 1" for the tick that closed a round. A key moment, a note or a replay point reads the same.
 */
export function globalTickText(globalTick: number, ticksPerRound: number): { round: number; hour: number | undefined; text: string } {
  const per = Math.max(1, ticksPerRound);
  if (globalTick > 0 && globalTick % per === 0) {
    const round = globalTick / per;
    return { round, hour: undefined, text: `End of round ${round}` };
  }
  const round = Math.floor(globalTick / per) + 1;
  const hour = hourOfRound(globalTick - (round - 1) * per, per);
  return { round, hour, text: `Round ${round} · Hour ${hour}` };
}
