import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../config.js';
import { type AppServer, createServer, type ServerParts } from '../create-server.js';

export interface RunningServer {
  server: AppServer;
  url: string;
  databasePath: string;
}

/**
 * Every test file hosts many classes from 127.0.0.1: the caps per address are raised here, and
 * the tests of the caps set their own. Loopback is limited like any other address, so those
 * tests see the limits as an outsider meets them.
 */
const ROOMY: Record<string, string> = {
  LIMIT_LOOPBACK: 'true',
  MAX_LOBBY_SESSIONS: '10000',
  MAX_LOBBY_SESSIONS_PER_ADDRESS: '10000',
  MAX_RUNNING_SESSIONS: '10000',
  MAX_RUNNING_SESSIONS_PER_ADDRESS: '10000',
};

/** A fresh database file in a directory of its own. */
export function temporaryDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), 'ttc-db-')), 'sessions.db');
}

/**
 * A real server on a free port with its own database file; `env` sets or overrides any setting,
 * `parts` hands in its clock (test-support/manual-time.ts) or its store.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  databasePath = temporaryDatabase(),
  parts: ServerParts = {},
): Promise<RunningServer> {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STATIC_DIR: tmpdir(),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_PATH: databasePath,
    ...ROOMY,
    ...env,
  });
  if (!config.ok) throw new Error(config.message);
  const server = createServer(config.config, pino({ level: 'silent' }), parts);
  const port = await server.listen();
  return { server, url: `http://127.0.0.1:${port}`, databasePath };
}
