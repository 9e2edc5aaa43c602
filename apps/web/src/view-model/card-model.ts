import type { Decision, DecisionPreview, Scenario } from '@ttc/sim';
import { SEGMENT_SYMBOLS } from '../ui/theme';
import type { BoardCard } from './board-view';
import { caresLabel, hours, money, percent, signed } from './format';

export interface DecisionChoice {
  decision: Decision;
  available: boolean;
  /** One line of consequences, e.g. "2.5 h · free · loyalty +6.1". */
  summary: string;
  /** Why it is unavailable, when it is. */
  unavailableReason?: string;
}

export interface CardModel {
  demandId: number;
  customer: string;
  /** With its symbol, e.g. "● Retail". */
  segment: string;
  /** The segment's name alone, for speech. */
  segmentName: string;
  value: string;
  loyalty: number;
  category: string;
  request: string;
  cares: string;
  /** 0..1 of patience left. */
  patience: number;
  ticksLeft: number;
  urgent: boolean;
  special: boolean;
  choices: DecisionChoice[];
}

function loyaltyWords(preview: DecisionPreview): string {
  return `loyalty ${signed(preview.loyaltyChange)}`;
}

export function choiceSummary(decision: Decision, preview: DecisionPreview, currency: string): string {
  switch (decision) {
    case 'accommodate':
      return `${hours(preview.staffHours)} staff · free · ${loyaltyWords(preview)}`;
    case 'premium':
      return `${money(preview.priceCents, currency)} · ${percent(preview.acceptChance)} accept · ${loyaltyWords(preview)}`;
    case 'option':
      return `${money(preview.priceCents, currency)} · ${percent(preview.acceptChance)} take it · ${loyaltyWords(preview)}`;
    case 'no':
      return `no staff time · ${loyaltyWords(preview)} · ${percent(preview.complaintChance)} complaint`;
  }
}

/** Shown in place of a choice's consequences while a class card's previews are on their way. */
export const PREVIEW_PENDING = '…';

/** Turns what the simulation says about a waiting demand into what its card shows. */
export function cardModel(card: BoardCard, scenario: Scenario): CardModel {
  const totalPatience = Math.max(1, card.demand.deadlineTick - card.demand.arrivedTick);
  const decisions: Decision[] = ['accommodate', 'premium', 'option', 'no'];
  return {
    demandId: card.demand.id,
    customer: card.customerName,
    segment: `${SEGMENT_SYMBOLS[card.segmentIndex % SEGMENT_SYMBOLS.length]} ${card.segmentName}`,
    segmentName: card.segmentName,
    value: `${money(card.customerValueCents, scenario.currency, card.customerValueCents % 100 !== 0)}/round`,
    loyalty: Math.round(card.loyalty),
    category: card.categoryName,
    request: card.requestText,
    cares: caresLabel(card.demand.importance),
    patience: Math.max(0, Math.min(1, card.ticksLeft / totalPatience)),
    ticksLeft: card.ticksLeft,
    urgent: card.ticksLeft <= 1,
    special: card.demand.eventId !== null,
    choices: decisions.map((decision) => {
      const preview = card.previews?.[decision];
      // Not known yet: the choice stays open, the server has the last word.
      if (!preview) return { decision, available: true, summary: PREVIEW_PENDING };
      return {
        decision,
        available: preview.available,
        summary: preview.available ? choiceSummary(decision, preview, scenario.currency) : 'no standard option built for this yet',
        ...(preview.available ? {} : { unavailableReason: 'Build an option for this category in planning first.' }),
      };
    }),
  };
}
