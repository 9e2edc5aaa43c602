import { eventModifiers } from '../rules/event-effects.js';
import {
  accommodateSatisfaction,
  brokenPromiseSatisfaction,
  complaintChance,
  errorChance,
  ignoredSatisfaction,
  loyaltyChange,
  noSatisfaction,
  optionAcceptChance,
  optionRefusedSatisfaction,
  optionSatisfaction,
  premiumAcceptChance,
  premiumRefusedSatisfaction,
  premiumSatisfaction,
  REACTION,
} from '../rules/reaction-model.js';
import { normalCapacity } from '../rules/staff-work.js';
import { findOption, isOptionLive, meanExhaustion } from '../rules/team-measures.js';
import { endTickOf, readiness } from '../rules/work-queue.js';
import type { Game } from '../state/game.js';
import type { Demand, Readiness, Resolution, TeamState } from '../state/game-state.js';
import type { Cents, Hours } from '../state/units.js';

/** What a decision would probably do, shown on the card before the player chooses. */
export interface DecisionPreview {
  available: boolean;
  /** Staff hours it is expected to add to the backlog (committed hours × the chance the customer takes it). */
  staffHours: Hours;
  /** Price asked of the customer (0 when free). */
  priceCents: Cents;
  /** Chance the customer takes it (1 where nothing is asked of them). */
  acceptChance: number;
  errorChance: number;
  /** Expected satisfaction, −1..1, over acceptance and mistakes. */
  satisfaction: number;
  /** Expected change of the customer's loyalty. */
  loyaltyChange: number;
  complaintChance: number;
  /** Staff hours promised if the customer takes it (0 for no and ignored). */
  committedHours: Hours;
  /**
   * For work: when it would be due, when today's backlog would have it done at normal pace, and
   * whether it can be done in time (with overtime if need be). Null for no and ignored. Work
   * that cannot be done in time would be a broken promise, and the figures above show that.
   */
  promise: Readiness | null;
}

export type DecisionPreviews = Record<Resolution, DecisionPreview>;

function blend(accept: number, yes: number, no: number): number {
  return accept * yes + (1 - accept) * no;
}

/** Expected satisfaction of serving: the good outcome, or a mistake. */
function served(satisfaction: number, mistakes: number): number {
  return blend(mistakes, REACTION.errorSatisfaction, satisfaction);
}

interface PreviewBasis {
  loyalty: number;
  stakes: number;
  reach: number;
  /** Satisfaction, and complaint chance, of a broken promise for this card. */
  late: number;
  lateComplaint: number;
  /** When work promised now would be done. */
  promise: (hours: Hours) => Readiness;
}

/** One way a decision can go: its chance, satisfaction and complaint chance. */
interface Branch {
  chance: number;
  satisfaction: number;
  complaint: number;
}

/**
 * A decision's preview from its branches: taken (with work) or refused. Work the backlog cannot
 * reach by its due tick becomes a broken promise, so for such work the taken branch shows the
 * broken promise's reaction: that is what the customer will end up feeling.
 */
function preview(
  basis: PreviewBasis,
  available: boolean,
  committedHours: number,
  priceCents: number,
  errors: number,
  taken: Branch,
  refused: Omit<Branch, 'chance'>,
  weight = 1,
): DecisionPreview {
  const promise = committedHours > 0 ? basis.promise(committedHours) : null;
  const inTime = promise?.inTime ?? true;
  const takenSatisfaction = inTime ? taken.satisfaction : basis.late;
  const takenComplaint = inTime ? taken.complaint : basis.lateComplaint;
  const change = (satisfaction: number) => loyaltyChange(satisfaction, basis.loyalty, basis.stakes * weight);
  return {
    available,
    staffHours: committedHours * taken.chance,
    priceCents,
    acceptChance: taken.chance,
    errorChance: errors,
    satisfaction: blend(taken.chance, takenSatisfaction, refused.satisfaction),
    loyaltyChange: blend(taken.chance, change(takenSatisfaction), change(refused.satisfaction)),
    complaintChance: blend(taken.chance, takenComplaint, refused.complaint),
    committedHours,
    promise,
  };
}

