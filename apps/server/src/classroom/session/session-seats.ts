import type { HostSettings } from '@ttc/protocol';
import type { SessionStore, StoredPlayer } from '../../storage/session-store.js';

/**
 * A session's seats: who sits in which team, removed or not. Every change is written to the
 * store before it is made here, so what a reader sees is what a restart restores.
 */
export class SessionSeats {
  private readonly players = new Map<string, StoredPlayer>();

  constructor(
    private readonly store: SessionStore,
    private readonly settings: HostSettings,
  ) {}

  /** The seats as the store kept them (a restart). */
  restore(players: readonly StoredPlayer[]): void {
    for (const player of players) this.players.set(player.id, player);
  }

  get(playerId: string): StoredPlayer | undefined {
    return this.players.get(playerId);
  }

  /** A player still seated (not removed), or undefined. */
  seatedPlayer(playerId: string): StoredPlayer | undefined {
    const player = this.players.get(playerId);
    return player && !player.removed ? player : undefined;
  }

  all(): StoredPlayer[] {
    return [...this.players.values()];
  }

  seated(): StoredPlayer[] {
    return this.all().filter((player) => !player.removed);
  }

  /** The teams without a seated player, which a bot plays when the session says so. */
  botTeams(): number[] {
    if (!this.settings.botsForEmptyTeams) return [];
    const seated = new Set(this.seated().map((player) => player.team));
    return Array.from({ length: this.settings.teamCount }, (_, team) => team).filter((team) => !seated.has(team));
  }

  /** The team with the fewest seated players (the lowest index on a tie). */
  balancedTeam(): number {
    const counts = Array.from({ length: this.settings.teamCount }, () => 0);
    for (const player of this.seated()) counts[player.team] = (counts[player.team] ?? 0) + 1;
    return counts.indexOf(Math.min(...counts));
  }

  /** Writes the seat, then takes it: a new player, a move, a removal. */
  async save(player: StoredPlayer): Promise<void> {
    await this.store.savePlayer(player);
    this.players.set(player.id, player);
  }
}
