/**
 * Two chained 32-bit FNV-1a-style lanes: a 64-bit fingerprint of text fed in pieces. Feeding
 * "ab" then "c" gives the same lanes as feeding "abc", so a hash can be carried on where it
 * stopped (checkpoint-hash.ts) instead of being taken again from the start.
 */
export interface Lanes {
  high: number;
  low: number;
}

export function startLanes(): Lanes {
  return { high: 0x811c9dc5, low: 0x01000193 ^ 0x9e3779b9 };
}

export function feedLanes(lanes: Lanes, text: string): void {
  let { high, low } = lanes;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code ^ (high >>> 7), 0x01000193);
  }
  lanes.high = high;
  lanes.low = low;
}

/** The lanes as 16 hex digits. */
export function lanesHex(lanes: Lanes): string {
  return (lanes.high >>> 0).toString(16).padStart(8, '0') + (lanes.low >>> 0).toString(16).padStart(8, '0');
}
