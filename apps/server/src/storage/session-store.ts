import type { HostSettings } from '@ttc/protocol';
import type { Command } from '@ttc/sim';

export type SessionStatus = 'lobby' | 'running' | 'ended';

/** What survives a restart about a session besides its command log. */
export interface StoredSession {
  id: string;
  joinCode: string;
  /** SHA-256 of the facilitator key: the key itself is never stored. */
  facilitatorKeyHash: string;
  settings: HostSettings;
  seed: number;
  status: SessionStatus;
  paused: boolean;
  tickMs: number;
  createdAt: string;
  /** The address that hosted it (the key of the per-address session caps). */
  hostAddress?: string;
  /** The facilitator has closed it to new players. */
  joiningLocked?: boolean;
  /** Why its log no longer replays, when a restart had to set it aside. */
  damaged?: string;
}

/** What may change about a session after it was created. */
export type SessionChange = Partial<Pick<StoredSession, 'status' | 'paused' | 'tickMs' | 'joiningLocked'>> & {
  /** A reason sets the session aside; null clears it. */
  damaged?: string | null;
};

/** Whether the store can take writes right now: part of the server's readiness. */
export type StoreHealth = { ok: true } | { ok: false; problem: string };

export interface StoredPlayer {
  id: string;
  sessionId: string;
  /** SHA-256 of the player's token. */
  tokenHash: string;
  name: string;
  team: number;
  removed: boolean;
}

/** One accepted command, stamped with the game tick at which it was applied. */
export interface LogEntry {
  seq: number;
  tick: number;
  command: Command;
  /** Who caused it: a player id, "facilitator", "bot" or "clock". */
  actor: string;
}

/**
 * Fencing for an append: the epoch of the session's lease the writer holds. A store with
 * leases refuses the append (LeaseLostError, nothing written) once the stored epoch differs;
 * without an epoch the append is not fenced (one process, no leases).
 */
export interface AppendOptions {
  epoch?: number;
}

/** Who owns a session, and until when (several server processes on one PostgreSQL). */
export interface SessionLease {
  sessionId: string;
  /** The owning process: unique for each start of a process, never reused. */
  owner: string;
  /** Grows by one each time the session changes hands; appends carry it (fencing). */
  epoch: number;
  /** The database's clock: the owner must renew before then, or another may take it. */
  expiresAt: string;
}

/**
 * Leases in the shared database. Time is the database's, so the processes' clocks never need
 * to agree.
 */
export interface LeaseStore {
  /**
   * Takes the session's lease for `owner` for `ttlMs`, or renews it when `owner` holds it
   * already (same epoch). A lease another owner holds and has not let expire is not taken:
   * undefined. Taking it from someone else, expired, raises the epoch, which fences the old
   * owner's appends from then on.
   */
  acquireLease(sessionId: string, owner: string, ttlMs: number): Promise<SessionLease | undefined>;
  readLease(sessionId: string): Promise<SessionLease | undefined>;
  /**
   * The sessions a process may claim: not over, not set aside as damaged, and nobody holds
   * their lease (never taken, released, or expired). Oldest first.
   */
  listOrphans(): Promise<string[]>;
  /** Gives the lease up at once (a handover); false when `owner` no longer holds it at `epoch`. */
  releaseLease(sessionId: string, owner: string, epoch: number): Promise<boolean>;
}

/** Why a state hash was recorded during play. */
export type CheckpointReason = 'key-moment' | 'round-end' | 'game-end' | 'session-end';

/**
 * The state hash the live session had right after the command with this seq: a replay of the
 * first `seq` commands must give the same hash (docs/replays.md).
 */
export interface StoredCheckpoint {
  seq: number;
  /** The global tick after that command. */
  tick: number;
  hash: string;
  reason: CheckpointReason;
}

/** A facilitator's note pinned to a global tick of a session. */
export interface StoredNote {
  id: string;
  sessionId: string;
  tick: number;
  text: string;
  createdAt: string;
  updatedAt: string | null;
}

/** A read-only replay link: only the SHA-256 of its token is kept. */
export interface StoredShareLink {
  id: string;
  sessionId: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Durable storage for classroom sessions. Every method resolves only once the data is safe
 * (a crash right after loses nothing). SQLite is the embedded default, PostgreSQL the store
 * several processes can share; both pass the contract suite in session-store-contract.ts.
 */
export interface SessionStore {
  createSession(session: StoredSession): Promise<void>;
  updateSession(id: string, change: SessionChange): Promise<void>;
  getSession(id: string): Promise<StoredSession | undefined>;
  findByJoinCode(joinCode: string): Promise<StoredSession | undefined>;
  listSessions(statuses: readonly SessionStatus[]): Promise<StoredSession[]>;
  savePlayer(player: StoredPlayer): Promise<void>;
  listPlayers(sessionId: string): Promise<StoredPlayer[]>;
  findPlayerByTokenHash(tokenHash: string): Promise<StoredPlayer | undefined>;
  /**
   * Appends commands in order, all or none; their seq must follow the last stored one
   * (LogOrderError otherwise). With `epoch`, a store with leases refuses it once the lease has
   * moved on (LeaseLostError); a store without leases takes any epoch as current.
   */
  appendLog(sessionId: string, entries: readonly LogEntry[], options?: AppendOptions): Promise<void>;
  readLog(sessionId: string): Promise<LogEntry[]>;
  /** Adds state hashes recorded during play; one per seq and reason. */
  appendCheckpoints(sessionId: string, checkpoints: readonly StoredCheckpoint[]): Promise<void>;
  /** A session's checkpoints by seq. */
  readCheckpoints(sessionId: string): Promise<StoredCheckpoint[]>;
  addNote(note: StoredNote): Promise<void>;
  /** Changes a note's tick or text; undefined when the session has no such note. */
  updateNote(
    sessionId: string,
    id: string,
    change: Partial<Pick<StoredNote, 'tick' | 'text'>> & { updatedAt: string },
  ): Promise<StoredNote | undefined>;
  /** False when the session has no such note. */
  deleteNote(sessionId: string, id: string): Promise<boolean>;
  /** A session's notes by tick, then by creation. */
  listNotes(sessionId: string): Promise<StoredNote[]>;
  createShareLink(link: StoredShareLink): Promise<void>;
  findShareLinkByTokenHash(tokenHash: string): Promise<StoredShareLink | undefined>;
  listShareLinks(sessionId: string): Promise<StoredShareLink[]>;
  /** Marks a link revoked (once); false when the session has no such link. */
  revokeShareLink(sessionId: string, id: string, revokedAt: string): Promise<boolean>;
  /** A small write that proves the database takes writes (and is still the file it opened). */
  checkHealth(): Promise<StoreHealth>;
  /**
   * Connects, migrates the schema and proves a write before the server restores sessions, for
   * a store that cannot do so in its constructor (PostgreSQL); throws a StartupError saying
   * what to fix.
   */
  open?(): Promise<void>;
  /** Session leases, where several server processes share the database (PostgreSQL only). */
  readonly leases?: LeaseStore;
  close(): Promise<void>;
}
