import type { PlayView } from '../view-model/board-view';
import { statusText } from '../view-model/status-text';

/**
 * Decides when the status region speaks. It is rewritten when the situation changes — a new
 * round or phase, the queue filling from empty or running dry, the clock paused, resumed or
 * sped up, the figures at a round's end — and never just because an hour went by, so a
 * screen reader is not talking over the player every few seconds.
 */
export class StatusAnnouncer {
  private lastSituation: string | undefined;

  /** The line to announce now, or undefined when nothing that matters has changed. */
  next(view: PlayView, currency: string, extra = ''): string | undefined {
    const situation = [view.round, view.phase, view.cards.length === 0 ? 'empty' : 'waiting', extra].join('|');
    if (situation === this.lastSituation) return undefined;
    this.lastSituation = situation;
    return statusText(view, currency, extra);
  }
}
