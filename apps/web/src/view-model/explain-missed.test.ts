import { findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { SoloSession, TICK_MS } from '../session/solo-session';
import { explainBrokenPromise, explainIgnored } from './explain-missed';

const card = { customerName: 'Ada Lovelace', categoryName: 'Rush delivery' };

describe('explainIgnored', () => {
  it('says nobody answered, that ignoring is worse than a no, and the log line', () => {
    const explanation = explainIgnored(-5.04, card);
    expect(explanation.headline).toBe('Nobody answered Ada in time — loyalty −5.0');
    expect(explanation.why).toBe(
      'Ada Lovelace gave up waiting on "Rush delivery". Ignoring is worse than a gentle no: answer or decline before the card runs out.',
    );
    expect(explanation.log).toBe('Ignored: Ada Lovelace gave up waiting on Rush delivery. Loyalty −5.0.');
  });

  it("quotes a no's likely cost when the card's previews are known", () => {
    const session = new SoloSession(
      { scenario: findScenario('office-supplies') as Scenario, seed: 3, length: 'short', feedback: true, tutorial: false },
      false,
    );
    while (session.view().cards.length === 0) session.update(TICK_MS);
    const waiting = session.view().cards[0];
    if (!waiting) throw new Error('a card arrived');
    const no = waiting.previews.no.loyaltyChange;
    expect(explainIgnored(-5, { ...card, previews: waiting.previews }).why).toContain(
      `(a no would likely have cost ${no < 0 ? '−' : '+'}${Math.abs(no).toFixed(1)})`,
    );
  });
});

describe('explainBrokenPromise', () => {
  it('names the hours undone, the refund, the complaint, and that it hurts more than a no', () => {
    const explanation = explainBrokenPromise(
      { ...card, hours: 3, hoursLeft: 1.5, loyaltyChange: -6, refundCents: 4500, complaint: true },
      'EUR',
    );
    expect(explanation.headline).toBe('Promise broken: Ada — loyalty −6.0');
    expect(explanation.why).toBe(
      '1.5 h of the 3.0 h promised to Ada Lovelace for "Rush delivery" were not done by the due hour: the backlog was too long. A broken promise hurts more than a gentle no would have. You refunded €45.00. They complained in public: reputation fell.',
    );
    expect(explanation.log).toBe(
      'Broken promise: Ada Lovelace, Rush delivery: 1.5 h of 3.0 h not done in time. Loyalty −6.0, refunded €45.00.',
    );
  });
});
