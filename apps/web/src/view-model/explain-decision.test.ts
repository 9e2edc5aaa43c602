import { type CardView, type Decision, findScenario, type Scenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { type DecisionRecord, SoloSession, TICK_MS } from '../session/solo-session';
import { explainDecision, promiseText } from './explain-decision';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');

function newSession(seed: number): SoloSession {
  return new SoloSession({ scenario: office, seed, length: 'full', feedback: true, tutorial: false });
}

/** Read afresh: commands change the phase behind the type checker's back. */
function inOperations(session: SoloSession): boolean {
  return session.state.phase === 'operations';
}

/** Lets time pass in round 1 until a waiting card matches. */
function waitForCard(session: SoloSession, matches: (card: CardView) => boolean): CardView | undefined {
  while (session.state.phase === 'operations' && session.state.round === 1) {
    const card = session.view().cards.find(matches);
    if (card) return card;
    session.update(TICK_MS);
  }
  return undefined;
}

/** The first seed on which deciding the first matching card this way turns out as wanted. */
function decisionWhere(
  decision: Decision,
  wanted: (record: DecisionRecord) => boolean,
  matches: (card: CardView) => boolean = () => true,
): DecisionRecord {
  for (let seed = 1; seed <= 80; seed++) {
    const session = newSession(seed);
    const card = waitForCard(session, matches);
    if (!card) continue;
    const { record } = session.decide(card.demand.id, decision);
    if (record && wanted(record)) return record;
  }
  throw new Error(`no seed where ${decision} turns out as wanted`);
}

function firstName(record: DecisionRecord): string {
  return record.card.customerName.split(' ')[0] ?? record.card.customerName;
}

describe('explainDecision', () => {
  it('explains doing it for free: the customer is delighted and the hours join the backlog', () => {
    const record = decisionWhere('accommodate', (candidate) => !candidate.outcome.error);
    const explanation = explainDecision(record.outcome, record.card, office);
    expect(explanation.headline).toMatch(/^You did it for free — loyalty [+−]?\d+\.\d$/);
    expect(explanation.headline).not.toContain('€');
    expect(explanation.why).toContain(`${firstName(record)} (`);
    expect(explanation.why).toContain('is delighted');
    expect(explanation.why).toMatch(/\d+\.\d h of staff time promised, due within 8 h: /);
  });

  it('lists the other decisions as alternatives, not the chosen one nor an option never built', () => {
    const record = decisionWhere('accommodate', (candidate) => !candidate.outcome.error);
    const { alternatives } = explainDecision(record.outcome, record.card, office);
    expect(alternatives).toMatch(/^Likely instead: /);
    expect(alternatives).toContain('Premium: loyalty');
    expect(alternatives).toMatch(/Premium: .* % pay €\d+\.\d\d/);
    expect(alternatives).toContain('Gentle no: loyalty');
    expect(alternatives).not.toContain('Accommodate');
    expect(alternatives).not.toContain('Offer option');
  });

  it('explains an accepted premium: what they paid, how likely it was, and the money in the headline', () => {
    const record = decisionWhere('premium', (candidate) => candidate.outcome.accepted && !candidate.outcome.error);
    expect(record.outcome.revenueCents).toBeGreaterThan(0);
    const explanation = explainDecision(record.outcome, record.card, office);
    expect(explanation.headline).toMatch(/^You offered it at a premium — loyalty [+−]?\d+\.\d, \+€\d+\.\d\d$/);
    expect(explanation.why).toMatch(new RegExp(`^${firstName(record)} paid €\\d+\\.\\d\\d \\(\\d+ % likely\\)`));
    expect(explanation.why).not.toContain('refused');
    // Paid now, but the hours are still owed.
    expect(explanation.why).toMatch(/The work is still owed: \d+\.\d h of staff time promised, due within 8 h/);
    expect(explanation.alternatives).toContain('Accommodate: loyalty');
    expect(explanation.alternatives).toContain('Gentle no: loyalty');
    expect(explanation.alternatives).not.toContain('Premium:');
  });

  it('says a key account that paid the premium belongs to a segment willing to pay', () => {
    const record = decisionWhere(
      'premium',
      (candidate) => candidate.outcome.accepted,
      (card) => card.segmentName === 'Key accounts',
    );
    expect(explainDecision(record.outcome, record.card, office).why).toContain('key accounts are willing to pay');
  });

  it('explains a refused premium: they refused, the chance it had, and no money in the headline', () => {
    const record = decisionWhere('premium', (candidate) => !candidate.outcome.accepted);
    expect(record.outcome.revenueCents).toBe(0);
    const explanation = explainDecision(record.outcome, record.card, office);
    expect(explanation.headline).toMatch(/^You offered it at a premium — loyalty [+−]?\d+\.\d$/);
    expect(explanation.why).toContain(`${firstName(record)} refused to pay`);
    expect(explanation.why).toContain(`(${Math.round(record.card.previews.premium.acceptChance * 100)} % was the chance)`);
    expect(explanation.alternatives).not.toContain('Premium:');
  });

  it('explains a no to a customer who really wanted it: it hurt, and no staff time was spent', () => {
    const record = decisionWhere(
      'no',
      () => true,
      (card) => card.demand.importance >= 0.5,
    );
    const explanation = explainDecision(record.outcome, record.card, office);
    expect(explanation.headline).toMatch(/^You said a gentle no — loyalty −\d+\.\d$/);
    expect(explanation.why).toMatch(new RegExp(`${firstName(record)} cares (a lot|somewhat), so the no hurt\\.`));
    expect(explanation.why).toContain('No staff time spent.');
    expect(explanation.alternatives).toContain('Accommodate: loyalty');
    expect(explanation.alternatives).toContain('Premium: loyalty');
    expect(explanation.alternatives).not.toContain('Gentle no');
  });

  it('explains a no in the same words as the card: "cares somewhat" at 0.4 already hurts', () => {
    const record = decisionWhere(
      'no',
      () => true,
      (card) => card.demand.importance >= 0.4 && card.demand.importance < 0.5,
    );
    expect(explainDecision(record.outcome, record.card, office).why).toContain(`${firstName(record)} cares somewhat, so the no hurt.`);
  });

  it('explains a no to a customer who barely cared: it cost little', () => {
    const record = decisionWhere(
      'no',
      () => true,
      (card) => card.demand.importance < 0.3,
    );
    expect(explainDecision(record.outcome, record.card, office).why).toContain(`${firstName(record)} barely cares, so the no cost little.`);
  });

  it('mentions a public complaint when the customer complained', () => {
    const record = decisionWhere('no', (candidate) => candidate.outcome.complaint);
    expect(explainDecision(record.outcome, record.card, office).why).toMatch(/They complained in public.*: reputation fell\./);
  });

  it('explains steering a customer to an option once one is built and live', () => {
    const session = newSession(5);
    while (session.state.phase === 'operations') session.update(TICK_MS);
    expect(session.apply({ type: 'buildOption', team: 0, category: 'rush-delivery' }).ok).toBe(true);
    expect(session.apply({ type: 'commitPlan', team: 0 }).ok).toBe(true);
    expect(session.apply({ type: 'startRound' }).ok).toBe(true);

    let card: CardView | undefined;
    while (!card && inOperations(session)) {
      session.update(TICK_MS);
      card = session.view().cards.find((candidate) => candidate.previews.option.available);
    }
    if (!card) throw new Error('a card for the live option should arrive in round 2');
    expect(card.categoryName).toBe('Rush delivery');
    const { record } = session.decide(card.demand.id, 'option');
    if (!record) throw new Error('the option decision should be accepted');
    const explanation = explainDecision(record.outcome, record.card, office);
    expect(explanation.headline).toMatch(/^You steered them to the standard option — loyalty [+−]?\d+\.\d/);
    expect(explanation.why).toMatch(
      record.outcome.accepted ? /took the standard option: little staff time/ : /did not want the option at its price/,
    );
    expect(explanation.alternatives).toContain('Accommodate: loyalty');
    expect(explanation.alternatives).toContain('Premium: loyalty');
    expect(explanation.alternatives).toContain('Gentle no: loyalty');
    expect(explanation.alternatives).not.toContain('Offer option');
  });

  it("explains a class decision made before the card's previews arrived, without chances or alternatives", () => {
    const record = decisionWhere('premium', (candidate) => candidate.outcome.accepted && !candidate.outcome.error);
    const { previews: _previews, ...card } = record.card;
    const explanation = explainDecision(record.outcome, card, office);
    expect(explanation.why).toMatch(new RegExp(`^${firstName(record)} paid €\\d+\\.\\d\\d: `));
    expect(explanation.why).not.toContain('likely');
    expect(explanation.alternatives).toBe('');
  });

  it('names the hours a decision promised and whether the backlog reaches them in time', () => {
    // Promised at hour 10: due at 18.
    expect(promiseText(3, { dueTick: 18, readyTick: 14, inTime: true, needsOvertime: false })).toBe(
      '3.0 h of staff time promised, due within 8 h: done in about 4 h, in time.',
    );
    expect(promiseText(3, { dueTick: 18, readyTick: 21, inTime: true, needsOvertime: true })).toBe(
      '3.0 h of staff time promised, due within 8 h: at normal pace it would take 11 h, so it needs overtime.',
    );
    expect(promiseText(3, { dueTick: 18, readyTick: 30, inTime: false, needsOvertime: false })).toMatch(
      /cannot reach it in time even with overtime, so it will be a broken promise/,
    );
    expect(promiseText(0, null)).toBe('No staff time promised.');
  });

  it('says an accepted decision that cannot be done in time will be a broken promise', () => {
    const record = decisionWhere('accommodate', (candidate) => !candidate.outcome.error);
    const late = { ...record.outcome, promise: record.outcome.promise && { ...record.outcome.promise, inTime: false } };
    expect(explainDecision(late, record.card, office).why).toContain('so it will be a broken promise');
  });
});
