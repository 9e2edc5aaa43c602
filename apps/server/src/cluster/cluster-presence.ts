import type { ServerMessage } from '@ttc/protocol';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Broadcaster } from '../classroom/broadcaster.js';
import type { SessionRegistry } from '../classroom/session-registry.js';
import type { Attachment, SocketRooms } from '../classroom/socket-rooms.js';

/** Changes of presence that come together are looked at once, this long after the first. */
const SETTLE_MS = 100;
const LOOK_TIMEOUT_MS = 3000;

/**
 * Who is online, across every process: the lobby and the dashboard of a session show its
 * players connected to any process. A look asks every process for its sockets (socket.io's
 * fetchSockets through the Redis adapter) and the sessions whose players came or went send
 * their roster again. Looks happen shortly after a player's socket came or went on any
 * process (the others tell the owner) and after every round of lease renewals, which also
 * catches the sockets of a process that died. Sends go straight to the rooms: the adapter
 * carries them to every process.
 */
export class ClusterPresence implements Broadcaster {
  /** Players connected anywhere, by session, as the last look found them. */
  private seen = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private looking = false;
  private again = false;
  private registry: SessionRegistry | undefined;

  constructor(
    private readonly io: Server,
    private readonly rooms: SocketRooms,
    private readonly logger: Logger,
  ) {}

  bind(registry: SessionRegistry): void {
    this.registry = registry;
  }

  toSession(sessionId: string, message: ServerMessage): void {
    this.rooms.toSession(sessionId, message);
  }

  toTeam(sessionId: string, team: number, message: ServerMessage): void {
    this.rooms.toTeam(sessionId, team, message);
  }

  toFacilitator(sessionId: string, message: ServerMessage): void {
    this.rooms.toFacilitator(sessionId, message);
  }

  toPlayer(playerId: string, message: ServerMessage): void {
    this.rooms.toPlayer(playerId, message);
  }

  /** This process's own sockets as they are now, with the others' as last seen. */
  connectedPlayers(sessionId: string): Set<string> {
    const connected = this.rooms.connectedPlayers(sessionId);
    for (const playerId of this.seen.get(sessionId) ?? []) connected.add(playerId);
    return connected;
  }

  /** A player's socket came or went: look again soon. */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.look();
    }, SETTLE_MS);
    this.timer.unref();
  }

  /** Asks every process for its sockets; the sessions of this process whose players changed send their roster. */
  async look(): Promise<void> {
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = true;
    try {
      // A process that does not answer (paused) must not hold the look for long.
      const sockets = await this.io.timeout(LOOK_TIMEOUT_MS).fetchSockets();
      const seen = new Map<string, Set<string>>();
      for (const socket of sockets) {
        const data = socket.data as Partial<Attachment> | undefined;
        if (data?.role !== 'player' || !data.sessionId || !data.playerId) continue;
        const players = seen.get(data.sessionId) ?? new Set<string>();
        players.add(data.playerId);
        seen.set(data.sessionId, players);
      }
      const before = this.seen;
      this.seen = seen;
      for (const session of this.registry?.all() ?? [])
        if (!sameSet(before.get(session.id), seen.get(session.id))) session.connectionsChanged();
    } catch (error) {
      // A process that does not answer (paused, or just gone): the next look tries again.
      this.logger.debug({ err: error }, 'could not ask every process for its sockets');
    } finally {
      this.looking = false;
      if (this.again) {
        this.again = false;
        this.soon();
      }
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function sameSet(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const item of a ?? []) if (!b?.has(item)) return false;
  return true;
}
