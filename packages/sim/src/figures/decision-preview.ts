import { eventModifiers } from '../rules/event-effects.js';
import {
  accommodateSatisfaction,
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
import { findOption, isOptionLive, meanExhaustion } from '../rules/team-measures.js';
import type { Game } from '../state/game.js';
import type { Demand, Resolution, TeamState } from '../state/game-state.js';
import type { Cents, Hours } from '../state/units.js';

/** What a decision would probably do, shown on the card before the player chooses. */
export interface DecisionPreview {
  available: boolean;
  /** Staff hours added to the backlog if it goes ahead. */
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
}

function preview(
  basis: PreviewBasis,
  available: boolean,
  staffHours: number,
  priceCents: number,
  acceptChance: number,
  errors: number,
  satisfaction: number,
  complaint: number,
): DecisionPreview {
  return {
    available,
    staffHours,
    priceCents,
    acceptChance,
    errorChance: errors,
    satisfaction,
    loyaltyChange: loyaltyChange(satisfaction, basis.loyalty, basis.stakes),
    complaintChance: complaint,
  };
}

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
  const accommodate = served(accommodateSatisfaction(v), mistakes);
  const premiumPrice = team.premiumPriceCents[demand.category] ?? category.premiumPriceCents;
  const premiumAccept = premiumAcceptChance(
    v,
    segment.priceSensitivity,
    category.premiumPriceCents > 0 ? premiumPrice / category.premiumPriceCents : 1,
    modifiers.premiumAcceptance,
  );
  const premium = blend(premiumAccept, served(premiumSatisfaction(v), mistakes), premiumRefusedSatisfaction(v));
  const option = findOption(team, demand.category);
  const optionLive = isOptionLive(team, demand.category);
  const optionPrice = option?.priceCents ?? category.option.priceCents;
  const optionAccept = optionAcceptChance(
    v,
    segment.priceSensitivity,
    category.option.priceCents > 0 ? optionPrice / category.option.priceCents : 1,
  );
  const optionErrors = mistakes * REACTION.optionErrorFactor;
  const optionSat = blend(optionAccept, served(optionSatisfaction(v), optionErrors), optionRefusedSatisfaction(v));
  const no = noSatisfaction(v, modifiers.noPenalty, optionLive);
  const ignored = ignoredSatisfaction(v, modifiers.noPenalty);
  const reach = segment.socialReach;
  const basis = { loyalty: customer.loyalty, stakes: demand.stakes };
  return {
    accommodate: preview(
      basis,
      true,
      demand.oneOffHours,
      0,
      1,
      mistakes,
      accommodate,
      mistakes * complaintChance(REACTION.errorSatisfaction, reach),
    ),
    premium: preview(
      basis,
      true,
      demand.oneOffHours * premiumAccept,
      premiumPrice,
      premiumAccept,
      mistakes,
      premium,
      (1 - premiumAccept) * complaintChance(premiumRefusedSatisfaction(v), reach),
    ),
    option: preview(
      basis,
      optionLive,
      category.option.staffHoursPerUse * optionAccept,
      optionPrice,
      optionAccept,
      optionErrors,
      optionSat,
      (1 - optionAccept) * complaintChance(optionRefusedSatisfaction(v), reach),
    ),
    no: preview(basis, true, 0, 0, 1, 0, no, complaintChance(no, reach)),
    ignored: preview(basis, true, 0, 0, 1, 0, ignored, Math.min(1, complaintChance(ignored, reach) * 1.5)),
  };
}

export function previewDecisions(game: Game, team: number, demandId: number): DecisionPreviews | undefined {
  const teamState = game.state.teams[team];
  const demand = teamState?.demands.find((waiting) => waiting.id === demandId);
  return teamState && demand ? previewDemand(game, teamState, demand) : undefined;
}
