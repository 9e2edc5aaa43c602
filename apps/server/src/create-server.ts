import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join } from 'node:path';
import { classResultsFileName } from '@ttc/protocol';
import { BUILTIN_SCENARIOS, findScenario } from '@ttc/sim';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { resultsCsv } from './classroom/results-csv.js';
import { readSessionLog } from './classroom/session-log.js';
import { sessionResults } from './classroom/session-results.js';
import { type GatewayOptions, SocketGateway } from './classroom/socket-gateway.js';
import type { ServerConfig } from './config.js';
import { replayRoutes } from './replay/replay-routes.js';
import type { SessionStore } from './storage/session-store.js';
import { SqliteSessionStore } from './storage/sqlite-session-store.js';

export interface AppServer {
  http: Server;
  gateway: SocketGateway;
  /** Restores unfinished sessions from the database, then listens; resolves with the port. */
  listen(): Promise<number>;
  /** Stops accepting, stops the clocks, closes sockets and the database. */
  close(): Promise<void>;
}

/**
 * Builds the server: the built game as static files, a small REST API and the socket
 * endpoint, on one port. Only the entry point calls listen(), so tests can start a real
 * server on a free port.
 */
export function createServer(
  config: ServerConfig,
  logger: Logger,
  store: SessionStore = new SqliteSessionStore(config.DATABASE_PATH, config.DATABASE_DURABILITY),
  limits: Pick<GatewayOptions, 'messageRate' | 'messageBurst' | 'failedJoinsPerMinute'> = {},
): AppServer {
  const app = express();
  app.disable('x-powered-by');
  // Phaser renders through WebGL and needs inline styles for its canvas; scripts stay same-origin.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'blob:'] },
      },
    }),
  );
  const http = createHttpServer(app);
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const gateway = new SocketGateway(http, store, logger, { publicUrl, ...limits });

  app.get('/api/health', (_request, response) => {
    response.json({ status: 'ok', game: existsSync(join(config.STATIC_DIR, 'index.html')) ? 'built' : 'missing' });
  });
  app.get('/api/scenarios', (_request, response) => {
    response.json(
      BUILTIN_SCENARIOS.map(({ id, name, description, currency, rounds, ticksPerRound, events }) => ({
        id,
        name,
        description,
        currency,
        rounds,
        ticksPerRound,
        events: events.map(({ id: eventId, name: eventName, description: eventDescription }) => ({
          id: eventId,
          name: eventName,
          description: eventDescription,
        })),
      })),
    );
  });
  app.get('/api/sessions/:id/results.:format', async (request, response, next) => {
    try {
      const key = String(request.query.key ?? request.get('x-facilitator-key') ?? '');
      const answer = key ? await readSessionLog(store, request.params.id, { key }) : undefined;
      const scenario = answer?.ok ? findScenario(answer.log.scenarioId) : undefined;
      if (!answer?.ok || !scenario) {
        response.status(404).json({ error: 'unknown-session', message: 'No session with that id and facilitator key.' });
        return;
      }
      const { format } = request.params;
      if (format !== 'csv' && format !== 'json') {
        response.status(404).json({ error: 'not-found', message: 'Results come as .csv or .json.' });
        return;
      }
      // Rebuilt from the record, running or ended: what the debrief shows, the cut-short round included.
      const results = sessionResults(answer.log, scenario);
      response.attachment(classResultsFileName(answer.log.joinCode, format));
      if (format === 'csv') response.type('text/csv').send(resultsCsv(results.rows));
      else response.json(results);
    } catch (error) {
      next(error);
    }
  });
  app.get('/api/sessions/:id/log', async (request, response, next) => {
    try {
      const answer = await readSessionLog(store, request.params.id, {
        key: String(request.query.key ?? request.get('x-facilitator-key') ?? '') || undefined,
        token: String(request.query.token ?? request.get('x-player-token') ?? '') || undefined,
      });
      if (answer.ok) response.json(answer.log);
      else response.status(answer.status).json({ error: answer.error, message: answer.message });
    } catch (error) {
      next(error);
    }
  });
  app.use('/api', replayRoutes({ store, registry: gateway.registry, publicUrl, logger }));
  app.use('/api', (_request, response) => {
    response.status(404).json({ error: 'not-found', message: 'No such API route.' });
  });
  app.use(express.static(config.STATIC_DIR, { index: 'index.html', maxAge: '1h' }));
  app.get('/{*splat}', (_request, response) => {
    const index = join(config.STATIC_DIR, 'index.html');
    if (existsSync(index)) response.sendFile(index);
    else response.status(503).type('text/plain').send('The game has not been built yet: run "npm start" from the repository root.');
  });

  return {
    http,
    gateway,
    listen: async () => {
      const restored = await gateway.registry.restoreAll();
      if (restored > 0) logger.info({ sessions: restored }, 'sessions restored from the log');
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          const address = http.address();
          const port = typeof address === 'object' && address ? address.port : config.PORT;
          logger.info({ port, staticDir: config.STATIC_DIR, database: config.DATABASE_PATH }, 'listening');
          resolve(port);
        });
      });
    },
    close: async () => {
      await gateway.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await store.close();
    },
  };
}
