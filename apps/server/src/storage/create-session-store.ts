import type { Logger } from 'pino';
import type { ServerConfig } from '../config.js';
import { describePostgres } from './postgres-connect.js';
import { PostgresSessionStore } from './postgres-session-store.js';
import type { SessionStore } from './session-store.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

/**
 * The store the settings choose: PostgreSQL when DATABASE_URL is set (DATABASE_PATH is then
 * not used), the embedded SQLite file otherwise. SQLite opens here and may throw a
 * StartupError; PostgreSQL connects in open(), which the server awaits before it restores.
 */
export function createSessionStore(config: ServerConfig, logger: Logger): SessionStore {
  if (config.DATABASE_URL)
    return new PostgresSessionStore({
      url: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      poolSize: config.DATABASE_POOL_SIZE,
      onIdleError: (error) => logger.warn({ err: error }, 'a PostgreSQL connection broke; the pool opens another when needed'),
    });
  return new SqliteSessionStore(config.DATABASE_PATH, config.DATABASE_DURABILITY, {
    onProblem: (message) => logger.warn(`${message}; the server's own connection checkpoints instead once the log is large`),
  });
}

/** Where the classes are kept, for the start-up log line (no password). */
export function describeStorage(config: ServerConfig): string {
  return config.DATABASE_URL ? `postgres ${describePostgres(config.DATABASE_URL)} schema ${config.DATABASE_SCHEMA}` : config.DATABASE_PATH;
}
