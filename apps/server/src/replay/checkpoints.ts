import { checkpointHash, type Game, type Phase } from '@ttc/sim';
import type { StoredCheckpoint } from '../storage/session-store.js';

/** What a command's checkpoints are judged against: the state just before it. */
export interface CheckpointWatch {
  moments: number;
  phase: Phase;
}

export function watchState(game: Game): CheckpointWatch {
  let moments = 0;
  for (const team of game.state.teams) moments += team.keyMoments.length;
  return { moments, phase: game.state.phase };
}

/**
 * The checkpoints the command with this seq earns: a key moment marked for any team, the end
 * of a round's operations, the end of the game. A handful per team and round, but with a
 * hundred classes that is dozens a second: `checkpointHash` hashes only what changed since the
 * session's last one, where hashing the whole state took 1–7 ms each (docs/performance.md).
 */
export function checkpointsAfter(game: Game, before: CheckpointWatch, seq: number): StoredCheckpoint[] {
  const after = watchState(game);
  const reasons: StoredCheckpoint['reason'][] = [];
  if (after.moments > before.moments) reasons.push('key-moment');
  if (before.phase === 'operations' && after.phase === 'planning') reasons.push('round-end');
  if (before.phase !== 'ended' && after.phase === 'ended') reasons.push('game-end');
  if (reasons.length === 0) return [];
  const hash = checkpointHash(game.state);
  const tick = game.state.globalTick;
  return reasons.map((reason) => ({ seq, tick, hash, reason }));
}

/** A session the facilitator ends before the game's last round: its final state, once. */
export function sessionEndCheckpoints(game: Game, seq: number): StoredCheckpoint[] {
  if (game.state.phase === 'ended') return [];
  return [{ seq, tick: game.state.globalTick, hash: checkpointHash(game.state), reason: 'session-end' }];
}
