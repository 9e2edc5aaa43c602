const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? '€';
}

/** Whole units for big sums, cents for small prices: "€12,340", "€35.00", "−€1,200". */
export function money(cents: number, currency: string, withCents = Math.abs(cents) < 10_000): string {
  const sign = cents < 0 ? '−' : '';
  const amount = Math.abs(cents) / 100;
  const text = amount.toLocaleString('en-GB', { minimumFractionDigits: withCents ? 2 : 0, maximumFractionDigits: withCents ? 2 : 0 });
  return `${sign}${currencySymbol(currency)}${text}`;
}

export function signed(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)}`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

export function hours(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} h`;
}

/** How much a customer cares, in words. */
export function caresLabel(importance: number): string {
  if (importance >= 0.7) return 'cares a lot';
  if (importance >= 0.4) return 'cares somewhat';
  return 'barely cares';
}

/**
 * The hour in progress, 1-based, as every screen names it: "Hour 2 of 12". The simulation's
 * tick counts the hours already done, so the first hour of a round is tick 0.
 */
export function hourOf(tick: number, ticksPerRound: number): number {
  return Math.max(1, Math.min(tick + 1, ticksPerRound));
}

export function hourLabel(tick: number, ticksPerRound: number): string {
  return `Hour ${hourOf(tick, ticksPerRound)} of ${ticksPerRound}`;
}

/** The first of a customer's names, as the feedback speaks of them. */
export function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}
