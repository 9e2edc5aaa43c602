import type { PoolClient } from 'pg';
import { MIGRATIONS_TABLE, type Migration, pendingMigrations } from './migrations.js';

/**
 * The PostgreSQL schema, step by step (the SQL of each step). Column meanings follow the SQLite
 * store's; the types are PostgreSQL's own (booleans, `json` that keeps a command's text as it
 * was written, time stamps with their zone). `position` keeps the order rows were first stored
 * in, as SQLite's rowid does there.
 */
export const POSTGRES_MIGRATIONS: readonly Migration<string>[] = [
  {
    version: 1,
    name: 'sessions, players, command log, checkpoints, notes, share links, session leases, server meta',
    up: `
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        join_code text NOT NULL,
        facilitator_key_hash text NOT NULL,
        settings json NOT NULL,
        seed integer NOT NULL,
        status text NOT NULL CHECK (status IN ('lobby', 'running', 'ended')),
        paused boolean NOT NULL,
        tick_ms integer NOT NULL,
        created_at timestamptz NOT NULL,
        host_address text,
        joining_locked boolean NOT NULL DEFAULT false,
        damaged text
      );
      CREATE INDEX sessions_join_code ON sessions (join_code, status);
      CREATE INDEX sessions_status ON sessions (status, created_at);
      CREATE TABLE players (
        id text PRIMARY KEY,
        session_id text NOT NULL REFERENCES sessions (id),
        token_hash text NOT NULL UNIQUE,
        name text NOT NULL,
        team integer NOT NULL,
        removed boolean NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX players_session ON players (session_id, position);
      CREATE TABLE command_log (
        session_id text NOT NULL REFERENCES sessions (id),
        seq integer NOT NULL,
        tick integer NOT NULL,
        command json NOT NULL,
        actor text NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      CREATE TABLE checkpoints (
        session_id text NOT NULL REFERENCES sessions (id),
        seq integer NOT NULL,
        tick integer NOT NULL,
        hash text NOT NULL,
        reason text NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (session_id, seq, reason)
      );
      CREATE TABLE notes (
        session_id text NOT NULL REFERENCES sessions (id),
        id text NOT NULL,
        tick integer NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz,
        position bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (session_id, id)
      );
      CREATE TABLE share_links (
        id text PRIMARY KEY,
        session_id text NOT NULL REFERENCES sessions (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        position bigint GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX share_links_session ON share_links (session_id, created_at);
      -- Which process runs a session. epoch grows with every change of hands; a log append
      -- carries the epoch its writer holds and is refused once it differs (fencing).
      CREATE TABLE session_leases (
        session_id text PRIMARY KEY REFERENCES sessions (id),
        owner text NOT NULL,
        epoch integer NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
    `,
  },
];

/**
 * Brings the schema to the newest version in one transaction, under an advisory lock taken
 * for this schema: several processes starting at once migrate one after the other, and the
 * later ones find nothing left to do. A failing step leaves the schema as it was.
 */
export async function migratePostgres(client: PoolClient, schema: string, where: string, migrations = POSTGRES_MIGRATIONS): Promise<void> {
  await client.query('BEGIN');
  try {
    // A step may take its time on a large database; the statement timeout is for the hot path.
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tame-the-chaos migrations ${schema}`]);
    // Only when missing: CREATE SCHEMA IF NOT EXISTS asks for the right to create schemas even
    // when the schema is there, and a user limited to its own schema has no such right.
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`);
    for (const migration of pendingMigrations(
      migrations,
      applied.rows.map((row) => row.version),
      where,
    )) {
      await client.query(migration.up);
      await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A schema name as SQL: checked by the configuration to be a plain identifier, quoted anyway. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
