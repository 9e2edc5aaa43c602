/** Integer cents. The brand keeps money from being mixed with hours or scores by accident. */
export type Cents = number & { readonly __unit?: 'cents' };
/** Staff hours (may be fractional). */
export type Hours = number & { readonly __unit?: 'hours' };
/** Simulated working hours counted from the start of the game. */
export type Tick = number & { readonly __unit?: 'tick' };

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function clamp01(value: number): number {
  return clamp(value, 0, 1);
}

/** Rounds a money amount to whole cents; the only place fractional money is allowed to exist. */
export function toCents(amount: number): Cents {
  return Math.round(amount);
}
