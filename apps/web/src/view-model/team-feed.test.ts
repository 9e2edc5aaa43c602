import { findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { planSummary, teamDecisionText } from './team-feed';

const scenario = findScenario('office-supplies') as Scenario;
const card = { customerName: 'Ada Lovelace', categoryName: 'Rush delivery' };

describe('teamDecisionText', () => {
  it('says who decided what for whom, and what it did', () => {
    expect(
      teamDecisionText({ decision: 'premium', by: 'Grace', accepted: true, loyaltyChange: 1.24, revenueCents: 4500 }, card, 'EUR'),
    ).toBe('Grace: Ada Lovelace, Rush delivery — Premium, paid €45.00, loyalty +1.2');
    expect(teamDecisionText({ decision: 'option', by: 'Lin', accepted: false, loyaltyChange: -2, revenueCents: 0 }, card, 'EUR')).toBe(
      'Lin: Ada Lovelace, Rush delivery — Offer option, refused, loyalty −2.0',
    );
    expect(teamDecisionText({ decision: 'no', by: 'bot', accepted: false, loyaltyChange: -3, revenueCents: 0 }, undefined, 'EUR')).toBe(
      'The team bot: a request — Gentle no, loyalty −3.0',
    );
  });

  it('names a card nobody answered, and a broken promise with the hours undone and the refund', () => {
    expect(
      teamDecisionText({ decision: 'ignored', by: 'clock', accepted: false, loyaltyChange: -17.94, revenueCents: 0 }, card, 'EUR'),
    ).toBe('Nobody: Ada Lovelace, Rush delivery — Ignored (nobody answered in time), loyalty −17.9');
    expect(
      teamDecisionText(
        { decision: 'broken-promise', by: 'clock', accepted: false, loyaltyChange: -6, revenueCents: 0, hoursLeft: 1.5, refundCents: 4500 },
        card,
        'EUR',
      ),
    ).toBe('Backlog: Ada Lovelace, Rush delivery — Broken promise (1.5 h not done in time), refunded €45.00, loyalty −6.0');
  });
});

describe('planSummary', () => {
  it('lists builds, retirements, hires, rest and prices by name', () => {
    expect(
      planSummary(
        {
          build: ['rush-delivery'],
          retire: ['volume-quote'],
          premiumPrices: { 'special-invoicing': 4500 },
          optionPrices: { 'rush-delivery': 1200 },
          hires: 1,
          restPercent: 10,
        },
        scenario,
      ),
    ).toBe(
      'build Rush delivery · retire Volume price quote · hire 1 · rest 10 % · premium Special invoicing €45.00 · option price Rush delivery €12.00',
    );
  });

  it('says when a plan changes nothing', () => {
    expect(planSummary({ build: [], retire: [], premiumPrices: {}, optionPrices: {}, hires: 0, restPercent: 0 }, scenario)).toBe(
      'no changes',
    );
  });
});
