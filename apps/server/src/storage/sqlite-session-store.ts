import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { LogEntry, SessionStatus, SessionStore, StoredPlayer, StoredSession } from './session-store.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL,
    facilitator_key_hash TEXT NOT NULL,
    settings TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    paused INTEGER NOT NULL,
    tick_ms INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_join_code ON sessions (join_code, status);
  CREATE TABLE IF NOT EXISTS players (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    team INTEGER NOT NULL,
    removed INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS players_session ON players (session_id);
  CREATE TABLE IF NOT EXISTS command_log (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    seq INTEGER NOT NULL,
    tick INTEGER NOT NULL,
    command TEXT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  );
`;

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
}

interface PlayerRow {
  id: string;
  session_id: string;
  token_hash: string;
  name: string;
  team: number;
  removed: number;
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

  constructor(path: string, durability: 'process' | 'full' = 'process') {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(durability === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.statements = {
      insertSession: this.db.prepare(
        'INSERT INTO sessions (id, join_code, facilitator_key_hash, settings, seed, status, paused, tick_ms, created_at) VALUES (@id, @joinCode, @facilitatorKeyHash, @settings, @seed, @status, @paused, @tickMs, @createdAt)',
      ),
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
    };
  }

  async createSession(session: StoredSession): Promise<void> {
    this.statements.insertSession.run({ ...session, settings: JSON.stringify(session.settings), paused: session.paused ? 1 : 0 });
  }

  async updateSession(id: string, change: Partial<Pick<StoredSession, 'status' | 'paused' | 'tickMs'>>): Promise<void> {
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

  async appendLog(sessionId: string, entries: readonly LogEntry[]): Promise<void> {
    const append = this.db.transaction((batch: readonly LogEntry[]) => {
      const last = this.statements.lastSeq.get(sessionId)?.seq ?? 0;
      batch.forEach((entry, index) => {
        if (entry.seq !== last + index + 1) throw new Error(`log out of order: expected seq ${last + index + 1}, got ${entry.seq}`);
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

  async close(): Promise<void> {
    this.db.close();
  }
}
