import { z } from 'zod';
import { type Board, boardCardSchema, boardSchema, demandSchema, figuresSchema } from './game-views.js';

type BoardCard = Board['cards'][number];

// A team's board goes to every member every simulated hour, and most of it has not changed since
// the last one: the cards' names and texts, the staff, the options. So after the first whole
// board, the server sends what changed (a patch) against the board the team last had, numbered:
// each board a team is sent, whole or patch, has the next `version`, and a patch names the
// version it applies to (`base`). A client that holds another version (it missed one) asks for
// the whole board again (`resyncBoard`). The round or the phase changing sends a whole board.
//
// A patch keeps a board's shape where a reader looks first: `board.team`, and `board.cards` with
// every waiting card in order, each with `demand.id` — a card the client holds already as its id
// and the fields that changed, a new card whole.

/**
 * A card in a patch: one the receiver holds already, as its demand's id and only the card's
 * fields that changed; or a new card, whole (its demand complete: `applyBoardPatch` checks it
 * against `boardCardSchema`). One schema for both, so a phone parses each card once.
 */
export const boardCardChangeSchema = boardCardSchema
  .omit({ demand: true })
  .partial()
  .extend({ demand: demandSchema.partial().extend({ id: z.int() }) });
export type BoardCardChange = z.infer<typeof boardCardChangeSchema>;

/** What changed in a team's board: `team` and `cards` always, any other field only when it changed (`figures` field by field). */
export const boardPatchSchema = boardSchema
  .omit({ team: true, cards: true, figures: true })
  .partial()
  .extend({
    team: z.int(),
    cards: z.array(boardCardChangeSchema),
    figures: figuresSchema.partial().optional(),
  });
export type BoardPatch = z.infer<typeof boardPatchSchema>;

/** A whole board: on attaching, after a resync, when the round or phase changes, and as a team's first. */
export const boardMessageSchema = z.strictObject({ type: z.literal('board'), version: z.int().min(1), board: boardSchema });
export type BoardMessage = z.infer<typeof boardMessageSchema>;

/** What changed since the board numbered `base`; applied to it, it gives board number `version`. */
export const boardPatchMessageSchema = z.strictObject({
  type: z.literal('board'),
  version: z.int().min(1),
  base: z.int().min(1),
  board: boardPatchSchema,
});
export type BoardPatchMessage = z.infer<typeof boardPatchMessageSchema>;

/** Plain data (what JSON carries) compared by value. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameData(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    count++;
    if (!(key in right) || !sameData(left[key], right[key])) return false;
  }
  for (const _ in right) count--;
  return count === 0;
}

/** The fields of `next` that differ from `base` (both of one shape), or undefined when none does. */
function changedFields<T extends object>(base: T, next: T): Partial<T> | undefined {
  let changed: Partial<T> | undefined;
  for (const key in next) {
    if (sameData(base[key], next[key])) continue;
    changed ??= {};
    changed[key] = next[key];
  }
  return changed;
}

function cardChange(held: BoardCard | undefined, card: BoardCard): BoardCardChange {
  if (!held || !sameData(held.demand, card.demand)) return card;
  const { demand, ...rest } = card;
  const { demand: _, ...heldRest } = held;
  return { demand: { id: demand.id }, ...changedFields(heldRest, rest) };
}

/**
 * What changed from `base` to `next`, or undefined when `next` must go whole: another team,
 * round or phase, or the planning fields (round report, option offers) coming or going.
 */
export function boardPatch(base: Board, next: Board): BoardPatch | undefined {
  if (base.team !== next.team || base.round !== next.round || base.phase !== next.phase) return undefined;
  if ('lastReport' in base !== 'lastReport' in next || 'optionOffers' in base !== 'optionOffers' in next) return undefined;
  const held = new Map(base.cards.map((card) => [card.demand.id, card]));
  const { team, cards, figures, ...rest } = next;
  const { team: _team, cards: _cards, figures: baseFigures, ...baseRest } = base;
  const figuresChanged = changedFields(baseFigures, figures);
  return {
    team,
    cards: cards.map((card) => cardChange(held.get(card.demand.id), card)),
    ...changedFields(baseRest, rest),
    ...(figuresChanged ? { figures: figuresChanged } : {}),
  };
}

/** The board a patch gives from `base`, or undefined when it names a card `base` does not hold (it does not follow from it) or a new card is not whole. */
export function applyBoardPatch(base: Board, patch: BoardPatch): Board | undefined {
  if (patch.team !== base.team) return undefined;
  const held = new Map(base.cards.map((card) => [card.demand.id, card]));
  const cards: BoardCard[] = [];
  for (const card of patch.cards) {
    if ('customerId' in card.demand) {
      // A new card: whole, or the patch does not give a board.
      const whole = boardCardSchema.safeParse(card);
      if (!whole.success) return undefined;
      cards.push(whole.data);
      continue;
    }
    const before = held.get(card.demand.id);
    if (!before) return undefined;
    // A change carries only fields the server set: none is undefined.
    cards.push({ ...before, ...card, demand: before.demand } as BoardCard);
  }
  const { team: _team, cards: _cards, figures, ...rest } = patch;
  return { ...base, ...rest, figures: { ...base.figures, ...figures }, cards } as Board;
}

/** What a client does with a board off the wire: the whole board it now holds, or `resync` (ask for the whole board). */
export type BoardReceipt = { kind: 'board'; message: BoardMessage } | { kind: 'resync'; team: number } | { kind: 'stale' };

/**
 * The boards a client holds, one per team it hears of, numbered as the server numbered them:
 * whole boards are taken as they come, a patch only onto the version it names. A patch that does
 * not follow asks for a resync, once until a whole board comes.
 */
export class BoardHolder {
  private readonly held = new Map<number, BoardMessage>();
  private readonly resyncing = new Set<number>();

  /** Takes one board message (whole or patch) as parsed by `parseServerPush`. */
  receive(message: BoardMessage | BoardPatchMessage): BoardReceipt {
    const { team } = message.board;
    if (!('base' in message)) {
      // A whole board is always taken: it is what the server holds now (after a restart it numbers from 1 again).
      const whole = message as BoardMessage;
      this.held.set(team, whole);
      this.resyncing.delete(team);
      return { kind: 'board', message: whole };
    }
    const current = this.held.get(team);
    const board = current && current.version === message.base ? applyBoardPatch(current.board, message.board) : undefined;
    if (!board) {
      if (this.resyncing.has(team)) return { kind: 'stale' };
      this.resyncing.add(team);
      return { kind: 'resync', team };
    }
    const whole: BoardMessage = { type: 'board', version: message.version, board };
    this.held.set(team, whole);
    return { kind: 'board', message: whole };
  }

  /** The whole board held for a team. */
  latest(team: number): BoardMessage | undefined {
    return this.held.get(team);
  }

  /** A resync could not be asked for (no connection): the next patch may ask again. */
  resyncFailed(team: number): void {
    this.resyncing.delete(team);
  }
}
