import type { Decision } from '@ttc/sim';
import { DECISION_STYLE } from '../../ui/theme';
import type { PlayView } from '../../view-model/board-view';
import type { CardModel } from '../../view-model/card-model';
import { money } from '../../view-model/format';
import { h } from '../dom';

// The pieces of a learner's board on a phone: the three figures, a waiting card in the list,
// the selected card in full, and the four decision buttons with what each would probably do.

export const DECISIONS: Decision[] = ['accommodate', 'premium', 'option', 'no'];

/** Hours of patience left, in words: "1 hour left", "3 hours left". */
export function patienceText(ticksLeft: number): string {
  return ticksLeft <= 1 ? 'last hour' : `${ticksLeft} hours left`;
}

/** Profit, exhaustion and loyalty: the three figures that pull against each other. */
export function figuresList(view: PlayView, currency: string): HTMLElement {
  const { figures } = view;
  const figure = (label: string, value: string, note: string) =>
    h('div', { class: 'phone-figure' }, h('dt', {}, label), h('dd', {}, value, h('span', { class: 'muted' }, note)));
  return h(
    'dl',
    { class: 'phone-figures' },
    figure('Profit', money(figures.profitCents, currency, false), ''),
    figure('Exhaustion', `${Math.round(figures.exhaustion.current)}`, ' /100'),
    figure('Loyalty', `${Math.round(figures.loyalty)}`, ' /100'),
  );
}

/** One waiting demand in the list: who, what they are worth, what they ask, how long they wait. */
export function cardItem(model: CardModel, selected: boolean, onSelect: () => void): HTMLElement {
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `phone-card${model.urgent ? ' urgent' : ''}${model.special ? ' special' : ''}`,
        'aria-pressed': String(selected),
        'data-demand': model.demandId,
        onclick: onSelect,
      },
      h(
        'span',
        { class: 'card-line' },
        h('strong', { class: 'card-customer' }, model.customer),
        h('span', { class: 'card-value' }, model.value),
      ),
      h('span', { class: 'card-line muted' }, h('span', {}, model.segment), h('span', {}, `loyalty ${model.loyalty}`)),
      h(
        'span',
        { class: 'card-line' },
        h('span', { class: 'card-category' }, model.special ? `⚑ ${model.category}` : model.category),
        h('span', { class: `card-patience${model.urgent ? ' bad' : ''}` }, `${model.urgent ? '! ' : ''}${patienceText(model.ticksLeft)}`),
      ),
    ),
  );
}

/** The selected card in full, above the decision buttons, where the thumb is. */
export function selectedCard(model: CardModel | undefined): HTMLElement {
  if (!model) return h('div', { class: 'phone-selected muted' }, 'No card selected: tap one in the list.');
  return h(
    'div',
    { class: 'phone-selected', 'data-demand': model.demandId },
    h('p', { class: 'card-line' }, h('strong', {}, model.customer), h('span', { class: 'card-value' }, model.value)),
    h(
      'p',
      { class: 'muted' },
      `${model.segment} · ${model.cares} · loyalty ${model.loyalty} · `,
      h('span', { class: model.urgent ? 'bad' : '' }, patienceText(model.ticksLeft)),
    ),
    h('p', { class: 'phone-request', title: model.request }, h('strong', {}, `${model.category}: `), model.request),
  );
}

/**
 * The four answers as large buttons, each with its likely consequences once the previews are in.
 * While the class is paused they look dimmed but still answer a tap: with the server's reason.
 */
export function choiceButtons(model: CardModel | undefined, paused: boolean, onDecide: (decision: Decision) => void): HTMLElement[] {
  return DECISIONS.map((decision, index) => {
    const style = DECISION_STYLE[decision];
    // The colour stripe goes with the word: colour never carries the meaning alone.
    const choice = model?.choices[index];
    const available = !!model && !!choice?.available;
    return h(
      'button',
      {
        type: 'button',
        class: `phone-choice choice-${decision}${paused ? ' paused' : ''}`,
        disabled: !available,
        'aria-keyshortcuts': style.key,
        onclick: () => onDecide(decision),
      },
      h('span', { class: 'choice-label' }, style.label),
      h('span', { class: 'choice-summary' }, choice ? choice.summary : ''),
    );
  });
}
