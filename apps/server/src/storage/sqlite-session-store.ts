import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseLock, describe } from './database-lock.js';
import type {
  AppendOptions,
  CheckpointReason,
  LogEntry,
  SessionChange,
  SessionStatus,
  SessionStore,
  StoredCheckpoint,
  StoredNote,
  StoredPlayer,
  StoredSession,
  StoredShareLink,
  StoreHealth,
} from './session-store.js';
import { fileIdentity, openSqlite, prepareDirectory } from './sqlite-open.js';
import { LogOrderError } from './store-errors.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer.js';

interface SessionRow {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  settings: string;
  seed: number;
  status: SessionStatus;
  paused: number;
  tick_ms: number;
  created_at: string;
  host_address: string | null;
  joining_locked: number;
  damaged: string | null;
}

interface PlayerRow {
  id: string;
  session_id: string;
  token_hash: string;
  name: string;
  team: number;
  removed: number;
}

interface NoteRow {
  session_id: string;
  id: string;
  tick: number;
  text: string;
  created_at: string;
  updated_at: string | null;
}

interface ShareLinkRow {
  id: string;
  session_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

function toNote(row: NoteRow): StoredNote {
  return { id: row.id, sessionId: row.session_id, tick: row.tick, text: row.text, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toShareLink(row: ShareLinkRow): StoredShareLink {
  return { id: row.id, sessionId: row.session_id, tokenHash: row.token_hash, createdAt: row.created_at, revokedAt: row.revoked_at };
}

function toSession(row: SessionRow | undefined): StoredSession | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    joinCode: row.join_code,
    facilitatorKeyHash: row.facilitator_key_hash,
    settings: JSON.parse(row.settings),
    seed: row.seed,
    status: row.status,
    paused: row.paused === 1,
    tickMs: row.tick_ms,
    createdAt: row.created_at,
    ...(row.host_address ? { hostAddress: row.host_address } : {}),
    ...(row.joining_locked ? { joiningLocked: true } : {}),
    ...(row.damaged ? { damaged: row.damaged } : {}),
  };
}

function toPlayer(row: PlayerRow | undefined): StoredPlayer | undefined {
  if (!row) return undefined;
  return { id: row.id, sessionId: row.session_id, tokenHash: row.token_hash, name: row.name, team: row.team, removed: row.removed === 1 };
}

/**
 * The embedded default: one SQLite file in WAL mode. With `synchronous = NORMAL` a write that
 * has returned is in the operating system's hands and survives the process being killed
 * (kill -9); only a power cut could lose the last moments. `durability: 'full'` syncs every
 * write to the disk as well, at a measured cost in latency (docs/performance.md).
 */
export class SqliteSessionStore implements SessionStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly lock: DatabaseLock | undefined;
  private readonly path: string;
  private readonly identity: string | undefined;
  /** Folds the write-ahead log into the file on a worker thread (none for an in-memory database). */
  readonly checkpointer: WalCheckpointer | undefined;

