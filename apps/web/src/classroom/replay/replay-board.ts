import type { Scenario, TeamView } from '@ttc/sim';
import { cardModel } from '../../view-model/card-model';
import { money } from '../../view-model/format';
import { h } from '../dom';

// A team's board at one moment of a replay, as HTML: the same things the live board shows (the
// three figures, the waiting cards with customer, segment, request and patience, the staff and
// the options), read from the simulation's team view. Nothing on it can be pressed.

function figure(label: string, value: string, note: string, className = ''): HTMLElement {
  return h(
    'div',
    { class: `board-figure ${className}` },
    h('span', { class: 'board-figure-label' }, label),
    h('strong', {}, value),
    h('span', { class: 'muted' }, note),
  );
}

function bar(fraction: number, className: string, label: string): HTMLElement {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return h(
    'span',
    { class: `bar ${className}`, role: 'img', 'aria-label': label },
    h('span', { class: 'bar-fill', style: `width: ${percent}%` }),
  );
}

function cardTile(view: TeamView, index: number, scenario: Scenario): HTMLElement {
  const card = cardModel(view.cards[index] as TeamView['cards'][number], scenario);
  return h(
    'li',
    { class: `board-card${card.urgent ? ' urgent' : ''}${card.special ? ' special' : ''}` },
    h(
      'div',
      { class: 'board-card-head' },
      h('strong', {}, card.customer),
      h('span', { class: 'muted' }, `${card.segment} · ${card.value} · loyalty ${card.loyalty} · ${card.cares}`),
    ),
    h('div', { class: 'board-card-category' }, card.special ? `★ ${card.category}` : card.category),
    h('div', { class: 'board-card-request' }, `“${card.request}”`),
    h(
      'div',
      { class: 'board-card-foot' },
      bar(card.patience, card.urgent ? 'bar-bad' : card.patience < 0.5 ? 'bar-warn' : 'bar-good', `Patience: ${card.ticksLeft} hours left`),
      h('span', { class: 'patience-text' }, card.urgent ? '! last hour' : `${card.ticksLeft} h left`),
    ),
  );
}

export function replayBoard(view: TeamView, scenario: Scenario, teamName: string): HTMLElement {
  const { figures } = view;
  const events = view.activeEventIds.map((id) => scenario.events.find((event) => event.id === id)?.name ?? id);
  const options = view.options.map((option) => {
    const category = scenario.categories[option.category]?.name ?? 'a category';
    return h(
      'li',
      {},
      `${category}: ${money(option.priceCents, scenario.currency)}`,
      option.status === 'building' ? h('span', { class: 'muted' }, ' (being built)') : ` · used ${option.uses}×`,
    );
  });
  return h(
    'div',
    { class: 'replay-board', 'aria-label': `${teamName}'s board` },
    h(
      'div',
      { class: 'board-figures' },
      figure('Profit', money(figures.profitCents, scenario.currency, false), `cash ${money(view.cashCents, scenario.currency, false)}`),
      figure(
        'Exhaustion',
        String(Math.round(view.exhaustion)),
        `game average ${Math.round(figures.exhaustion.mean)}`,
        view.exhaustion >= 70 ? 'bad' : view.exhaustion >= 50 ? 'warn' : '',
      ),
      figure('Loyalty', String(Math.round(figures.loyalty)), `reputation ${Math.round(figures.reputation)}`),
      figure('Score', figures.balancedScore.toFixed(1), `backlog ${view.backlogHours.toFixed(1)} h`),
    ),
    events.length > 0 && h('p', { class: 'board-events', role: 'note' }, `Event: ${events.join(' · ')}`),
    h(
      'div',
      { class: 'board-main' },
      h(
        'section',
        { class: 'board-cards', 'aria-label': 'Waiting demands' },
        h('h3', {}, `Waiting demands (${view.cards.length})`),
        view.cards.length === 0
          ? h('p', { class: 'muted' }, view.phase === 'operations' ? 'No demand is waiting.' : 'No demands: the team is planning.')
          : h(
              'ul',
              { class: 'board-card-list' },
              view.cards.map((_, index) => cardTile(view, index, scenario)),
            ),
      ),
      h(
        'section',
        { class: 'board-side', 'aria-label': 'Staff and options' },
        h('h3', {}, `Staff (${view.staff.length})`),
        h(
          'ul',
          { class: 'board-staff' },
          view.staff.map((member) =>
            h(
              'li',
              {},
              h('span', { class: 'staff-name' }, member.name, member.newHire ? h('span', { class: 'muted' }, ' (new)') : undefined),
              bar(
                member.exhaustion / 100,
                member.exhaustion >= 70 ? 'bar-bad' : member.exhaustion >= 50 ? 'bar-warn' : 'bar-good',
                `Exhaustion ${Math.round(member.exhaustion)}`,
              ),
              h('span', { class: 'number' }, String(Math.round(member.exhaustion))),
            ),
          ),
        ),
        h('h3', {}, 'Options'),
        options.length > 0 ? h('ul', { class: 'board-options' }, options) : h('p', { class: 'muted' }, 'None built.'),
        h('p', { class: 'muted' }, `Plan: ${view.plannedHires} to hire · rest ${view.plannedRestPercent}%`),
      ),
    ),
  );
}
