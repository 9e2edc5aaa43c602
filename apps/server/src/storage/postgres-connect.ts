import { userInfo } from 'node:os';
import pg from 'pg';
import { StartupError } from '../startup-error.js';
import { describe } from './database-lock.js';

export interface PostgresSettings {
  /** postgres://user:password@host:5432/database (DATABASE_URL). */
  url: string;
  /** The schema the tables live in (DATABASE_SCHEMA), made on first start when missing. */
  schema: string;
  /** Connections kept open at most (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** An idle connection broke (PostgreSQL restarted): the pool replaces it; this only reports it. */
  onIdleError?: (error: Error) => void;
}

/**
 * A statement that takes longer fails instead of holding a session's queue: the session then
 * refuses the change (`storage-busy`) or retries its tick, as with a locked SQLite file.
 */
export const STATEMENT_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 5000;

/** The pool every query goes through; the schema is the connections' search path. */
export function createPool(settings: PostgresSettings): pg.Pool {
  useOperatingSystemUser();
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    options: `-c search_path=${settings.schema}`,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'tame-the-chaos',
  });
  // Without a listener an idle connection's error (a restarted database) ends the process.
  pool.on('error', (error) => settings.onIdleError?.(error));
  return pool;
}

/**
 * A URL without a user logs in as the operating system's user, as psql and libpq do; pg by
 * itself takes $USER, which services and containers often lack.
 */
export function useOperatingSystemUser(): void {
  pg.defaults.user ??= process.env.PGUSER ?? userInfo().username;
}

/** "user@host:port/database": what a message names, never the password. */
export function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${user}${host}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** The URL as it may be shown: the password replaced by "***". */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^@]*@/, ':***@');
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', '57P03']);

/**
 * What stops the start when PostgreSQL cannot be used, in words a person can act on: nothing
 * answers, the login or the database is refused, or the schema cannot be made.
 */
export function postgresStartupError(error: unknown, settings: PostgresSettings, step: 'connect' | 'schema'): StartupError {
  if (error instanceof StartupError) return error;
  const where = `PostgreSQL at ${describePostgres(settings.url)}`;
  const code = (error as { code?: string }).code ?? '';
  const why = describe(error);
  if (UNREACHABLE.has(code) || /timeout.*connect|Connection terminated/i.test(why))
    return new StartupError(`${where} cannot be reached (${why}). Check that it runs and that DATABASE_URL names its host and port.`);
  if (code === '28P01' || code === '28000')
    return new StartupError(`${where} refused the login (${why}). Check the user and password in DATABASE_URL.`);
  if (code === '3D000')
    return new StartupError(`${where}: the database does not exist (${why}). Create it (createdb), or name another in DATABASE_URL.`);
  if (step === 'schema' || code === '42501')
    return new StartupError(
      `${where} refused the schema "${settings.schema}" (${why}). The user in DATABASE_URL needs the right to create tables ` +
        'there (GRANT CREATE ON SCHEMA …), or the right to create the schema itself; or choose another with DATABASE_SCHEMA.',
    );
  return new StartupError(`${where} cannot be used (${why}).`);
}
