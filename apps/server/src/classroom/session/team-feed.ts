import { TEAM_FEED_LENGTH, type TeamFeedEntry } from '@ttc/protocol';
import type { BrokenPromiseOutcome, DecisionOutcome, Game } from '@ttc/sim';

/**
 * Each team's latest lines this round, with who answered and names to show: sent to a member who
 * (re)attaches, so a reloaded board's feed is not empty. Cards nobody answered in time and
 * promises broken (both the clock's) are in it too: they are what the team let happen, and a
 * feed without them would tell a kinder story than the game. A new round starts a new feed.
 */
export class TeamFeed {
  private readonly byTeam = new Map<number, TeamFeedEntry[]>();

  note(game: Game, outcome: DecisionOutcome | BrokenPromiseOutcome, by: string): void {
    const customer = outcome.customerId === null ? undefined : game.state.teams[outcome.team]?.customers[outcome.customerId];
    const names = {
      customerName: customer?.name ?? 'A customer',
      categoryName: game.scenario.categories[outcome.category]?.name ?? 'a request',
    };
    const loyaltyChange = Math.round((outcome.loyaltyAfter - outcome.loyaltyBefore) * 1000) / 1000;
    const entry: TeamFeedEntry =
      outcome.kind === 'decision'
        ? {
            by: outcome.resolution === 'ignored' ? 'clock' : by,
            decision: outcome.resolution,
            accepted: outcome.accepted,
            loyaltyChange,
            revenueCents: outcome.revenueCents,
            ...names,
          }
        : {
            by: 'clock',
            decision: 'broken-promise',
            accepted: false,
            loyaltyChange,
            revenueCents: 0,
            ...names,
            hoursLeft: Math.round(outcome.hoursLeft * 1000) / 1000,
            refundCents: outcome.refundCents,
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
