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
}

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
 * Durable storage for classroom sessions. Every method resolves only once the data is safe
 * (a crash right after loses nothing). SQLite is the embedded default; the contract suite in
 * session-store-contract.ts is what any other implementation (PostgreSQL) must pass.
 */
export interface SessionStore {
  createSession(session: StoredSession): Promise<void>;
  updateSession(id: string, change: Partial<Pick<StoredSession, 'status' | 'paused' | 'tickMs'>>): Promise<void>;
  getSession(id: string): Promise<StoredSession | undefined>;
  findByJoinCode(joinCode: string): Promise<StoredSession | undefined>;
  listSessions(statuses: readonly SessionStatus[]): Promise<StoredSession[]>;
  savePlayer(player: StoredPlayer): Promise<void>;
  listPlayers(sessionId: string): Promise<StoredPlayer[]>;
  findPlayerByTokenHash(tokenHash: string): Promise<StoredPlayer | undefined>;
  /** Appends commands in order; their seq must follow the last stored one. */
  appendLog(sessionId: string, entries: readonly LogEntry[]): Promise<void>;
  readLog(sessionId: string): Promise<LogEntry[]>;
  close(): Promise<void>;
}