  /**
   * Opens (or creates) the database and holds its lock for the life of the store. Throws a
   * StartupError saying what to fix when the file cannot be written or another process has it.
   */
  constructor(
    path: string,
    durability: 'process' | 'full' = 'process',
    options: { lock?: boolean; onProblem?: (message: string) => void } = {},
  ) {
    this.path = path === ':memory:' ? path : resolve(path);
    // The lock first: a second process must not so much as upgrade the tables under the first.
    prepareDirectory(this.path);
    this.lock = options.lock === false || path === ':memory:' ? undefined : new DatabaseLock(this.path);
    try {
      this.db = openSqlite(this.path, durability);
    } catch (error) {
      this.lock?.release();
      throw error;
    }
    this.identity = fileIdentity(this.path);
    if (this.path !== ':memory:') {
      this.db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
      this.checkpointer = new WalCheckpointer(this.path, options.onProblem ?? (() => undefined));
    }
    this.statements = {
      insertSession: this.db.prepare(
        'INSERT INTO sessions (id, join_code, facilitator_key_hash, settings, seed, status, paused, tick_ms, created_at, host_address, joining_locked) VALUES (@id, @joinCode, @facilitatorKeyHash, @settings, @seed, @status, @paused, @tickMs, @createdAt, @hostAddress, @joiningLocked)',
      ),
      touchMeta: this.db.prepare("INSERT OR REPLACE INTO server_meta (key, value) VALUES ('last_check', ?)"),
      getSession: this.db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
      findByCode: this.db.prepare<[string], SessionRow>(
        "SELECT * FROM sessions WHERE join_code = ? AND status != 'ended' ORDER BY created_at DESC LIMIT 1",
      ),
      upsertPlayer: this.db.prepare(
        'INSERT INTO players (id, session_id, token_hash, name, team, removed) VALUES (@id, @sessionId, @tokenHash, @name, @team, @removed) ON CONFLICT (id) DO UPDATE SET name = excluded.name, team = excluded.team, removed = excluded.removed',
      ),
      listPlayers: this.db.prepare<[string], PlayerRow>('SELECT * FROM players WHERE session_id = ? ORDER BY rowid'),
      findPlayer: this.db.prepare<[string], PlayerRow>('SELECT * FROM players WHERE token_hash = ?'),
      lastSeq: this.db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM command_log WHERE session_id = ?'),
      appendLog: this.db.prepare('INSERT INTO command_log (session_id, seq, tick, command, actor) VALUES (?, ?, ?, ?, ?)'),
      readLog: this.db.prepare<[string], { seq: number; tick: number; command: string; actor: string }>(
        'SELECT seq, tick, command, actor FROM command_log WHERE session_id = ? ORDER BY seq',
      ),
      appendCheckpoint: this.db.prepare('INSERT OR REPLACE INTO checkpoints (session_id, seq, tick, hash, reason) VALUES (?, ?, ?, ?, ?)'),
      readCheckpoints: this.db.prepare<[string], { seq: number; tick: number; hash: string; reason: CheckpointReason }>(
        'SELECT seq, tick, hash, reason FROM checkpoints WHERE session_id = ? ORDER BY seq, rowid',
      ),
      insertNote: this.db.prepare(
        'INSERT INTO notes (session_id, id, tick, text, created_at, updated_at) VALUES (@sessionId, @id, @tick, @text, @createdAt, @updatedAt)',
      ),
      getNote: this.db.prepare<[string, string], NoteRow>('SELECT * FROM notes WHERE session_id = ? AND id = ?'),
      updateNote: this.db.prepare(
        'UPDATE notes SET tick = @tick, text = @text, updated_at = @updatedAt WHERE session_id = @sessionId AND id = @id',
      ),
      deleteNote: this.db.prepare('DELETE FROM notes WHERE session_id = ? AND id = ?'),
      listNotes: this.db.prepare<[string], NoteRow>('SELECT * FROM notes WHERE session_id = ? ORDER BY tick, created_at, rowid'),
      insertShareLink: this.db.prepare(
        'INSERT INTO share_links (id, session_id, token_hash, created_at, revoked_at) VALUES (@id, @sessionId, @tokenHash, @createdAt, @revokedAt)',
      ),
      findShareLink: this.db.prepare<[string], ShareLinkRow>('SELECT * FROM share_links WHERE token_hash = ?'),
      listShareLinks: this.db.prepare<[string], ShareLinkRow>('SELECT * FROM share_links WHERE session_id = ? ORDER BY created_at, rowid'),
      revokeShareLink: this.db.prepare('UPDATE share_links SET revoked_at = COALESCE(revoked_at, ?) WHERE session_id = ? AND id = ?'),
    };
  }

  async createSession(session: StoredSession): Promise<void> {
    this.statements.insertSession.run({
      ...session,
      settings: JSON.stringify(session.settings),
      paused: session.paused ? 1 : 0,
      hostAddress: session.hostAddress ?? null,
      joiningLocked: session.joiningLocked ? 1 : 0,
    });
  }

  async updateSession(id: string, change: SessionChange): Promise<void> {
    const sets: string[] = [];
    const values: Record<string, unknown> = { id };
    if (change.status !== undefined) {
      sets.push('status = @status');
      values.status = change.status;
    }
    if (change.paused !== undefined) {
      sets.push('paused = @paused');
      values.paused = change.paused ? 1 : 0;
    }
    if (change.tickMs !== undefined) {
      sets.push('tick_ms = @tickMs');
      values.tickMs = change.tickMs;
    }
    if (change.joiningLocked !== undefined) {
      sets.push('joining_locked = @joiningLocked');
      values.joiningLocked = change.joiningLocked ? 1 : 0;
    }
    if (change.damaged !== undefined) {
      sets.push('damaged = @damaged');
      values.damaged = change.damaged;
    }
    if (sets.length > 0) this.db.prepare(`UPDATE sessions SET ${sets.join(', ')} WHERE id = @id`).run(values);
  }

  async getSession(id: string): Promise<StoredSession | undefined> {
    return toSession(this.statements.getSession.get(id));
  }

