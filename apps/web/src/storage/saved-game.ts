import { type GameLog, gameLogSchema } from '@ttc/sim';
import { z } from 'zod';

// The solo game in progress, kept in this browser so a reload (or "back to the title") does not
// lose it. What is kept is the game's log — its scenario, seed and every accepted command — and
// the game is rebuilt by replaying that log through the simulation, which is deterministic.

const KEY = 'ttc.soloGame.v1';

const savedGameSchema = z.strictObject({
  length: z.enum(['short', 'full']),
  feedback: z.boolean(),
  /** Where the game stood when last saved, for the title screen's offer (the log is the truth). */
  round: z.int().min(1),
  hour: z.int().min(1),
  phase: z.enum(['operations', 'planning', 'ended']),
  savedAt: z.string(),
  log: gameLogSchema,
});

export type SavedGame = z.infer<typeof savedGameSchema> & { log: GameLog };

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (private mode, policy): play on without resuming
  }
}

export function saveGame(game: SavedGame, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(game));
  } catch {
    // full or disabled storage: the game plays on, it just cannot be resumed after a reload
  }
}

/** The kept game, if there is one that this version of the game can read; a damaged one is dropped. */
export function loadSavedGame(store: Storage | undefined = storage()): SavedGame | undefined {
  const text = store?.getItem(KEY);
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    forgetSavedGame(store);
    return undefined;
  }
  const parsed = savedGameSchema.safeParse(data);
  if (!parsed.success || parsed.data.phase === 'ended') {
    forgetSavedGame(store);
    return undefined;
  }
  return parsed.data;
}

/**
 * Forgets a kept game that no longer replays (it was played with other rules) and returns what to
 * tell the player: the laptop's title and the phone's entry say the same.
 */
export function setAsideSavedGame(store: Storage | undefined = storage()): string {
  forgetSavedGame(store);
  return 'Your kept game could not be rebuilt (it was played with other rules), so it was set aside. Start a new one.';
}

export function forgetSavedGame(store: Storage | undefined = storage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}
