import type { GameState, TeamState } from '../state/game-state.js';
import { feedLanes, type Lanes, lanesHex, startLanes } from './fnv-lanes.js';
import { stateHash } from './state-hash.js';

/** Marks a checkpoint hash taken by `checkpointHash`; a bare 16-digit hash is a `stateHash`. */
export const CHECKPOINT_HASH_PREFIX = 't';

/**
 * The team records that only ever grow: an entry, once pushed, is never changed. Late in a game
 * they are three quarters of the state's JSON (reports and the hourly history above all).
 */
const SERIES_KEYS = ['reports', 'history', 'keyMoments'] as const satisfies readonly (keyof TeamState)[];

/** How far each series has been hashed, by the array itself: the next hash carries on from there. */
const seriesProgress = new WeakMap<readonly unknown[], { count: number; lanes: Lanes }>();

/**
 * The fingerprint a classroom session records at its checkpoints: the state's JSON with each
 * team's growing series replaced by a digest of its entries (their count and a hash of each
 * entry's JSON in order). It pins the same game as `stateHash` does, but a live session's next
 * checkpoint hashes only the entries added since the last one, instead of the whole history
 * again (a late-game state is over 300 kB of JSON). A copy of the state, or a replay, hashes
 * every entry afresh and gets the same value.
 */
export function checkpointHash(state: GameState): string {
  const digested = { ...state, teams: state.teams.map(digestSeries) };
  const lanes = startLanes();
  feedLanes(lanes, JSON.stringify(digested));
  return CHECKPOINT_HASH_PREFIX + lanesHex(lanes);
}

/** Whether the state is the one a recorded checkpoint hash was taken of, whichever kind it is. */
export function matchesCheckpointHash(state: GameState, recorded: string): boolean {
  if (recorded.startsWith(CHECKPOINT_HASH_PREFIX)) return checkpointHash(state) === recorded;
  return stateHash(state) === recorded;
}

/** The team with each series as its digest; the spread keeps every key where it was. */
function digestSeries(team: TeamState): Record<string, unknown> {
  const digested: Record<string, unknown> = { ...team };
  for (const key of SERIES_KEYS) digested[key] = seriesDigest(team[key]);
  return digested;
}

function seriesDigest(series: readonly unknown[]): string {
  let progress = seriesProgress.get(series);
  // Shorter than when last seen: not a series that only grows, so start again.
  if (!progress || progress.count > series.length) {
    progress = { count: 0, lanes: startLanes() };
    seriesProgress.set(series, progress);
  }
  for (; progress.count < series.length; progress.count++) {
    feedLanes(progress.lanes, JSON.stringify(series[progress.count]));
    feedLanes(progress.lanes, '\n');
  }
  return `${series.length}:${lanesHex(progress.lanes)}`;
}
