import type { PlayView } from './board-view';
import { hourLabel, money } from './format';

/**
 * The line the role="status" region carries: where we are, then what matters in that phase.
 * In operations: the hour, how many demands wait and the clock; the three figures are said at
 * the round's end (planning, game over), not every hour.
 */
export function statusText(view: PlayView, currency: string, extra = ''): string {
  const { figures } = view;
  const operations = view.phase === 'operations';
  const phase = operations ? 'Operations' : view.phase === 'planning' ? 'Planning' : 'Game over';
  const parts = operations
    ? [hourLabel(view.tick, view.ticksPerRound), `Waiting demands ${view.cards.length}`]
    : [
        `Profit ${money(figures.profitCents, currency, false)}`,
        `Exhaustion ${Math.round(figures.exhaustion.current)}`,
        `Loyalty ${Math.round(figures.loyalty)}`,
      ];
  return [`Round ${view.round} of ${view.rounds}`, phase, ...parts, extra].filter(Boolean).join('. ');
}
