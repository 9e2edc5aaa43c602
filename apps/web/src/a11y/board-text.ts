import type { Decision } from '@ttc/sim';
import { DECISION_STYLE } from '../ui/theme';
import type { PlayView } from '../view-model/board-view';
import type { CardModel } from '../view-model/card-model';
import { hourLabel, money } from '../view-model/format';
import type { PlanningRow } from '../view-model/planning-model';

// The words a screen reader hears for what the canvas draws. Pure functions of the models the
// scenes draw from, so the mirror and the picture cannot disagree.

/** Separators that read well aloud: "·" is spoken as "dot" by some screen readers. */
function spoken(text: string): string {
  return text.replaceAll(' · ', ', ');
}

function patienceWords(card: CardModel): string {
  if (card.urgent) return 'last hour of patience';
  return `${card.ticksLeft} hour${card.ticksLeft === 1 ? '' : 's'} of patience left`;
}

/** The selected card in one sentence: customer, segment, spend, request, how much they care, patience. */
export function cardSentence(card: CardModel, index: number, count: number): string {
  return [
    `${card.special ? 'Special request. ' : ''}Card ${index + 1} of ${count}: ${card.customer}, ${card.segmentName}, spends ${card.value}, loyalty ${card.loyalty}.`,
    `Asks for ${card.category}: “${card.request}”`,
    `${card.cares[0]?.toUpperCase() ?? ''}${card.cares.slice(1)}, ${patienceWords(card)}.`,
  ].join(' ');
}

/** One line per decision key with what it would probably do, or why it cannot be chosen. */
export function previewLines(card: CardModel): string[] {
  return card.choices.map((choice) => {
    const style = DECISION_STYLE[choice.decision as Decision];
    const what = choice.available ? spoken(choice.summary) : `not possible: ${choice.summary}`;
    return `${style.key} ${style.label}: ${what}`;
  });
}

/** What the live focus region says when a card becomes the selected one. */
export function selectedCardAnnouncement(card: CardModel, index: number, count: number): string {
  return `${cardSentence(card, index, count)} ${previewLines(card).join('. ')}.`;
}

/** The situation in operations, for the board's text (read at will, not announced). */
export function operationsLines(view: PlayView, currency: string): string[] {
  const { figures } = view;
  return [
    `Round ${view.round} of ${view.rounds}, ${hourLabel(view.tick, view.ticksPerRound)}`,
    `Profit ${money(figures.profitCents, currency, false)}, cash ${money(figures.cashCents, currency, false)}`,
    `Exhaustion ${Math.round(figures.exhaustion.current)} of 100`,
    `Loyalty ${Math.round(figures.loyalty)} of 100`,
    `Waiting demands ${view.cards.length}`,
    `Staff backlog ${view.backlogHours.toFixed(1)} hours, ${view.staff.length} staff`,
  ];
}

/** The round report, one request per line, with who asked (by segment name) and what it cost. */
export function roundReportLines(rows: readonly PlanningRow[]): string[] {
  return rows.map((row) => {
    const asked = row.segmentCounts.map((entry) => `${entry.name} ${entry.count}`).join(', ');
    const option = spoken(row.optionNote.replace(/^★ (Live|Being built)/, (_all, what: string) => `Option ${what.toLowerCase()}`)).replace(
      /\.$/,
      '',
    );
    return `${row.name}: ${row.requests} request${row.requests === 1 ? '' : 's'}${asked ? ` from ${asked}` : ''}, ${row.cares}, one-offs cost ${row.oneOffHours.toFixed(1)} hours (${row.cost}); ${option}.`;
  });
}
