import type { Scenario } from '@ttc/sim';
import { type GameLength, MAX_SEED, roundsAndTicks } from '../../session/solo-session';

// What the phone's solo set-up reads and shows, apart from its form: the seed as typed, and the
// lengths the desktop set-up offers, in words.

/** The seed as typed, or undefined when it is not a whole number the simulation takes. */
export function parseSeed(typed: string): number | undefined {
  const trimmed = typed.trim();
  if (!/^[0-9]{1,10}$/.test(trimmed)) return undefined;
  const seed = Number(trimmed);
  return seed <= MAX_SEED ? seed : undefined;
}

/** "Short: 3 rounds of 12 hours" — the desktop set-up's lengths, in words that fit a phone's field. */
export function lengthText(scenario: Scenario, length: GameLength): string {
  const { rounds, ticksPerRound } = roundsAndTicks(scenario, length);
  return `${length === 'short' ? 'Short' : 'Full'}: ${rounds} rounds of ${ticksPerRound} hours`;
}
