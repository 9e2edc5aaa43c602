import type { PlayView } from '../view-model/board-view';
import { type CardModel, PREVIEW_PENDING } from '../view-model/card-model';
import { cardSentence, operationsLines, previewLines, selectedCardAnnouncement } from './board-text';
import { announceFocus, mirrorDetails } from './dom-mirror';

/**
 * The operations screen in text. The selected card (with its previews) is announced when the
 * selection moves to another card or its previews arrive — not as its patience runs down; the
 * board's details are rewritten quietly for the player to read at will.
 */
export class OperationsMirror {
  private lastSelection = '';

  show(view: PlayView, currency: string, card: CardModel | undefined, index: number, eventText: string | undefined): void {
    const selection = card
      ? `${card.demandId}|${card.choices.map((choice) => (choice.summary === PREVIEW_PENDING ? '…' : choice.available ? 'y' : 'n')).join('')}`
      : 'none';
    if (selection !== this.lastSelection) {
      this.lastSelection = selection;
      announceFocus(
        card ? selectedCardAnnouncement(card, index, view.cards.length) : 'No card selected: no customer is waiting right now.',
      );
    }
    mirrorDetails([
      { heading: 'Event', lines: eventText ? [eventText] : [] },
      { heading: 'Selected card', lines: card ? [cardSentence(card, index, view.cards.length)] : ['No customer is waiting.'] },
      { heading: 'Decisions for the selected card', lines: card ? previewLines(card) : [] },
      { heading: 'Situation', lines: operationsLines(view, currency) },
      {
        heading: 'Staff',
        lines: view.staff.map(
          (member) =>
            `${member.name}${member.newHire ? ' (new)' : ''}: exhaustion ${Math.round(member.exhaustion)}${member.resignChance > 0.05 ? ', may quit' : ''}`,
        ),
      },
    ]);
  }

  /** An arrow key at the end of the cards: say so, rather than nothing. */
  sayEdge(index: number, count: number, step: number): void {
    announceFocus(`Already on the ${step < 0 ? 'first' : 'last'} card: card ${index + 1} of ${count}.`);
  }
}
