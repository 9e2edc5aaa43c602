import Database from 'better-sqlite3';
import { StartupError } from '../startup-error.js';

/**
 * One server process per database file. Two would both restore the same sessions and run their
 * clocks against one log. The lock is an exclusive SQLite transaction on a small file beside the
 * database, kept open for the life of the process: the operating system drops it when the
 * process ends, however it ends (kill -9 included), so a crash never leaves a stale lock behind.
 */
export class DatabaseLock {
  private readonly db: Database.Database;

  constructor(readonly databasePath: string) {
    const lockPath = `${databasePath}.lock`;
    try {
      this.db = new Database(lockPath, { timeout: 0 });
    } catch (error) {
      throw cannotWrite(databasePath, error);
    }
    try {
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.exec('BEGIN EXCLUSIVE');
      this.db.exec('CREATE TABLE IF NOT EXISTS lock (held INTEGER)');
      this.db.exec('INSERT INTO lock (held) VALUES (1)');
    } catch (error) {
      this.db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY')
        throw new StartupError(
          `Another server process is already using the database ${databasePath} (it holds ${lockPath}). ` +
            'Stop that server first, or give this one its own DATABASE_PATH.',
        );
      throw cannotWrite(databasePath, error);
    }
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}

/** The message for a database the server may not write: what to check, not just the code. */
export function cannotWrite(databasePath: string, error: unknown): StartupError {
  return new StartupError(
    `The database ${databasePath} cannot be written (${describe(error)}). The server needs to write to the file, to the ` +
      `lock file ${databasePath}.lock beside it and to their directory (SQLite keeps -wal and -shm files there too): ` +
      'check the permissions and that the disk or volume is not mounted read-only.',
  );
}

export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message}, ${code}` : message;
}
