import type { GameState } from '../state/game-state.js';
import { feedLanes, lanesHex, startLanes } from './fnv-lanes.js';

/**
 * A 64-bit fingerprint of the state's JSON, as 16 hex digits. States are built by the same code
 * in the same order, so equal states serialise identically: equal hashes mean the same game,
 * bit for bit (floats included). Exported solo replays carry it as their final hash, and the
 * first classroom checkpoints were written with it, so its value must never change.
 */
export function stateHash(state: GameState): string {
  const lanes = startLanes();
  feedLanes(lanes, JSON.stringify(state));
  return lanesHex(lanes);
}
