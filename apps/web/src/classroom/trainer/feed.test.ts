import { describe, expect, it } from 'vitest';
import { feedItem, plansInText } from './feed';

const decided = { type: 'decided' as const, team: 1, demandId: 3, by: 'Ada', accepted: true, loyaltyChange: 2, revenueCents: 0 };

describe('feedItem', () => {
  it('says who decided what for which team', () => {
    expect(feedItem({ ...decided, decision: 'accommodate' }).text).toBe('Team 2: Ada chose Accommodate');
    expect(feedItem({ ...decided, decision: 'premium', accepted: false, by: 'bot' }).text).toBe(
      'Team 2: the bot chose Premium, turned down',
    );
    expect(feedItem({ ...decided, decision: 'ignored', by: 'clock' }).text).toBe('Team 2: a demand went unanswered');
  });

  it('tells plans and events apart', () => {
    expect(feedItem({ type: 'planCommitted', team: 0, by: 'Bo' })).toEqual({
      kind: 'plan',
      team: 0,
      text: "Team 1: Bo committed the team's plan",
    });
    expect(feedItem({ type: 'eventStarted', team: 3, eventId: 'x', name: 'Flu', description: '' }).text).toBe(
      'Team 4: event "Flu" started',
    );
  });
});

describe('plansInText', () => {
  it('counts the committed plans', () => {
    expect(plansInText(2, 4)).toBe('2 of 4 teams have committed their plan.');
    expect(plansInText(4, 4)).toBe('All 4 teams have committed their plan.');
    expect(plansInText(0, 1)).toBe('0 of 1 team has committed their plan.');
  });
});
