import type Database from 'better-sqlite3';
import { MIGRATIONS_TABLE, type Migration, pendingMigrations } from './migrations.js';

type SqliteStep = (db: Database.Database) => void;

/** Adds a column unless an older server already added it in place (before migrations were numbered). */
function addColumn(db: Database.Database, table: string, column: string, definition: string): void {
  const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
  if (!columns.some((existing) => existing.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

/**
 * The SQLite schema, step by step. Steps 1 and 2 are what servers before numbered migrations
 * made (`CREATE TABLE IF NOT EXISTS` and columns added in place), written so that they adopt
 * such a database without changing it: they check before they change. Steps from 3 on run on a
 * database whose history is recorded, and need no such care.
 */
export const SQLITE_MIGRATIONS: readonly Migration<SqliteStep>[] = [
  {
    version: 1,
    name: 'sessions, players, command log, checkpoints, notes, share links, server meta',
    up: (db) =>
      db.exec(`
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
        CREATE TABLE IF NOT EXISTS checkpoints (
          session_id TEXT NOT NULL REFERENCES sessions (id),
          seq INTEGER NOT NULL,
          tick INTEGER NOT NULL,
          hash TEXT NOT NULL,
          reason TEXT NOT NULL,
          PRIMARY KEY (session_id, seq, reason)
        );
        CREATE TABLE IF NOT EXISTS notes (
          session_id TEXT NOT NULL REFERENCES sessions (id),
          id TEXT NOT NULL,
          tick INTEGER NOT NULL,
          text TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT,
          PRIMARY KEY (session_id, id)
        );
        CREATE TABLE IF NOT EXISTS share_links (
          id TEXT PRIMARY KEY,
          session_id TEXT NOT NULL REFERENCES sessions (id),
          token_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT
        );
        CREATE INDEX IF NOT EXISTS share_links_session ON share_links (session_id);
        CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `),
  },
  {
    version: 2,
    name: 'sessions: hosting address, join lock, damage mark',
    up: (db) => {
      addColumn(db, 'sessions', 'host_address', 'TEXT');
      addColumn(db, 'sessions', 'joining_locked', 'INTEGER NOT NULL DEFAULT 0');
      addColumn(db, 'sessions', 'damaged', 'TEXT');
    },
  },
];

/**
 * Brings the database to the newest schema: each pending step in a transaction of its own
 * together with its record, so a step is either done and recorded or not done at all. Only one
 * process has the file (database-lock.ts), so no two run this at once.
 */
export function migrateSqlite(db: Database.Database, where: string, migrations = SQLITE_MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare<[], { version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`).all();
  const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`);
  for (const migration of pendingMigrations(
    migrations,
    applied.map((row) => row.version),
    where,
  )) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
