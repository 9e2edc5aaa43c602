import { TEAM_FEED_LENGTH, type TeamFeedEntry } from '@ttc/protocol';
import type { DecisionOutcome, Game } from '@ttc/sim';

/**
 * Each team's latest answered demands this round, with who answered and names to show: sent to
 * a member who (re)attaches, so a reloaded board's feed is not empty. Demands nobody answered
 * (the clock's) are left out; a new round starts a new feed.
 */
export class TeamFeed {
  private readonly byTeam = new Map<number, TeamFeedEntry[]>();

  note(game: Game, outcome: DecisionOutcome, by: string): void {
    if (outcome.resolution === 'ignored' || by === 'clock') return;
    const customer = game.state.teams[outcome.team]?.customers[outcome.customerId];
    const entry: TeamFeedEntry = {
      by,
      decision: outcome.resolution,
      accepted: outcome.accepted,
      loyaltyChange: Math.round((outcome.loyaltyAfter - outcome.loyaltyBefore) * 1000) / 1000,
      revenueCents: outcome.revenueCents,
      customerName: customer?.name ?? 'A customer',
      categoryName: game.scenario.categories[outcome.category]?.name ?? 'a request',
    };
    const feed = this.byTeam.get(outcome.team) ?? [];
    feed.push(entry);
    if (feed.length > TEAM_FEED_LENGTH) feed.splice(0, feed.length - TEAM_FEED_LENGTH);
    this.byTeam.set(outcome.team, feed);
  }

  of(team: number): TeamFeedEntry[] {
    return [...(this.byTeam.get(team) ?? [])];
  }

  clear(): void {
    this.byTeam.clear();
  }
}
