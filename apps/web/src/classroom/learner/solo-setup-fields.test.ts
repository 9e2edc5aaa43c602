import { findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { MAX_SEED, roundsAndTicks } from '../../session/solo-session';
import { soloPhoneScreen } from './solo-phone-flow';
import { lengthText, parseSeed } from './solo-setup-fields';

const scenario = findScenario('office-supplies') as Scenario;

describe('the solo set-up on a phone', () => {
  it('takes a seed of digits up to the largest the desktop takes, and nothing else', () => {
    expect(parseSeed(' 42 ')).toBe(42);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(String(MAX_SEED))).toBe(MAX_SEED);
    expect(parseSeed(String(MAX_SEED + 1))).toBeUndefined();
    for (const typed of ['', '12x', '-3', '1.5', '1e3']) expect(parseSeed(typed)).toBeUndefined();
  });

  it('names the lengths the desktop set-up offers', () => {
    expect(lengthText(scenario, 'short')).toBe('Short: 3 rounds of 12 hours');
    const full = roundsAndTicks(scenario, 'full');
    expect(lengthText(scenario, 'full')).toBe(`Full: ${full.rounds} rounds of ${full.ticksPerRound} hours`);
  });

  it('opens the board in a round, planning between rounds, the summary at the end', () => {
    expect(soloPhoneScreen('operations')).toBe('operations');
    expect(soloPhoneScreen('planning')).toBe('planning');
    expect(soloPhoneScreen('ended')).toBe('solo-end');
  });
});
