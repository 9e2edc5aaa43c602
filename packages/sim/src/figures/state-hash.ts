import type { GameState } from '../state/game-state.js';

/**
 * A 64-bit fingerprint of the state's JSON, as 16 hex digits: two chained 32-bit FNV-1a-style
 * lanes. States are built by the same code in the same order, so equal states serialise
 * identically: equal hashes mean the same game, bit for bit (floats included). Exported solo
 * replays carry it as their final hash, and the first classroom checkpoints were written with
 * it, so its value must never change (classroom checkpoints now use `checkpointHash`).
 */
export function stateHash(state: GameState): string {
  const text = JSON.stringify(state);
  let high = 0x811c9dc5;
  let low = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code ^ (high >>> 7), 0x01000193);
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}
