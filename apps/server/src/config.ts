import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustProxy } from './http/trust-proxy.js';
import { redactUrl } from './storage/postgres-connect.js';

const defaultStaticDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** A whole number from an environment variable, within bounds, with a default. */
const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Server settings from environment variables, checked at start: a bad value stops the start
 * with a message naming it. Every setting is described in docs/deploy.md.
 */
export const configSchema = z
  .object({
    PORT: count(0, 65_535, 3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** "production" under `npm start` (set by the entry point when unset): no stack traces anywhere. */
    NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
    /** Resolved against the working directory: Express serves files only from absolute paths. */
    STATIC_DIR: z
      .string()
      .min(1)
      .default(defaultStaticDir)
      .transform((dir) => resolve(dir)),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The embedded database file, created on first start. */
    DATABASE_PATH: z.string().min(1).default('data/tame-the-chaos.db'),
    /** "process": survives the server being killed; "full": also a power cut, at some latency. */
    DATABASE_DURABILITY: z.enum(['process', 'full']).default('process'),
    /** When set, PostgreSQL holds everything instead of the SQLite file (several processes can share it). */
    DATABASE_URL: z.string().refine(isPostgresUrl, 'a PostgreSQL address such as postgres://user:password@host:5432/database').optional(),
    /** The PostgreSQL schema for the tables: made on first start when missing. */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a plain schema name: lower-case letters, digits and _, not starting with a digit, at most 63')
      .default('public'),
    /** PostgreSQL connections this process keeps open at most. */
    DATABASE_POOL_SIZE: count(1, 1000, 10),
    /**
     * With DATABASE_URL: several server processes share the classes (docs/deploy.md). Socket.io
     * broadcasts and the messages forwarded to a session's owner go through this Redis.
     */
    REDIS_URL: z.string().refine(isRedisUrl, 'a Redis address such as redis://host:6379 or rediss://user:password@host:6380').optional(),
    /** How long a process owns a session without renewing its lease; it renews every third of it. */
    LEASE_MS: count(300, 600_000, 5000),
    /** A name for this process in the logs and the leases (the host name by default); each start adds a unique suffix. */
    PROCESS_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" and "-", at most 64')
      .optional(),
    /** The address learners use, for join links (defaults to http://localhost:PORT). */
    PUBLIC_URL: z.url().optional(),
    /** When set, hosting a class needs this passcode (the host form asks for it). */
    HOST_PASSCODE: z.string().min(4, 'at least 4 characters').max(200).optional(),
    /** Which proxies may name the client's address (X-Forwarded-For) and protocol (X-Forwarded-Proto). */
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((value, context) => {
        const parsed = parseTrustProxy(value);
        if (parsed.ok) return parsed.trust;
        context.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
    /** Sessions waiting in their lobby, on the whole server and per hosting address. */
    MAX_LOBBY_SESSIONS: count(1, 100_000, 500),
    MAX_LOBBY_SESSIONS_PER_ADDRESS: count(1, 100_000, 10),
    /** Sessions running (started, not ended), on the whole server and per hosting address. */
    MAX_RUNNING_SESSIONS: count(1, 100_000, 500),
    MAX_RUNNING_SESSIONS_PER_ADDRESS: count(1, 100_000, 20),
    /** A session never started ends by itself this long after it was hosted. */
    LOBBY_EXPIRY_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(6),
    /** Learners one session seats. */
    MAX_SEATS_PER_SESSION: count(1, 1000, 60),
    /**
     * The limits per address also for this machine's own connections (127.0.0.1, ::1). Off by
     * default: loopback is the trainer's own console, a load test or a local proxy (name it in
     * TRUST_PROXY so its clients are told apart), never one outsider.
     */
    LIMIT_LOOPBACK: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** Open socket connections from one address (a school behind one NAT shares one). */
    MAX_CONNECTIONS_PER_ADDRESS: count(1, 1_000_000, 200),
    /** Messages a second per connection (average) and the burst allowed above it. */
    MESSAGE_RATE: count(1, 1_000_000, 20),
    MESSAGE_BURST: count(1, 1_000_000, 40),
    /** Rate-limited messages within 10 seconds after which a connection is closed as a flood. */
    FLOOD_DISCONNECT_AFTER: count(1, 1_000_000, 100),
    /** Wrong join codes per address: a burst, then this many a minute (docs/server.md has the arithmetic). */
    JOIN_GUESS_BURST: count(1, 10_000, 30),
    JOIN_GUESSES_PER_MINUTE: count(1, 10_000, 10),
    /** An HTTP request's headers and body must have arrived within this many milliseconds. */
    REQUEST_TIMEOUT_MS: count(1000, 300_000, 15_000),
  })
  .refine((config) => !config.REDIS_URL || config.DATABASE_URL, {
    path: ['REDIS_URL'],
    message: 'several processes share their classes through PostgreSQL: set DATABASE_URL too, or leave REDIS_URL unset for one process',
  });

/** postgres:// or postgresql://, as libpq and pg take them. */
function isPostgresUrl(value: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** redis:// or rediss:// (TLS), as the redis client takes them. */
function isRedisUrl(value: string): boolean {
  try {
    return ['redis:', 'rediss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export type ServerConfig = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

/** Settings never repeated in a message: a wrong passcode must not end up in a log. */
const SECRET_SETTINGS = new Set(['HOST_PASSCODE']);

/** A setting's value as a message may repeat it: a database password is masked. */
function shown(name: string, value: string | undefined): string {
  if (SECRET_SETTINGS.has(name)) return '';
  const safe = (name === 'DATABASE_URL' || name === 'REDIS_URL') && value !== undefined ? redactUrl(value) : value;
  return ` (got ${JSON.stringify(safe)})`;
}

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${issue.path.join('.')}: ${issue.message}${shown(name, env[name])}`;
  });
  return { ok: false, message: `Invalid configuration: ${problems.join('; ')}` };
}
