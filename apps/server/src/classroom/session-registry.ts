import type { HostSettings } from '@ttc/protocol';
import { failure } from '@ttc/protocol';
import { findScenario } from '@ttc/sim';
import type { Logger } from 'pino';
import type { SessionStore, StoredPlayer, StoredSession } from '../storage/session-store.js';
import { isStorageError } from '../storage/store-errors.js';
import type { Broadcaster } from './broadcaster.js';
import { ClassroomSession, type Result, type SessionDeps } from './classroom-session.js';
import { type HostingLimits, HostingPolicy } from './hosting-policy.js';
import { confusableWith } from './name-skeleton.js';
import { hashSecret, newId, newJoinCode, newSecret } from './secrets.js';
import type { SessionTime, TimerHandle } from './session/session-time.js';

export interface RegistryLimits extends HostingLimits {
  seatsPerSession: number;
  /** A lobby older than this ends by itself. */
  lobbyExpiryMs: number;
}

/** What the last start restored, and what it had to set aside. */
export interface RestoreReport {
  restored: number;
  expired: number;
  setAside: { id: string; reason: string }[];
}

/**
 * Where several processes share the classes (cluster/): a session runs in this process only
 * under a lease, and its writes carry the lease's epoch.
 */
export interface Ownership {
  /** Takes the lease of a session this process has just created; resolves with its epoch. */
  claimNew(sessionId: string): Promise<number>;
  /** What a session owned under `epoch` runs with: writes fenced by it, news silenced once it is lost. */
  depsFor(sessionId: string, epoch: number, deps: SessionDeps): SessionDeps;
}

/** Ended classes leave memory this long after their end (the database keeps their record). */
const ENDED_SESSIONS_KEPT_MS = 2 * 60 * 60 * 1000;

