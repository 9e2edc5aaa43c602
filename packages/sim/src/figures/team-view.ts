import { eventModifiers } from '../rules/event-effects.js';
import { resignationChance } from '../rules/round-transitions.js';
import { normalCapacity } from '../rules/staff-work.js';
import { meanExhaustion } from '../rules/team-measures.js';
import type { Game } from '../state/game.js';
import type { Demand, OptionState, Phase, RoundReport, TeamState } from '../state/game-state.js';
import type { Cents, Hours } from '../state/units.js';
import { type DecisionPreviews, previewDemand } from './decision-preview.js';
import { type OptionOffer, optionOffers } from './option-offers.js';
import { type TeamFigures, teamFigures } from './team-figures.js';

/** A demand card as a board shows it: everything but the previews. */
export interface BoardCard {
  demand: Demand;
  customerName: string;
  segmentIndex: number;
  segmentName: string;
  /** What this customer spends per round: the "value" on the card. */
  customerValueCents: Cents;
  loyalty: number;
  categoryName: string;
  requestText: string;
  ticksLeft: number;
}

/** A demand card as the team sees it. */
export interface CardView extends BoardCard {
  previews: DecisionPreviews;
}

export interface StaffMemberView {
  name: string;
  exhaustion: number;
  /** Chance of resigning at the round's end at today's exhaustion. */
  resignChance: number;
  newHire: boolean;
}

/**
 * Everything a team can see on its screen, and nothing more: the benchmark strategies decide
 * from this alone, as a player would.
 */
export interface TeamView {
  team: number;
  round: number;
  rounds: number;
  tick: number;
  ticksPerRound: number;
  phase: Phase;
  cashCents: Cents;
  backlogHours: Hours;
  /** Average staff exhaustion right now. */
  exhaustion: number;
  /** The full scoreboard (computed when first read: it walks every customer). */
  readonly figures: TeamFigures;
  cards: CardView[];
  capacityPerTick: Hours;
  staff: StaffMemberView[];
  plannedHires: number;
  plannedRestPercent: number;
  options: OptionState[];
  premiumPriceCents: Cents[];
  lastReport: RoundReport | undefined;
  /** Per category, its standard option as the planning screen offers it (build money and hours, upkeep, last round). */
  optionOffers: OptionOffer[];
  activeEventIds: string[];
}

/** A card without its previews: cheap enough to build for every card on every tick. */
export function boardCard(game: Game, team: TeamState, demand: Demand): BoardCard | undefined {
  const { scenario, state } = game;
  const customer = team.customers[demand.customerId];
  const segment = customer ? scenario.segments[customer.segment] : undefined;
  const category = scenario.categories[demand.category];
  if (!customer || !segment || !category) return undefined;
  return {
    demand,
    customerName: customer.name,
    segmentIndex: customer.segment,
    segmentName: segment.name,
    customerValueCents: segment.revenuePerRoundCents,
    loyalty: customer.loyalty,
    categoryName: category.name,
    requestText: category.requests[demand.text] ?? category.name,
    ticksLeft: Math.max(0, demand.deadlineTick - state.globalTick),
  };
}

export function cardView(game: Game, team: TeamState, demand: Demand): CardView | undefined {
  const card = boardCard(game, team, demand);
  const previews = card && previewDemand(game, team, demand);
  return card && previews ? { ...card, previews } : undefined;
}

/** What a team view and a board share: everything but the cards and the figures. */
type TeamBasics = Omit<TeamView, 'cards' | 'figures'>;

function teamBasics(game: Game, teamIndex: number, team: TeamState): TeamBasics {
  const { scenario, state } = game;
  return {
    team: teamIndex,
    round: state.round,
    rounds: state.config.rounds,
    tick: state.tick,
    ticksPerRound: state.config.ticksPerRound,
    phase: state.phase,
    cashCents: team.cashCents,
    backlogHours: team.backlogHours,
    exhaustion: meanExhaustion(team),
    capacityPerTick: normalCapacity(scenario, team, eventModifiers(scenario, team).capacity),
    staff: team.staff.map((member) => ({
      name: member.name,
      exhaustion: member.exhaustion,
      resignChance: resignationChance(member.exhaustion),
      newHire: member.rampRounds > 0,
    })),
    plannedHires: team.plannedHires,
    plannedRestPercent: team.plannedRestPercent,
    // Copies: a view taken before a command must not change with it.
    options: team.options.map((option) => ({ ...option })),
    premiumPriceCents: [...team.premiumPriceCents],
    lastReport: team.reports[team.reports.length - 1],
    optionOffers: optionOffers(game, team),
    activeEventIds: team.activeEvents.map((active) => active.eventId),
  };
}

export function teamView(game: Game, teamIndex: number): TeamView | undefined {
  const team = game.state.teams[teamIndex];
  if (!team) return undefined;
  const cards: CardView[] = [];
  let figures: TeamFigures | undefined;
  for (const demand of team.demands) {
    const card = cardView(game, team, demand);
    if (card) cards.push(card);
  }
  return {
    ...teamBasics(game, teamIndex, team),
    get figures() {
      figures ??= teamFigures(game, team);
      return figures;
    },
    cards,
  };
}

/**
 * A team's board: the team view with its figures and cards without their previews (what the
 * classroom server sends every member every tick; a member asks for one card's previews when
 * selecting it). The same cards and figures as teamView, at a fraction of the cost.
 */
export interface TeamBoard extends TeamBasics {
  figures: TeamFigures;
  cards: BoardCard[];
}

export function teamBoard(game: Game, teamIndex: number): TeamBoard | undefined {
  const team = game.state.teams[teamIndex];
  if (!team) return undefined;
  const cards: BoardCard[] = [];
  for (const demand of team.demands) {
    const card = boardCard(game, team, demand);
    if (card) cards.push(card);
  }
  return { ...teamBasics(game, teamIndex, team), figures: teamFigures(game, team), cards };
}
