import type { ServerMessage } from '@ttc/protocol';
import { DECISION_STYLE } from '../../ui/theme';

// The console's live feed: what teams decide and what happens to them, one line each.

export type FeedMessage = Extract<ServerMessage, { type: 'decided' | 'planCommitted' | 'eventStarted' | 'promiseBroken' }>;

export interface FeedItem {
  kind: 'decision' | 'plan' | 'event';
  team: number;
  text: string;
  /** Demands nobody answered, counted together so they do not crowd out the decisions. */
  unanswered?: number;
}

/** Classroom teams are "Team 1", "Team 2"… for team indexes 0, 1… */
export function teamLabel(team: number): string {
  return `Team ${team + 1}`;
}

function who(by: string): string {
  return by === 'bot' ? 'the bot' : by;
}

export function feedItem(message: FeedMessage): FeedItem {
  const team = teamLabel(message.team);
  switch (message.type) {
    case 'decided': {
      if (message.decision === 'ignored') return unansweredItem(message.team, 1);
      const label = DECISION_STYLE[message.decision].label;
      const offer = message.decision === 'premium' || message.decision === 'option';
      const answer = offer ? (message.accepted ? ', accepted' : ', turned down') : '';
      return { kind: 'decision', team: message.team, text: `${team}: ${who(message.by)} chose ${label}${answer}` };
    }
    case 'planCommitted':
      return { kind: 'plan', team: message.team, text: `${team}: ${who(message.by)} committed the team's plan` };
    case 'eventStarted':
      return { kind: 'event', team: message.team, text: `${team}: event "${message.name}" started` };
    case 'promiseBroken':
      // Work promised and not done in time: the overload the class should notice, named.
      return {
        kind: 'decision',
        team: message.team,
        text: `${team}: broke a promise to ${message.customerName} (${message.categoryName}, ${message.hoursLeft.toFixed(1)} h not done in time)`,
      };
  }
}

function unansweredItem(team: number, count: number): FeedItem {
  const what = count === 1 ? 'a demand went unanswered' : `${count} demands went unanswered`;
  return { kind: 'decision', team, text: `${teamLabel(team)}: ${what}`, unanswered: count };
}

/**
 * Adds an item to the feed: unanswered demands of a team in a row become one line with a
 * count ("Team 2: 3 demands went unanswered"), so the decisions stay readable.
 */
export function addToFeed(feed: FeedItem[], item: FeedItem, limit: number): void {
  const last = feed[feed.length - 1];
  if (item.unanswered && last?.unanswered && last.team === item.team)
    feed[feed.length - 1] = unansweredItem(item.team, last.unanswered + item.unanswered);
  else feed.push(item);
  if (feed.length > limit) feed.splice(0, feed.length - limit);
}

/** "2 of 4 teams have committed their plan." */
export function plansInText(committed: number, teams: number): string {
  if (teams === 0) return '';
  if (committed === teams) return `All ${teams} teams have committed their plan.`;
  return `${committed} of ${teams} ${teams === 1 ? 'team has' : 'teams have'} committed their plan.`;
}