const NEVER: Omit<Branch, 'chance'> = { satisfaction: 0, complaint: 0 };

/** The preview of every decision (and of ignoring it) for one waiting demand. */
export function previewDemand(game: Game, team: TeamState, demand: Demand): DecisionPreviews | undefined {
  const { scenario } = game;
  const customer = team.customers[demand.customerId];
  const segment = customer ? scenario.segments[customer.segment] : undefined;
  const category = scenario.categories[demand.category];
  if (!customer || !segment || !category) return undefined;
  const modifiers = eventModifiers(scenario, team);
  const mistakes = errorChance(meanExhaustion(team));
  const v = demand.importance;
  const reach = segment.socialReach;
  const errorComplaint = complaintChance(REACTION.errorSatisfaction, reach);
  /** Served work: the good reaction, or a mistake. */
  const servedBranch = (chance: number, good: number, errors: number): Branch => ({
    chance,
    satisfaction: served(good, errors),
    complaint: errors * errorComplaint,
  });
  const refusedBranch = (satisfaction: number): Omit<Branch, 'chance'> => ({
    satisfaction,
    complaint: complaintChance(satisfaction, reach),
  });
  const premiumPrice = team.premiumPriceCents[demand.category] ?? category.premiumPriceCents;
  const premiumAccept = premiumAcceptChance(
    v,
    segment.priceSensitivity,
    category.premiumPriceCents > 0 ? premiumPrice / category.premiumPriceCents : 1,
    modifiers.premiumAcceptance,
    customer.loyalty,
  );
  const option = findOption(team, demand.category);
  const optionLive = isOptionLive(team, demand.category);
  const optionPrice = option?.priceCents ?? category.option.priceCents;
  const optionAccept = optionAcceptChance(
    v,
    segment.priceSensitivity,
    category.option.priceCents > 0 ? optionPrice / category.option.priceCents : 1,
  );
  const optionErrors = mistakes * REACTION.optionErrorFactor;
  const no = noSatisfaction(v, modifiers.noPenalty, optionLive);
  const ignored = ignoredSatisfaction(v, modifiers.noPenalty);
  const late = brokenPromiseSatisfaction(v, modifiers.noPenalty);
  const capacity = normalCapacity(scenario, team, modifiers.capacity);
  const now = game.state.globalTick;
  const basis: PreviewBasis = {
    loyalty: customer.loyalty,
    stakes: demand.stakes,
    reach,
    late,
    lateComplaint: Math.min(1, complaintChance(late, reach) * REACTION.brokenPromiseComplaintFactor),
    promise: (hours) => readiness(team, hours, capacity, now, endTickOf(game.state.config)),
  };
  return {
    accommodate: preview(basis, true, demand.oneOffHours, 0, mistakes, servedBranch(1, accommodateSatisfaction(v), mistakes), NEVER),
    premium: preview(
      basis,
      true,
      demand.oneOffHours,
      premiumPrice,
      mistakes,
      servedBranch(premiumAccept, premiumSatisfaction(v), mistakes),
      refusedBranch(premiumRefusedSatisfaction(v)),
    ),
    option: preview(
      basis,
      optionLive,
      category.option.staffHoursPerUse,
      optionPrice,
      optionErrors,
      servedBranch(optionAccept, optionSatisfaction(v), optionErrors),
      refusedBranch(optionRefusedSatisfaction(v)),
    ),
    no: preview(basis, true, 0, 0, 0, { chance: 1, satisfaction: no, complaint: complaintChance(no, reach) }, NEVER),
    ignored: preview(
      basis,
      true,
      0,
      0,
      0,
      { chance: 1, satisfaction: ignored, complaint: Math.min(1, complaintChance(ignored, reach) * REACTION.ignoredComplaintFactor) },
      NEVER,
      REACTION.ignoredLoyaltyWeight,
    ),
  };
}

export function previewDecisions(game: Game, team: number, demandId: number): DecisionPreviews | undefined {
  const teamState = game.state.teams[team];
  const demand = teamState?.demands.find((waiting) => waiting.id === demandId);
  return teamState && demand ? previewDemand(game, teamState, demand) : undefined;
}