/**
 * All live sessions of this process, found by id, join code or player token. Built once by
 * createServer and handed to the socket gateway and the REST routes.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, ClassroomSession>();
  private readonly byJoinCode = new Map<string, ClassroomSession>();
  /** Seats by the hash of their token, so a reconnect does not scan every seat of every session. */
  private readonly seatsByTokenHash = new Map<string, { session: ClassroomSession; playerId: string }>();
  /** Sessions whose log no longer replays, by id: kept out of play, told to their facilitator. */
  readonly damaged = new Map<string, string>();
  readonly policy: HostingPolicy;
  private readonly deps: SessionDeps;
  private sweepTimer: TimerHandle | undefined;
  private ownership: Ownership | undefined;

  constructor(
    readonly store: SessionStore,
    broadcaster: Broadcaster,
    private readonly logger: Logger,
    readonly limits: RegistryLimits,
    private readonly time: SessionTime,
  ) {
    this.policy = new HostingPolicy(limits);
    this.deps = { store, broadcaster, logger, time };
  }

  /** From now on sessions run under leases (several processes share the database). */
  useOwnership(ownership: Ownership): void {
    this.ownership = ownership;
  }

  /**
   * Every few minutes: ended classes leave memory two hours after their end (the database keeps
   * their record), and lobbies never started expire.
   */
  startSweeping(): void {
    const every = Math.max(1000, Math.min(10 * 60 * 1000, this.limits.lobbyExpiryMs / 4));
    const sweep = () => {
      this.sweepTimer = this.time.after(every, () => {
        const forgotten = this.forgetEnded(ENDED_SESSIONS_KEPT_MS);
        if (forgotten > 0) this.logger.info({ sessions: forgotten }, 'ended sessions let go from memory');
        void this.expireLobbies().then((expired) => {
          if (expired > 0) this.logger.info({ sessions: expired }, 'lobbies never started have expired');
          if (this.sweepTimer) sweep();
        });
      });
    };
    sweep();
  }

  /**
   * Resumes every session that was not over, each from its log on its own: one whose log no
   * longer replays (a damaged record, or a rule changed between versions) is set aside and
   * marked, and the others start all the same. Lobbies past their expiry end instead.
   */
  async restoreAll(now = this.time.now()): Promise<RestoreReport> {
    const report: RestoreReport = { restored: 0, expired: 0, setAside: [] };
    for (const entry of await this.store.listSessions(['lobby', 'running'])) {
      if (entry.status === 'lobby' && now - Date.parse(entry.createdAt) > this.limits.lobbyExpiryMs) {
        await this.store.updateSession(entry.id, { status: 'ended' }).then(
          () => report.expired++,
          (error) => this.logger.warn({ err: error, session: entry.id }, 'could not mark an expired lobby ended'),
        );
        continue;
      }
      try {
        const session = await this.restoreOne(entry);
        this.add(session);
        if (entry.damaged) await this.store.updateSession(entry.id, { damaged: null });
        report.restored++;
      } catch (error) {
        // A database that does not answer says nothing about the log: the start fails, nothing is marked.
        if (isStorageError(error)) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        this.damaged.set(entry.id, reason);
        report.setAside.push({ id: entry.id, reason });
        this.logger.error({ session: entry.id, reason }, 'session does not replay from its log: set aside, the others start');
        await this.store.updateSession(entry.id, { damaged: reason }).catch(() => undefined);
      }
    }
    return report;
  }

  private async restoreOne(entry: StoredSession, deps = this.deps): Promise<ClassroomSession> {
    const scenario = findScenario(entry.settings.scenarioId);
    if (!scenario) throw new Error(`its scenario "${entry.settings.scenarioId}" is not on this server any more`);
    const session = new ClassroomSession(entry, scenario, deps);
    session.restore(await this.store.listPlayers(entry.id), await this.store.readLog(entry.id));
    return session;
  }

  /**
   * Takes over a session whose lease this process has just acquired at `epoch`: rebuilt from
   * its log, its clock resumed. A log that no longer replays sets it aside (marked in the
   * database, so no process claims it again); a database that does not answer throws and
   * marks nothing.
   */
  async adopt(entry: StoredSession, epoch: number): Promise<ClassroomSession> {
    const deps = this.ownership ? this.ownership.depsFor(entry.id, epoch, this.deps) : this.deps;
    try {
      const session = await this.restoreOne(entry, deps);
      this.drop(entry.id);
      this.add(session);
      this.damaged.delete(entry.id);
      return session;
    } catch (error) {
      if (isStorageError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.damaged.set(entry.id, reason);
      this.logger.error({ session: entry.id, reason }, 'session does not replay from its log: set aside');
      await this.store.updateSession(entry.id, { damaged: reason }).catch(() => undefined);
      throw error;
    }
  }

  /** Lets go of a session this process no longer owns: its clock and timers stop, it leaves every index. */
  drop(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    session.dispose();
    this.forget(session);
    return true;
  }

  private forget(session: ClassroomSession): void {
    this.sessions.delete(session.id);
    if (this.byJoinCode.get(session.joinCode) === session) this.byJoinCode.delete(session.joinCode);
    for (const player of session.seats.all()) {
      if (this.seatsByTokenHash.get(player.tokenHash)?.session === session) this.seatsByTokenHash.delete(player.tokenHash);
    }
  }

  /** Every session in this process's memory. */
  all(): ClassroomSession[] {
    return [...this.sessions.values()];
  }

  private add(session: ClassroomSession): void {
    this.sessions.set(session.id, session);
    this.byJoinCode.set(session.joinCode, session);
    for (const player of session.seats.all()) this.seatsByTokenHash.set(player.tokenHash, { session, playerId: player.id });
  }

  /**
   * Hosts a session for the address, within the caps; the passcode has been checked already.
   * Without an address (loopback, see isLoopback) only the caps on the whole server apply.
   */
  async host(
    settings: HostSettings,
    hostAddress: string | undefined,
  ): Promise<Result<{ session: ClassroomSession; facilitatorKey: string }>> {
    const scenario = findScenario(settings.scenarioId);
    if (!scenario) return failure('bad-message', `Unknown scenario "${settings.scenarioId}".`);
    const refused = this.policy.checkHost(this.sessions.values(), hostAddress);
    if (refused) return refused;
    let joinCode = newJoinCode();
    while (this.byJoinCode.has(joinCode) || (await this.store.findByJoinCode(joinCode))) joinCode = newJoinCode();
    const facilitatorKey = newSecret();
    const stored: StoredSession = {
      id: newId(),
      joinCode,
      facilitatorKeyHash: hashSecret(facilitatorKey),
      settings,
      seed: settings.seed ?? Math.floor(this.time.random() * 1_000_000),
      status: 'lobby',
      paused: false,
      tickMs: settings.tickMs,
      createdAt: new Date(this.time.now()).toISOString(),
      ...(hostAddress === undefined ? {} : { hostAddress }),
    };
    await this.store.createSession(stored);
    const deps = this.ownership ? this.ownership.depsFor(stored.id, await this.ownership.claimNew(stored.id), this.deps) : this.deps;
    const session = new ClassroomSession(stored, scenario, deps);
    this.add(session);
    this.logger.info({ session: session.id, scenario: scenario.id, teams: settings.teamCount }, 'session hosted');
    return { ok: true, session, facilitatorKey };
  }

  /** Refuses a start that would put the server or the hosting address over its running cap. */
  checkStart(session: ClassroomSession): Result | undefined {
    if (session.status !== 'lobby') return undefined;
    return this.policy.checkStart(this.sessions.values(), session.hostAddress);
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

  /**
   * Seats a learner, one join at a time per session so the seat cap and the name check hold
   * under a burst: refused when the session is over, locked, full, or already has someone whose
   * name looks the same.
   */
  join(session: ClassroomSession, name: string): Promise<Result<{ player: StoredPlayer; token: string }>> {
    return session.serial(async () => {
      if (session.status === 'ended') return failure('session-ended', 'This session is over.');
      if (session.joiningLocked)
        return failure('joining-locked', 'Your trainer has closed this class to new players: ask them to open it again.');
      const seated = session.seats.seated();
      if (seated.length >= this.limits.seatsPerSession)
        return failure(
          'session-full',
          `This class is full: it has all of its ${this.limits.seatsPerSession} seats taken. Ask your trainer.`,
        );
      const clash = confusableWith(
        name,
        seated.map((player) => player.name),
      );
      if (clash !== undefined)
        return failure(
          'name-taken',
          clash === name
            ? `Someone in this session is already called "${name}": add an initial or a nickname.`
            : `"${name}" looks the same as "${clash}", who is already here: add an initial or a nickname.`,
        );
      const token = newSecret();
      const player: StoredPlayer = {
        id: newId(),
        sessionId: session.id,
        tokenHash: hashSecret(token),
        name,
        team: session.seats.balancedTeam(),
        removed: false,
      };
      await session.addPlayer(player);
      this.seatsByTokenHash.set(player.tokenHash, { session, playerId: player.id });
      return { ok: true, player, token };
    });
  }

  forToken(token: string): { session: ClassroomSession; player: StoredPlayer } | undefined {
    const seat = this.seatsByTokenHash.get(hashSecret(token));
    // The session's own record of the player is the truth: moved to another team, or removed.
    const player = seat?.session.seats.seatedPlayer(seat.playerId);
    return seat && player ? { session: seat.session, player } : undefined;
  }

  /** Ends every lobby hosted longer ago than the expiry; returns how many ended. */
  async expireLobbies(now = this.time.now()): Promise<number> {
    let expired = 0;
    for (const session of this.sessions.values()) {
      if (session.status !== 'lobby' || now - Date.parse(session.createdAt) <= this.limits.lobbyExpiryMs) continue;
      if (await session.expire().catch(() => false)) expired++;
    }
    return expired;
  }

  /**
   * Lets go of sessions that ended more than `keepMs` ago: their record stays in the database,
   * where results, debriefs and replays read it, so memory does not grow with every class.
   * Returns how many were let go.
   */
  forgetEnded(keepMs: number, now = this.time.now()): number {
    let forgotten = 0;
    for (const session of this.sessions.values()) {
      if (session.status !== 'ended' || session.endedAt === undefined || now - session.endedAt < keepMs) continue;
      session.dispose();
      this.forget(session);
      forgotten++;
    }
    return forgotten;
  }

  /** How many sessions are in memory, by status: for readiness and the logs. */
  counts(): Record<StoredSession['status'], number> {
    const counts = { lobby: 0, running: 0, ended: 0 };
    for (const session of this.sessions.values()) counts[session.status]++;
    return counts;
  }

  /** Stops every clock and timer: the process is shutting down. */
  stopAll(): void {
    this.sweepTimer?.cancel();
    this.sweepTimer = undefined;
    for (const session of this.sessions.values()) session.dispose();
  }
}
