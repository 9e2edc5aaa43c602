import type { PlayView } from './board-view';
import { money } from './format';

/** The one-line summary the role="status" region carries: where we are and the three figures. */
export function statusText(view: PlayView, currency: string, extra = ''): string {
  const { figures } = view;
  const phase = view.phase === 'operations' ? 'Operations' : view.phase === 'planning' ? 'Planning' : 'Game over';
  return [
    `Round ${view.round} of ${view.rounds}`,
    `${phase}`,
    view.phase === 'operations' ? `Tick ${view.tick} of ${view.ticksPerRound}` : '',
    `Profit ${money(figures.profitCents, currency, false)}`,
    `Exhaustion ${Math.round(figures.exhaustion.current)}`,
    `Loyalty ${Math.round(figures.loyalty)}`,
    `Waiting demands ${view.cards.length}`,
    extra,
  ]
    .filter(Boolean)
    .join('. ');
}
