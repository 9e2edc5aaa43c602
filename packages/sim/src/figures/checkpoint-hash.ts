import type { GameState, TeamState } from '../state/game-state.js';
import { stateHash } from './state-hash.js';
import { mixLanes, mixValue, type StructureLanes, startStructureLanes, structureLanesHex } from './structure-lanes.js';

/** Marks a checkpoint hash taken by `checkpointHash`; a bare 16-digit hash is a `stateHash`. */
export const CHECKPOINT_HASH_PREFIX = 't';

/**
 * The team records that only ever grow: an entry, once pushed, is never changed. Late in a game
 * they are three quarters of the state (reports and the hourly history above all).
 */
const SERIES_KEYS: ReadonlySet<string> = new Set(['reports', 'history', 'keyMoments'] satisfies (keyof TeamState)[]);

/** How far each series has been hashed, by the array itself: the next hash carries on from there. */
const seriesProgress = new WeakMap<readonly unknown[], { count: number; lanes: StructureLanes }>();

/**
 * The fingerprint a classroom session records at its checkpoints. It walks the state instead of
 * writing it out as JSON (structure-lanes.ts), and each team's growing series goes in as a digest
 * of its entries, each entry hashed once: a live session's next checkpoint hashes only the
 * entries added since its last one, where `stateHash` writes out and hashes the whole state
 * again (over 300 kB of JSON late in a game). A copy of the state, or a replay, hashes every
 * entry afresh and gets the same value. It pins the game as exactly as `stateHash` does.
 */
export function checkpointHash(state: GameState): string {
  const teams = new Set<object>(state.teams);
  const lanes = startStructureLanes();
  mixValue(lanes, state, (parent, key, value, into) => {
    if (!teams.has(parent) || !SERIES_KEYS.has(key) || !Array.isArray(value)) return false;
    mixSeries(into, value);
    return true;
  });
  return CHECKPOINT_HASH_PREFIX + structureLanesHex(lanes);
}

/** Whether the state is the one a recorded checkpoint hash was taken of, whichever kind it is. */
export function matchesCheckpointHash(state: GameState, recorded: string): boolean {
  if (recorded.startsWith(CHECKPOINT_HASH_PREFIX)) return checkpointHash(state) === recorded;
  return stateHash(state) === recorded;
}

function mixSeries(into: StructureLanes, series: readonly unknown[]): void {
  let progress = seriesProgress.get(series);
  // Shorter than when last seen: not a series that only grows, so start again.
  if (!progress || progress.count > series.length) {
    progress = { count: 0, lanes: startStructureLanes() };
    seriesProgress.set(series, progress);
  }
  for (; progress.count < series.length; progress.count++) mixValue(progress.lanes, series[progress.count]);
  mixLanes(into, series.length, progress.lanes);
}
