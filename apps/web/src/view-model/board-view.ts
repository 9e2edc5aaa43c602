import type { Board } from '@ttc/protocol';
import type { CardView, DecisionPreviews, TeamView } from '@ttc/sim';

// A classroom board is the server's TeamView without the cards' previews (a member asks for
// those when they select a card). Its schema is the protocol's (`boardSchema`): the connection
// parses every push with it, so a malformed board never reaches a screen.

/** A waiting card as a screen draws it: previews may not have arrived yet. */
export type BoardCard = Omit<CardView, 'previews'> & { previews?: DecisionPreviews | undefined };

/** What the operations and planning screens draw: a solo TeamView or a classroom board. */
export type PlayView = Omit<TeamView, 'cards'> & { cards: BoardCard[] };

/** The screens' view of a board: each card with the previews asked for so far. */
export function boardView(board: Board, previews: ReadonlyMap<number, DecisionPreviews>): PlayView {
  const { planCommitted: _committed, lastReport, optionOffers, ...view } = board;
  return {
    ...view,
    lastReport,
    optionOffers: optionOffers ?? [],
    cards: board.cards.map((card) => ({ ...card, previews: previews.get(card.demand.id) })),
  };
}

/** One point of the figures' sparklines. */
export interface FigurePoint {
  profitCents: number;
  exhaustion: number;
  loyalty: number;
}

/**
 * Adds the board's figures to the sparkline history once per simulated hour: boards also come
 * after decisions, and those update the hour's point instead of crowding the line.
 */
export function accumulateFigures(
  history: readonly (FigurePoint & { key: string })[],
  board: Pick<Board, 'round' | 'tick' | 'phase' | 'figures'>,
  limit = 48,
): (FigurePoint & { key: string })[] {
  const key = `${board.round}:${board.tick}:${board.phase === 'operations' ? 'o' : 'p'}`;
  const point = {
    key,
    profitCents: board.figures.profitCents,
    exhaustion: board.figures.exhaustion.current,
    loyalty: board.figures.loyalty,
  };
  const last = history[history.length - 1];
  if (last?.key === key) return [...history.slice(0, -1), point];
  return [...history, point].slice(-limit);
}

/**
 * The hour people see, 1-based within its round: after `ticksDone` simulated hours of a round the
 * hour under way is the next one ("Hour 1 of 12" as a round starts). The one numbering of the
 * console, the learner's board, the debrief and the replay.
 */
export function hourOfRound(ticksDone: number, ticksPerRound: number): number {
  return Math.max(1, Math.min(ticksDone + 1, ticksPerRound));
}

/** "Hour 3 of 12". */
export function hourText(ticksDone: number, ticksPerRound: number): string {
  return `Hour ${hourOfRound(ticksDone, ticksPerRound)} of ${ticksPerRound}`;
}

/**
 * A global tick (hours played since the start) as people say it: "Round 2 · Hour 3", or "End of
 * round 1" for the tick that closed a round. A key moment, a note or a replay point reads the same.
 */
export function globalTickText(globalTick: number, ticksPerRound: number): { round: number; hour: number | undefined; text: string } {
  const per = Math.max(1, ticksPerRound);
  if (globalTick > 0 && globalTick % per === 0) {
    const round = globalTick / per;
    return { round, hour: undefined, text: `End of round ${round}` };
  }
  const round = Math.floor(globalTick / per) + 1;
  const hour = hourOfRound(globalTick - (round - 1) * per, per);
  return { round, hour, text: `Round ${round} · Hour ${hour}` };
}
