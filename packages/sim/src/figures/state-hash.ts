import type { GameState } from '../state/game-state.js';

/**
 * The state's fingerprint, fed a piece of its JSON at a time: two chained 32-bit FNV-1a-style
 * lanes over the characters, as 16 hex digits. Hashing the pieces one after the other gives the
 * same digest as hashing them joined, so a server can hash a large state a team at a time,
 * between other work, and still record the hash a replay checks (`stateHash`).
 */
export class TextHash {
  private high = 0x811c9dc5;
  private low = 0x01000193 ^ 0x9e3779b9;

  update(text: string): void {
    let { high, low } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      high = Math.imul(high ^ code, 0x01000193);
      low = Math.imul(low ^ code ^ (high >>> 7), 0x01000193);
    }
    this.high = high;
    this.low = low;
  }

  digest(): string {
    return (this.high >>> 0).toString(16).padStart(8, '0') + (this.low >>> 0).toString(16).padStart(8, '0');
  }
}

/**
 * A 64-bit fingerprint of the state's JSON, as 16 hex digits. States are built by the same code
 * in the same order, so equal states serialise identically: equal hashes mean the same game, bit
 * for bit (floats included).
 */
export function stateHash(state: GameState): string {
  const hash = new TextHash();
  hash.update(JSON.stringify(state));
  return hash.digest();
}

/**
 * `JSON.stringify(state)` in pieces whose concatenation is exactly that text: the state's other
 * fields first-level, and each team on its own (the teams are most of the state). For hashing a
 * state a piece at a time (`TextHash`).
 */
export function* stateJsonPieces(state: GameState): Generator<string> {
  let separator = '{';
  for (const key of Object.keys(state)) {
    const value = (state as unknown as Record<string, unknown>)[key];
    if (key === 'teams' && Array.isArray(value)) {
      yield `${separator}${JSON.stringify(key)}:[`;
      for (let index = 0; index < value.length; index++) yield (index > 0 ? ',' : '') + (JSON.stringify(value[index]) ?? 'null');
      yield ']';
    } else {
      // JSON leaves out a field whose value it cannot write (undefined).
      const text = JSON.stringify(value);
      if (text === undefined) continue;
      yield `${separator}${JSON.stringify(key)}:${text}`;
    }
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}
