import { type Game, type Phase, stateHash, TextHash } from '@ttc/sim';
import type { StoredCheckpoint } from '../storage/session-store.js';

/** What a command's checkpoints are judged against: the state just before it. */
export interface CheckpointWatch {
  moments: number;
  phase: Phase;
}

/** The checkpoints a command earned, before the state's hash is known. */
export interface DueCheckpoints {
  seq: number;
  tick: number;
  reasons: StoredCheckpoint['reason'][];
}

export function watchState(game: Game): CheckpointWatch {
  let moments = 0;
  for (const team of game.state.teams) moments += team.keyMoments.length;
  return { moments, phase: game.state.phase };
}

/**
 * The checkpoints the command with this seq earns: a key moment marked for any team, the end
 * of a round's operations, the end of the game. Undefined when it earns none. The hash is the
 * state's right after that command (`withHash`, or `hashInSlices` of its JSON taken then).
 */
export function checkpointsDue(game: Game, before: CheckpointWatch, seq: number): DueCheckpoints | undefined {
  const after = watchState(game);
  const reasons: StoredCheckpoint['reason'][] = [];
  if (after.moments > before.moments) reasons.push('key-moment');
  if (before.phase === 'operations' && after.phase === 'planning') reasons.push('round-end');
  if (before.phase !== 'ended' && after.phase === 'ended') reasons.push('game-end');
  return reasons.length > 0 ? { seq, tick: game.state.globalTick, reasons } : undefined;
}

export function withHash(due: DueCheckpoints, hash: string): StoredCheckpoint[] {
  return due.reasons.map((reason) => ({ seq: due.seq, tick: due.tick, hash, reason }));
}

/**
 * The hash `stateHash` gives, of a state's JSON taken in pieces (`stateJsonPieces`): a piece at
 * a time, letting the event loop run between the large ones (the teams), so hashing a whole
 * classroom state never holds other sessions' messages up for its several milliseconds.
 */
export async function hashInSlices(pieces: readonly string[]): Promise<string> {
  const hash = new TextHash();
  for (const piece of pieces) {
    hash.update(piece);
    if (piece.length > SLICE_CHARS) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return hash.digest();
}

/** Pieces shorter than this (the state's small fields) are hashed without a pause after them. */
const SLICE_CHARS = 4000;

/** A session the facilitator ends before the game's last round: its final state, once. */
export function sessionEndCheckpoints(game: Game, seq: number): StoredCheckpoint[] {
  if (game.state.phase === 'ended') return [];
  return [{ seq, tick: game.state.globalTick, hash: stateHash(game.state), reason: 'session-end' }];
}
