import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../startup-error.js';
import { cannotWrite, describe } from './database-lock.js';
import { migrateSqlite } from './sqlite-migrations.js';

/**
 * How long one write waits for a lock held by someone else. Short on purpose: better-sqlite3
 * waits synchronously, so every session of the process waits with it. Only a foreign
 * connection (a stray `sqlite3` shell in a transaction) ever holds the lock this server needs;
 * a failed write is retried by the session later instead (classroom-session.ts).
 */
export const BUSY_TIMEOUT_MS = 100;

/**
 * Opens the database, brings its schema up to date (numbered steps, sqlite-migrations.ts) and
 * proves it takes writes, or stops the start with a message that says what to fix: a directory
 * that cannot be made, a path that is a directory, a read-only file or folder, a database a
 * newer version has upgraded. Without this the server said "listening" and then failed every
 * write.
 */
export function openSqlite(path: string, durability: 'process' | 'full'): Database.Database {
  const where = path === ':memory:' ? path : resolve(path);
  let db: Database.Database;
  try {
    db = new Database(where, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw cannotWrite(where, error);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(durability === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrateSqlite(db, where);
    db.prepare('INSERT OR REPLACE INTO server_meta (key, value) VALUES (?, ?)').run('last_start', new Date().toISOString());
  } catch (error) {
    db.close();
    if (error instanceof StartupError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (
      code.startsWith('SQLITE_READONLY') ||
      code.startsWith('SQLITE_CANTOPEN') ||
      code.startsWith('SQLITE_IOERR') ||
      code === 'SQLITE_PERM'
    )
      throw cannotWrite(where, error);
    throw new StartupError(`The database ${where} cannot be prepared: ${describe(error)}.`);
  }
  return db;
}

/** Makes the database's directory, or says why it cannot be made. */
export function prepareDirectory(path: string): void {
  if (path === ':memory:') return;
  const where = resolve(path);
  try {
    mkdirSync(dirname(where), { recursive: true });
  } catch (error) {
    throw new StartupError(`DATABASE_PATH ${where}: its directory cannot be created (${describe(error)}).`);
  }
  if (statSync(where, { throwIfNoEntry: false })?.isDirectory())
    throw new StartupError(`DATABASE_PATH ${where} is a directory: give the path of a file inside it.`);
}

/** The file's identity, to notice later that the path now names another file or none. */
export function fileIdentity(path: string): string | undefined {
  if (path === ':memory:') return undefined;
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.dev}:${stats.ino}` : undefined;
}
