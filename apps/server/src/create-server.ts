import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join } from 'node:path';
import { classResultsFileName, MAX_FRAME_BYTES } from '@ttc/protocol';
import { findScenario } from '@ttc/sim';
import express from 'express';
import type { Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { jsonOnlyParser } from './classroom/json-only-parser.js';
import { lanJoinUrls } from './classroom/lan-addresses.js';
import { MessageRouter } from './classroom/message-router.js';
import { resultsCsv } from './classroom/results-csv.js';
import { realTime, type SessionTime } from './classroom/session/session-time.js';
import { readSessionLog } from './classroom/session-log.js';
import { SessionRegistry } from './classroom/session-registry.js';
import { sessionResults } from './classroom/session-results.js';
import { SocketGateway } from './classroom/socket-gateway.js';
import { SocketRooms } from './classroom/socket-rooms.js';
import { ClusterNode, clusterSettings } from './cluster/cluster-node.js';
import type { ServerConfig } from './config.js';
import { apiNotFound, jsonErrors, sendApiError } from './http/json-errors.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { statusRoutes } from './http/status-routes.js';
import { replayRoutes } from './replay/replay-routes.js';
import { createSessionStore, describeStorage } from './storage/create-session-store.js';
import type { SessionStore } from './storage/session-store.js';

export interface AppServer {
  http: Server;
  /** The live sessions, for the socket gateway and the REST routes alike. */
  registry: SessionRegistry;
  /** Restores unfinished sessions from the database, then listens; resolves with the port. */
  listen(): Promise<number>;
  /** Stops accepting, stops the clocks, closes sockets and the database. */
  close(): Promise<void>;
}

/**
 * Builds the server: the built game as static files, a small REST API and the socket
 * endpoint, on one port. Only the entry point calls listen(), so tests can start a real
 * server on a free port. Opening the database can throw a StartupError (read-only, locked by
 * another process, PostgreSQL out of reach) that says what to fix, here or from listen().
 */
export interface ServerParts {
  /** The durable store (SQLite at DATABASE_PATH, or PostgreSQL at DATABASE_URL, by default). */
  store?: SessionStore;
  /** The sessions' clock and timers (the real ones by default; a test drives its own). */
  time?: SessionTime;
}

export function createServer(config: ServerConfig, logger: Logger, parts: ServerParts = {}): AppServer {
  const store = parts.store ?? createSessionStore(config, logger);
  const time = parts.time ?? realTime;
  const app = express();
  app.set('env', config.NODE_ENV);
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.use(securityHeaders());
  // Slow requests are cut (408) once their headers and body have taken REQUEST_TIMEOUT_MS; the
  // check runs every second rather than Node's default 30.
  const http = createHttpServer({
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    headersTimeout: config.REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: Math.min(1000, config.REQUEST_TIMEOUT_MS / 2),
  });
  http.on('request', app);
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const io = new SocketServer(http, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    parser: jsonOnlyParser,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  const rooms = new SocketRooms(io);
  // Several processes only with DATABASE_URL and REDIS_URL; otherwise nothing of cluster/ runs.
  const cluster = (() => {
    const settings = clusterSettings(config);
    return settings && new ClusterNode(settings, io, rooms, logger);
  })();
  const registry = new SessionRegistry(
    store,
    cluster?.presence ?? rooms,
    logger,
    {
      passcode: config.HOST_PASSCODE,
      maxLobbySessions: config.MAX_LOBBY_SESSIONS,
      maxLobbySessionsPerAddress: config.MAX_LOBBY_SESSIONS_PER_ADDRESS,
      maxRunningSessions: config.MAX_RUNNING_SESSIONS,
      maxRunningSessionsPerAddress: config.MAX_RUNNING_SESSIONS_PER_ADDRESS,
      seatsPerSession: config.MAX_SEATS_PER_SESSION,
      lobbyExpiryMs: config.LOBBY_EXPIRY_HOURS * 60 * 60 * 1000,
    },
    time,
  );
  const router = new MessageRouter(registry, {
    joinUrl: (joinCode) => `${publicUrl}/?join=${joinCode}`,
    // Only when the server listens beyond loopback (HOST=127.0.0.1 has no LAN link that would open).
    lanJoinUrls: (joinCode) => {
      const address = http.address();
      if (!address || typeof address !== 'object' || /^(127\.|::1$|::ffff:127\.)/.test(address.address)) return [];
      return lanJoinUrls(publicUrl, address.port, joinCode);
    },
  });
  cluster?.bind(store, registry, router);
  const gateway = new SocketGateway(io, registry, cluster?.router ?? router, rooms, logger, {
    trust: config.TRUST_PROXY,
    messageRate: config.MESSAGE_RATE,
    messageBurst: config.MESSAGE_BURST,
    floodDisconnectAfter: config.FLOOD_DISCONNECT_AFTER,
    joinGuessBurst: config.JOIN_GUESS_BURST,
    joinGuessesPerMinute: config.JOIN_GUESSES_PER_MINUTE,
    maxConnectionsPerAddress: config.MAX_CONNECTIONS_PER_ADDRESS,
    limitLoopback: config.LIMIT_LOOPBACK,
    ...(cluster ? { presenceChanged: (sessionId: string) => cluster.presenceChanged(sessionId) } : {}),
  });

  app.use('/api', statusRoutes({ staticDir: config.STATIC_DIR, store, registry }));
  app.get('/api/sessions/:id/results.:format', async (request, response) => {
    const key = String(request.query.key ?? request.get('x-facilitator-key') ?? '');
    const answer = key ? await readSessionLog(store, request.params.id, { key }) : undefined;
    const scenario = answer?.ok ? findScenario(answer.log.scenarioId) : undefined;
    if (!answer?.ok || !scenario) {
      sendApiError(response, 404, 'unknown-session', 'No session with that id and facilitator key.');
      return;
    }
    const { format } = request.params;
    if (format !== 'csv' && format !== 'json') {
      sendApiError(response, 404, 'not-found', 'Results come as .csv or .json.');
      return;
    }
    // Rebuilt from the record, running or ended: what the debrief shows, the cut-short round included.
    const results = sessionResults(answer.log, scenario);
    response.attachment(classResultsFileName(answer.log.joinCode, format));
    if (format === 'csv') response.type('text/csv').send(resultsCsv(results.rows));
    else response.json(results);
  });
  app.get('/api/sessions/:id/log', async (request, response) => {
    const answer = await readSessionLog(store, request.params.id, {
      key: String(request.query.key ?? request.get('x-facilitator-key') ?? '') || undefined,
      token: String(request.query.token ?? request.get('x-player-token') ?? '') || undefined,
    });
    if (answer.ok) response.json(answer.log);
    else sendApiError(response, answer.status, answer.error, answer.message);
  });
  app.use('/api', replayRoutes({ store, registry, publicUrl, logger }));
  app.use('/api', apiNotFound);
  app.use(express.static(config.STATIC_DIR, { index: 'index.html', maxAge: '1h' }));
  app.get('/{*splat}', (_request, response) => {
    const index = join(config.STATIC_DIR, 'index.html');
    if (existsSync(index)) response.sendFile(index);
    else response.status(503).type('text/plain').send('The game has not been built yet: run "npm start" from the repository root.');
  });
  app.use(jsonErrors(logger));

  return {
    http,
    registry,
    listen: async () => {
      // PostgreSQL connects and migrates here: a database that cannot be used stops the start.
      await store.open?.();
      if (cluster) {
        // The sessions nobody owns are claimed by the processes, each rebuilt where it lands.
        await cluster.start();
      } else {
        const report = await registry.restoreAll();
        if (report.restored + report.expired + report.setAside.length > 0) logger.info(report, 'sessions restored from the log');
      }
      registry.startSweeping();
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          const address = http.address();
          const port = typeof address === 'object' && address ? address.port : config.PORT;
          logger.info({ port, staticDir: config.STATIC_DIR, database: describeStorage(config), env: config.NODE_ENV }, 'listening');
          resolve(port);
        });
      });
    },
    close: async () => {
      // Another process takes this one's sessions over before its clients are let go.
      await cluster?.handOver();
      registry.stopAll();
      await gateway.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await cluster?.close();
      await store.close();
    },
  };
}
