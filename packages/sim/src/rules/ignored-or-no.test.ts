import { describe, expect, it } from 'vitest';
import { applyCommand } from '../commands/apply-command.js';
import type { DecisionOutcome, Outcome } from '../commands/command-result.js';
import { previewDecisions } from '../figures/decision-preview.js';
import { cardOnTable } from '../test-support/card-on-table.js';
import { brokenPromiseSatisfaction, ignoredSatisfaction, loyaltyChange, noSatisfaction, REACTION } from './reaction-model.js';

const IMPORTANCES = Array.from({ length: 21 }, (_, step) => step / 20);

describe('ignoring a customer is clearly worse than declining gently', () => {
  it('at every importance, a broken promise loses more loyalty than a gentle no, and being ignored more still', () => {
    for (const importance of IMPORTANCES) {
      const no = loyaltyChange(noSatisfaction(importance, 1, false), 50, 1);
      const broken = loyaltyChange(brokenPromiseSatisfaction(importance, 1), 50, 1);
      const ignored = loyaltyChange(ignoredSatisfaction(importance, 1), 50, REACTION.ignoredLoyaltyWeight);
      expect(broken).toBeLessThan(no);
      expect(ignored).toBeLessThanOrEqual(broken);
      expect(ignored).toBeLessThanOrEqual(no - 6);
    }
  });

  it('the same card: letting it expire costs more loyalty, risks more complaints and lowers spend more than a no', () => {
    const declined = cardOnTable({ segment: 'small-offices', category: 'ordering-help', importance: 0.5, patienceTicks: 2 });
    const ignored = cardOnTable({ segment: 'small-offices', category: 'ordering-help', importance: 0.5, patienceTicks: 2 });
    const previews = previewDecisions(ignored.game, 0, ignored.demand.id);
    expect(previews?.ignored.complaintChance).toBeGreaterThan(2 * (previews?.no.complaintChance ?? 1));

    const result = applyCommand(declined.game, { type: 'decide', team: 0, demandId: declined.demand.id, decision: 'no' });
    const no = (result.ok ? result.outcomes[0] : undefined) as DecisionOutcome;
    const outcomes: Outcome[] = [];
    for (let tick = 0; tick < 3; tick++) {
      applyCommand(declined.game, { type: 'tick' });
      const ticked = applyCommand(ignored.game, { type: 'tick' });
      if (ticked.ok) outcomes.push(...ticked.outcomes);
    }
    const expired = outcomes.find((outcome) => outcome.kind === 'decision' && outcome.demandId === ignored.demand.id) as DecisionOutcome;
    expect(expired).toMatchObject({ resolution: 'ignored', team: 0, customerId: ignored.customer.id });
    expect(expired.loyaltyBefore - expired.loyaltyAfter).toBeGreaterThan(no.loyaltyBefore - no.loyaltyAfter + 8);
    // Same requests in both games, all else unanswered: the only difference is this card, and
    // the customer left waiting now spends less every hour than the one declined.
    expect(ignored.team.spendPerRoundCents).toBeLessThan(declined.team.spendPerRoundCents - 100);
  });
});
