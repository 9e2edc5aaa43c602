import { describe, expect, it } from 'vitest';
import { addToFeed, type FeedItem, feedItem, plansInText } from './feed';

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
    const broken = {
      type: 'promiseBroken' as const,
      team: 2,
      demandId: 9,
      customerName: 'Ada Lovelace',
      categoryName: 'Rush delivery',
      hours: 3,
      hoursLeft: 1.5,
      loyaltyChange: -6,
      refundCents: 0,
      complaint: false,
    };
    expect(feedItem(broken).text).toBe('Team 3: broke a promise to Ada Lovelace (Rush delivery, 1.5 h not done in time)');
  });
});

describe('plansInText', () => {
  it('counts the committed plans', () => {
    expect(plansInText(2, 4)).toBe('2 of 4 teams have committed their plan.');
    expect(plansInText(4, 4)).toBe('All 4 teams have committed their plan.');
    expect(plansInText(0, 1)).toBe('0 of 1 team has committed their plan.');
  });
});

describe('addToFeed', () => {
  it('counts a team’s unanswered demands in a row on one line, and keeps the newest items', () => {
    const feed: FeedItem[] = [];
    const ignored = feedItem({ ...decided, decision: 'ignored', by: 'clock' });
    addToFeed(feed, ignored, 3);
    addToFeed(feed, ignored, 3);
    addToFeed(feed, feedItem({ ...decided, team: 0, decision: 'ignored', by: 'clock' }), 3);
    addToFeed(feed, ignored, 3);
    expect(feed.map((item) => item.text)).toEqual([
      'Team 2: 2 demands went unanswered',
      'Team 1: a demand went unanswered',
      'Team 2: a demand went unanswered',
    ]);
    addToFeed(feed, feedItem({ ...decided, decision: 'no' }), 3);
    expect(feed.map((item) => item.text)).toEqual([
      'Team 1: a demand went unanswered',
      'Team 2: a demand went unanswered',
      'Team 2: Ada chose Gentle no',
    ]);
  });
});
