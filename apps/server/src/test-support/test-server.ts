import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../config.js';
import { type AppServer, createServer } from '../create-server.js';

export interface RunningServer {
  server: AppServer;
  url: string;
  databasePath: string;
}

/** A real server on a free port with its own database file. */
export async function startTestServer(
  limits: Parameters<typeof createServer>[3] = {},
  databasePath = join(mkdtempSync(join(tmpdir(), 'ttc-db-')), 'sessions.db'),
): Promise<RunningServer> {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', STATIC_DIR: tmpdir(), LOG_LEVEL: 'silent', DATABASE_PATH: databasePath });
  if (!config.ok) throw new Error(config.message);
  const server = createServer(config.config, pino({ level: 'silent' }), undefined, limits);
  const port = await server.listen();
  return { server, url: `http://127.0.0.1:${port}`, databasePath };
}
