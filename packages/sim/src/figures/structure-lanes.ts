/**
 * A 64-bit fingerprint of plain data (what a GameState is), taken by walking it: no JSON text is
 * built. Two 32-bit lanes, each MurmurHash3's block step with its own seed, take one 32-bit word
 * at a time: a tag for each kind of value, the IEEE-754 bits of each number, two UTF-16 units
 * of text per word, and the length of every string, array and object. Keys keep their order, as
 * JSON does; a key whose value is undefined is left out and -0 counts as 0, as in JSON, so a
 * state and its JSON round trip agree.
 */
export interface StructureLanes {
  a: number;
  b: number;
}

const TAG = { null: 1, false: 2, true: 3, number: 4, string: 5, array: 6, object: 7, digest: 8 } as const;

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

export function startStructureLanes(): StructureLanes {
  return { a: 0x9747b28c, b: 0x5bd1e995 };
}

function mixWord(lanes: StructureLanes, word: number): void {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let a = lanes.a ^ k;
  a = (a << 13) | (a >>> 19);
  lanes.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
  // The second lane takes the word through other constants, so the two do not collide together.
  let j = Math.imul(word ^ 0x85ebca6b, 0xc2b2ae35);
  j = (j << 16) | (j >>> 16);
  let b = lanes.b ^ j;
  b = (b << 11) | (b >>> 21);
  lanes.b = (Math.imul(b, 9) + 0x27d4eb2f) | 0;
}

function mixText(lanes: StructureLanes, text: string): void {
  mixWord(lanes, text.length);
  let i = 0;
  for (; i + 1 < text.length; i += 2) mixWord(lanes, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  if (i < text.length) mixWord(lanes, text.charCodeAt(i));
}

/** Feeds another fingerprint in as one value (a series' digest, say). */
export function mixLanes(lanes: StructureLanes, count: number, other: StructureLanes): void {
  mixWord(lanes, TAG.digest);
  mixWord(lanes, count);
  mixWord(lanes, other.a);
  mixWord(lanes, other.b);
}

/**
 * Feeds a key's value its own way instead of walking it (a series' digest, say): returns true
 * when it did. It is asked about every key of every object on the way down.
 */
export type ValueReplacer = (parent: object, key: string, value: unknown, lanes: StructureLanes) => boolean;

/** Feeds one value. */
export function mixValue(lanes: StructureLanes, value: unknown, replace?: ValueReplacer): void {
  if (value === null || value === undefined) {
    mixWord(lanes, TAG.null);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      mixWord(lanes, TAG.null);
      return;
    }
    mixWord(lanes, TAG.number);
    float[0] = value === 0 ? 0 : value;
    mixWord(lanes, floatWords[0] as number);
    mixWord(lanes, floatWords[1] as number);
  } else if (typeof value === 'string') {
    mixWord(lanes, TAG.string);
    mixText(lanes, value);
  } else if (typeof value === 'boolean') {
    mixWord(lanes, value ? TAG.true : TAG.false);
  } else if (Array.isArray(value)) {
    mixWord(lanes, TAG.array);
    mixWord(lanes, value.length);
    for (const item of value) mixValue(lanes, item, replace);
  } else if (typeof value === 'object') {
    mixWord(lanes, TAG.object);
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (item === undefined || typeof item === 'function') continue;
      mixText(lanes, key);
      if (!replace?.(record, key, item, lanes)) mixValue(lanes, item, replace);
    }
    mixWord(lanes, 0);
  }
}

export function structureLanesHex(lanes: StructureLanes): string {
  return (lanes.a >>> 0).toString(16).padStart(8, '0') + (lanes.b >>> 0).toString(16).padStart(8, '0');
}
