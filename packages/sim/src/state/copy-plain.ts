/**
 * A copy of plain data (what a GameState is: objects, arrays, numbers, strings, booleans, null).
 * Keys keep their order, so a copy serialises, and hashes, exactly like its original.
 */
export function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const copy = new Array(length);
    for (let index = 0; index < length; index++) copy[index] = copyPlain(value[index]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyPlain((value as Record<string, unknown>)[key]);
  return copy as T;
}
