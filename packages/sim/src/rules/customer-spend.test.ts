import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import { cardOnTable, OFFICE } from '../test-support/card-on-table.js';
import { shiftLoyalty } from './customer-totals.js';
import { REACTION, spendFactor } from './reaction-model.js';

describe('loyalty moves what a customer spends', () => {
  it('a customer at their starting loyalty spends the nominal amount; more loyal, more; less loyal, less', () => {
    expect(spendFactor(65, 65)).toBe(1);
    expect(spendFactor(80, 65)).toBeGreaterThan(1.15);
    expect(spendFactor(45, 65)).toBeLessThan(0.8);
    expect(spendFactor(0, 40)).toBeGreaterThan(0);
  });

  it('loyalty lost shows up in the very next hour of revenue', () => {
    const kept = cardOnTable({ segment: 'key-accounts' });
    const lost = cardOnTable({ segment: 'key-accounts' });
    const segment = OFFICE.segments[lost.customer.segment];
    if (!segment) throw new Error('no segment');
    const before = lost.team.spendPerRoundCents;
    shiftLoyalty(OFFICE, lost.team, lost.customer, -20);
    const perPoint = segment.revenuePerRoundCents / (segment.startingLoyalty + REACTION.spendLoyaltyOffset);
    expect(before - lost.team.spendPerRoundCents).toBeCloseTo(20 * perPoint);

    applyCommand(kept.game, { type: 'tick' });
    applyCommand(lost.game, { type: 'tick' });
    const hourLost = (20 * perPoint) / OFFICE.ticksPerRound;
    expect(kept.team.revenueCents - lost.team.revenueCents).toBeCloseTo(hourLost, -1);
  });
});
