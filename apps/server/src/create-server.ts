import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join } from 'node:path';
import { BUILTIN_SCENARIOS } from '@ttc/sim';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';

export interface AppServer {
  http: Server;
  /** Starts listening; resolves with the port actually bound (useful with PORT=0). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Builds the HTTP server: the built game as static files, and a small API. Only the entry
 * point calls listen(), so tests can start a real server on a free port.
 */
export function createServer(config: ServerConfig, logger: Logger): AppServer {
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

  app.get('/api/health', (_request, response) => {
    response.json({ status: 'ok', game: existsSync(join(config.STATIC_DIR, 'index.html')) ? 'built' : 'missing' });
  });
  app.get('/api/scenarios', (_request, response) => {
    response.json(
      BUILTIN_SCENARIOS.map(({ id, name, description, currency, rounds, ticksPerRound }) => ({
        id,
        name,
        description,
        currency,
        rounds,
        ticksPerRound,
      })),
    );
  });
  app.use('/api', (_request, response) => {
    response.status(404).json({ error: 'not-found', message: 'No such API route.' });
  });
  app.use(express.static(config.STATIC_DIR, { index: 'index.html', maxAge: '1h' }));
  app.get('/{*splat}', (_request, response) => {
    const index = join(config.STATIC_DIR, 'index.html');
    if (existsSync(index)) response.sendFile(index);
    else response.status(503).type('text/plain').send('The game has not been built yet: run "npm start" from the repository root.');
  });

  const http = createHttpServer(app);
  return {
    http,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          const address = http.address();
          const port = typeof address === 'object' && address ? address.port : config.PORT;
          logger.info({ port, staticDir: config.STATIC_DIR }, 'listening');
          resolve(port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      }),
  };
}
