import type { ServerMessage } from '@ttc/protocol';
import { DECISION_STYLE } from '../../ui/theme';

// The console's live feed: what teams decide and what happens to them, one line each.

export type FeedMessage = Extract<ServerMessage, { type: 'decided' | 'planCommitted' | 'eventStarted' }>;

export interface FeedItem {
  kind: 'decision' | 'plan' | 'event';
  team: number;
  text: string;
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
      if (message.decision === 'ignored') return { kind: 'decision', team: message.team, text: `${team}: a demand went unanswered` };
      const label = DECISION_STYLE[message.decision].label;
      const offer = message.decision === 'premium' || message.decision === 'option';
      const answer = offer ? (message.accepted ? ', accepted' : ', turned down') : '';
      return { kind: 'decision', team: message.team, text: `${team}: ${who(message.by)} chose ${label}${answer}` };
    }
    case 'planCommitted':
      return { kind: 'plan', team: message.team, text: `${team}: ${who(message.by)} committed the team's plan` };
    case 'eventStarted':
      return { kind: 'event', team: message.team, text: `${team}: event "${message.name}" started` };
  }
}

/** "2 of 4 teams have committed their plan." */
export function plansInText(committed: number, teams: number): string {
  if (teams === 0) return '';
  if (committed === teams) return `All ${teams} teams have committed their plan.`;
  return `${committed} of ${teams} ${teams === 1 ? 'team has' : 'teams have'} committed their plan.`;
}
