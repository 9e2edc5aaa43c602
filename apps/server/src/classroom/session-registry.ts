import type { HostSettings } from '@ttc/protocol';
import { findScenario } from '@ttc/sim';
import type { Logger } from 'pino';
import type { SessionStore, StoredPlayer } from '../storage/session-store.js';
import type { Broadcaster } from './broadcaster.js';
import { ClassroomSession, failure, type Result } from './classroom-session.js';
import { hashSecret, newId, newJoinCode, newSecret } from './secrets.js';

/** All live sessions of this process, found by id, join code or player token. */
export class SessionRegistry {
  private readonly sessions = new Map<string, ClassroomSession>();
  private readonly byJoinCode = new Map<string, ClassroomSession>();
  /** Seats by the hash of their token, so a reconnect does not scan every seat of every session. */
  private readonly seatsByTokenHash = new Map<string, { session: ClassroomSession; playerId: string }>();

  constructor(
    private readonly store: SessionStore,
    private readonly broadcaster: Broadcaster,
    private readonly logger: Logger,
  ) {}

  /** Resumes every session that was not over, each from its log at its last stored command. */
  async restoreAll(): Promise<number> {
    const stored = await this.store.listSessions(['lobby', 'running']);
    for (const entry of stored) {
      const scenario = findScenario(entry.settings.scenarioId);
      if (!scenario) {
        this.logger.error({ session: entry.id, scenario: entry.settings.scenarioId }, 'scenario missing: session not restored');
        continue;
      }
      const session = new ClassroomSession(entry, scenario, this.store, this.broadcaster, this.logger);
      await session.restore(await this.store.listPlayers(entry.id), await this.store.readLog(entry.id));
      this.add(session);
    }
    return stored.length;
  }

  private add(session: ClassroomSession): void {
    this.sessions.set(session.id, session);
    this.byJoinCode.set(session.joinCode, session);
    for (const player of session.players.values()) this.seatsByTokenHash.set(player.tokenHash, { session, playerId: player.id });
  }

  async host(settings: HostSettings): Promise<Result<{ session: ClassroomSession; facilitatorKey: string }>> {
    const scenario = findScenario(settings.scenarioId);
    if (!scenario) return failure('bad-message', `Unknown scenario "${settings.scenarioId}".`);
    let joinCode = newJoinCode();
    while (this.byJoinCode.has(joinCode) || (await this.store.findByJoinCode(joinCode))) joinCode = newJoinCode();
    const facilitatorKey = newSecret();
    const stored = {
      id: newId(),
      joinCode,
      facilitatorKeyHash: hashSecret(facilitatorKey),
      settings,
      seed: settings.seed ?? Math.floor(Math.random() * 1_000_000),
      status: 'lobby' as const,
      paused: false,
      tickMs: settings.tickMs,
      createdAt: new Date().toISOString(),
    };
    await this.store.createSession(stored);
    const session = new ClassroomSession(stored, scenario, this.store, this.broadcaster, this.logger);
    this.add(session);
    this.logger.info({ session: session.id, scenario: scenario.id, teams: settings.teamCount }, 'session hosted');
    return { ok: true, session, facilitatorKey };
  }

  get(id: string): ClassroomSession | undefined {
    return this.sessions.get(id);
  }

  byCode(joinCode: string): ClassroomSession | undefined {
    const session = this.byJoinCode.get(joinCode);
    return session && session.status !== 'ended' ? session : undefined;
  }

  /** The session whose facilitator key this is; undefined for a wrong key or session. */
  forFacilitator(sessionId: string, facilitatorKey: string): ClassroomSession | undefined {
    const session = this.sessions.get(sessionId);
    return session && session.facilitatorKeyHash === hashSecret(facilitatorKey) ? session : undefined;
  }

  async join(session: ClassroomSession, name: string): Promise<Result<{ player: StoredPlayer; token: string }>> {
    if (session.status === 'ended') return failure('session-ended', 'This session is over.');
    const taken = session.seatedPlayers().some((player) => player.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (taken) return failure('name-taken', `Someone in this session is already called "${name}": add an initial or a nickname.`);
    const token = newSecret();
    const player: StoredPlayer = {
      id: newId(),
      sessionId: session.id,
      tokenHash: hashSecret(token),
      name,
      team: session.balancedTeam(),
      removed: false,
    };
    await session.addPlayer(player);
    this.seatsByTokenHash.set(player.tokenHash, { session, playerId: player.id });
    return { ok: true, player, token };
  }

  forToken(token: string): { session: ClassroomSession; player: StoredPlayer } | undefined {
    const seat = this.seatsByTokenHash.get(hashSecret(token));
    // The session's own record of the player is the truth: moved to another team, or removed.
    const player = seat?.session.players.get(seat.playerId);
    return seat && player && !player.removed ? { session: seat.session, player } : undefined;
  }

  /**
   * Lets go of sessions that ended more than `keepMs` ago: their record stays in the database,
   * where results, debriefs and replays read it, so memory does not grow with every class.
   * Returns how many were let go.
   */
  forgetEnded(keepMs: number, now = Date.now()): number {
    let forgotten = 0;
    for (const session of this.sessions.values()) {
      if (session.status !== 'ended' || session.endedAt === undefined || now - session.endedAt < keepMs) continue;
      session.dispose();
      this.sessions.delete(session.id);
      if (this.byJoinCode.get(session.joinCode) === session) this.byJoinCode.delete(session.joinCode);
      for (const player of session.players.values()) this.seatsByTokenHash.delete(player.tokenHash);
      forgotten++;
    }
    return forgotten;
  }

  stopAll(): void {
    for (const session of this.sessions.values()) session.dispose();
  }
}