  async findByJoinCode(joinCode: string): Promise<StoredSession | undefined> {
    return toSession(this.statements.findByCode.get(joinCode));
  }

  async listSessions(statuses: readonly SessionStatus[]): Promise<StoredSession[]> {
    if (statuses.length === 0) return [];
    const rows = this.db
      .prepare<string[], SessionRow>(`SELECT * FROM sessions WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY created_at`)
      .all(...statuses);
    return rows.map((row) => toSession(row) as StoredSession);
  }

  async savePlayer(player: StoredPlayer): Promise<void> {
    this.statements.upsertPlayer.run({ ...player, removed: player.removed ? 1 : 0 });
  }

  async listPlayers(sessionId: string): Promise<StoredPlayer[]> {
    return this.statements.listPlayers.all(sessionId).map((row) => toPlayer(row) as StoredPlayer);
  }

  async findPlayerByTokenHash(tokenHash: string): Promise<StoredPlayer | undefined> {
    return toPlayer(this.statements.findPlayer.get(tokenHash));
  }

  /**
   * One process owns the file (database-lock.ts), so there are no leases here: whatever epoch
   * an append carries is the current one.
   */
  async appendLog(sessionId: string, entries: readonly LogEntry[], _options?: AppendOptions): Promise<void> {
    const append = this.db.transaction((batch: readonly LogEntry[]) => {
      const last = this.statements.lastSeq.get(sessionId)?.seq ?? 0;
      batch.forEach((entry, index) => {
        if (entry.seq !== last + index + 1) throw new LogOrderError(sessionId, last + index + 1, entry.seq);
        this.statements.appendLog.run(sessionId, entry.seq, entry.tick, JSON.stringify(entry.command), entry.actor);
      });
    });
    append(entries);
  }

  async readLog(sessionId: string): Promise<LogEntry[]> {
    return this.statements.readLog
      .all(sessionId)
      .map((row) => ({ seq: row.seq, tick: row.tick, command: JSON.parse(row.command), actor: row.actor }));
  }

  async appendCheckpoints(sessionId: string, checkpoints: readonly StoredCheckpoint[]): Promise<void> {
    const append = this.db.transaction((batch: readonly StoredCheckpoint[]) => {
      for (const checkpoint of batch)
        this.statements.appendCheckpoint.run(sessionId, checkpoint.seq, checkpoint.tick, checkpoint.hash, checkpoint.reason);
    });
    append(checkpoints);
  }

  async readCheckpoints(sessionId: string): Promise<StoredCheckpoint[]> {
    return this.statements.readCheckpoints.all(sessionId).map(({ seq, tick, hash, reason }) => ({ seq, tick, hash, reason }));
  }

  async addNote(note: StoredNote): Promise<void> {
    this.statements.insertNote.run(note);
  }

  async updateNote(
    sessionId: string,
    id: string,
    change: Partial<Pick<StoredNote, 'tick' | 'text'>> & { updatedAt: string },
  ): Promise<StoredNote | undefined> {
    const row = this.statements.getNote.get(sessionId, id);
    if (!row) return undefined;
    const note = { ...toNote(row), ...change };
    this.statements.updateNote.run(note);
    return note;
  }

  async deleteNote(sessionId: string, id: string): Promise<boolean> {
    return this.statements.deleteNote.run(sessionId, id).changes > 0;
  }

  async listNotes(sessionId: string): Promise<StoredNote[]> {
    return this.statements.listNotes.all(sessionId).map(toNote);
  }

  async createShareLink(link: StoredShareLink): Promise<void> {
    this.statements.insertShareLink.run(link);
  }

  async findShareLinkByTokenHash(tokenHash: string): Promise<StoredShareLink | undefined> {
    const row = this.statements.findShareLink.get(tokenHash);
    return row ? toShareLink(row) : undefined;
  }

  async listShareLinks(sessionId: string): Promise<StoredShareLink[]> {
    return this.statements.listShareLinks.all(sessionId).map(toShareLink);
  }

  async revokeShareLink(sessionId: string, id: string, revokedAt: string): Promise<boolean> {
    return this.statements.revokeShareLink.run(revokedAt, sessionId, id).changes > 0;
  }

  async checkHealth(): Promise<StoreHealth> {
    if (this.identity !== undefined && fileIdentity(this.path) !== this.identity)
      return { ok: false, problem: `the database file ${this.path} was removed or replaced while the server ran: restart it` };
    try {
      this.statements.touchMeta.run(new Date().toISOString());
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: `the database ${this.path} does not take writes: ${describe(error)}` };
    }
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
    this.lock?.release();
  }
}
